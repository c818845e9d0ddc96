import { mdSection, mdText } from "../markdown.js";
import { namer } from "../names.js";
import { renderMarkdown } from "../view/markdown.js";
import { scoreView, tailView } from "../view/sections.js";
import type { ScoreFormat } from "./model.js";

export const scoreMarkdown: ScoreFormat = (options) => {
  const names = namer(options.frameworks, options.locale, mdText);
  return {
    head: () => `# ${names.w.documents.scores}\n`,
    before: () => "",
    item: (s) => mdSection(renderMarkdown(scoreView(s, names, options.frameworks), options.locale)),
    tail: ({ gates, findings }) => {
      const tail = tailView(findings, gates, names);
      return tail.length === 0 ? "" : mdSection(renderMarkdown(tail, options.locale));
    },
  };
};

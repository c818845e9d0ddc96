import { mdSection, mdText } from "../markdown.js";
import { namer } from "../names.js";
import { renderMarkdown } from "../view/markdown.js";
import { reportView, tailView } from "../view/sections.js";
import type { ReportFormat } from "./model.js";

export const reportMarkdown: ReportFormat = (options) => {
  const names = namer(options.frameworks, options.locale, mdText);
  return {
    head: () => `# ${names.w.documents.gapReport}\n`,
    before: () => "",
    item: (report) => mdSection(renderMarkdown(reportView(report, names, options.frameworks), options.locale)),
    tail: ({ findings }) => {
      const tail = tailView(findings, [], names);
      return tail.length === 0 ? "" : mdSection(renderMarkdown(tail, options.locale));
    },
  };
};

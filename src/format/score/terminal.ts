import { namer } from "../names.js";
import { printable } from "../printable.js";
import { blankLineBetween } from "../stream.js";
import { scoreView, tailView } from "../view/sections.js";
import { renderTerminal } from "../view/terminal.js";
import type { ScoreFormat } from "./model.js";

/** The readable terminal view: a profile table a subject, then problems and gates. */
export const scoreTerminal: ScoreFormat = (options) => {
  const names = namer(options.frameworks, options.locale, printable);
  const draw = (blocks: Parameters<typeof renderTerminal>[0]) => renderTerminal(blocks, options.style, options.locale, options.width);
  return {
    head: () => "",
    item: (score) => draw(scoreView(score, names, options.frameworks)),
    before: blankLineBetween.before,
    tail: ({ gates, findings }, count) => {
      const tail = tailView(findings, gates, names);
      return blankLineBetween.tail(tail.length === 0 ? [] : [draw(tail)], count);
    },
  };
};

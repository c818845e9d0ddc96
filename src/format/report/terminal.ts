import { namer } from "../names.js";
import { printable } from "../printable.js";
import { blankLineBetween } from "../stream.js";
import { reportView, tailView } from "../view/sections.js";
import { renderTerminal } from "../view/terminal.js";
import type { ReportFormat } from "./model.js";

export const reportTerminal: ReportFormat = (options) => {
  const names = namer(options.frameworks, options.locale, printable);
  const draw = (blocks: Parameters<typeof renderTerminal>[0]) => renderTerminal(blocks, options.style, options.locale, options.width);
  return {
    head: () => "",
    item: (report) => draw(reportView(report, names, options.frameworks)),
    before: blankLineBetween.before,
    tail: ({ findings }, count) => {
      const tail = tailView(findings, [], names);
      return blankLineBetween.tail(tail.length === 0 ? [] : [draw(tail)], count);
    },
  };
};

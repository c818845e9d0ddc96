import type { SubjectScore } from "../../scoring/model.js";
import { esc } from "../html.js";
import { namer } from "../names.js";
import { articleOpen, htmlPage, pageLocales } from "../page.js";
import { renderHtml } from "../view/html.js";
import { scoreView, tailView } from "../view/sections.js";
import { gathering } from "../stream.js";
import type { ScoreFormat, ScoreSummary } from "./model.js";

/** `score --format html`: the score sections of every subject on one self-contained page, in each language asked for. */
export const scoreHtml: ScoreFormat = (options) =>
  gathering<SubjectScore, ScoreSummary>((scores, { findings, gates }) =>
    htmlPage(pageLocales(options.locale, options.locales), (locale, id) => {
      const names = namer(options.frameworks, locale, esc);
      const { w } = names;
      const sections = scores.map(
        (s) =>
          `<section>${renderHtml(scoreView(s, names, options.frameworks), locale)}</section>`,
      );
      const tail = tailView(findings, gates, names);
      const title =
        scores.length === 1
          ? `${w.documents.scores}${w.colon}${esc(scores[0]!.name)}`
          : w.documents.scores;
      const body = `${renderHtml([{ type: "title", text: title }], locale)}\n<p class="meta">${w.documents.scale(names.scale())}</p>\n${tail.length === 0 ? "" : `<section>${renderHtml(tail, locale)}</section>`}${sections.join("\n")}`;
      return { title, html: `${articleOpen(locale, id)}\n${body}\n</article>` };
    }),
  );

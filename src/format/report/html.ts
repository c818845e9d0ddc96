import type { GapReport } from "../../analysis/gaps/model.js";
import { esc } from "../html.js";
import { namer } from "../names.js";
import { articleOpen, htmlPage, pageLocales } from "../page.js";
import type { Article } from "../page.js";
import { renderHtml } from "../view/html.js";
import { reportView, tailView } from "../view/sections.js";
import { gathering } from "../stream.js";
import type { ReportFormat, ReportRun, ReportSummary } from "./model.js";
import type { FormatOptions } from "../options.js";

/** The whole report in one language: its heading, the problems and a section a subject. */
function article(
  run: ReportRun,
  options: FormatOptions,
  locale: string,
  id: string | undefined,
): Article {
  const names = namer(options.frameworks, locale, esc);
  const { w } = names;
  const sections = run.reports.map(
    (report) =>
      `<section>${renderHtml(reportView(report, names, options.frameworks), locale)}</section>`,
  );
  const tail = tailView(run.findings, [], names);
  const problems =
    tail.length === 0 ? "" : `<section>${renderHtml(tail, locale)}</section>`;
  const title =
    run.reports.length === 1
      ? w.documents.gapReportOf(esc(run.reports[0]!.score.name))
      : w.documents.gapReport;
  return {
    title,
    html: `${articleOpen(locale, id)}\n${renderHtml([{ type: "title", text: title }], locale)}\n<p class="meta">${w.documents.scale(names.scale())}</p>\n${problems}${sections.join("\n")}\n</article>`,
  };
}

/** The page needs every subject for its title, so this format gathers them and writes at the end. */
export const reportHtml: ReportFormat = (options) =>
  gathering<GapReport, ReportSummary>((reports, { findings }) =>
    htmlPage(pageLocales(options.locale, options.locales), (locale, id) =>
      article({ reports, findings }, options, locale, id),
    ),
  );

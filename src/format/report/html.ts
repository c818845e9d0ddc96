import type { GapReport, Plan } from "../../analysis/gaps/model.js";
import type { CityScore, RegionScore } from "../../scoring/model.js";
import { bars, esc, radar } from "../html.js";
import { message } from "../messages.js";
import { words } from "../../i18n/words.js";
import { namer } from "../names.js";
import type { Names } from "../names.js";
import { fixed, pct } from "../numbers.js";
import type { ReportFormat, ReportRun } from "./model.js";
import type { FormatOptions } from "../options.js";

const STYLE = `
:root{--ink:#1d2733;--muted:#5b6876;--line:#d5dbe1;--accent:#1f6feb;--good:#1a7f37;--bad:#c0392b;--soft:#f4f6f8}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:var(--ink);margin:0;line-height:1.45;background:#fff}
:lang(zh){font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.6}
nav.langs{font-size:14px;color:var(--muted);margin:0 0 8px}nav.langs a{color:var(--accent);margin:0 6px}
article+article{margin-top:56px;border-top:6px double var(--line);padding-top:8px}
main{max-width:980px;margin:0 auto;padding:32px 28px 64px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:22px;margin:40px 0 4px;border-top:3px solid var(--accent);padding-top:16px}
h3{font-size:17px;margin:28px 0 8px}h4{font-size:15px;margin:18px 0 6px}
.meta{color:var(--muted);margin:0 0 16px;font-size:14px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{flex:1 1 200px;border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:var(--soft)}
.card .label{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.card .value{font-size:18px;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:13.5px;margin:8px 0 16px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
.advice{color:var(--muted);font-size:13px}table.plan td:first-child{min-width:9em}
figure{margin:12px 0 20px}figcaption{font-size:13px;color:var(--muted)}
.chart{width:100%;height:auto;font-size:11px;fill:var(--ink)}
.chart.radar{max-width:860px;display:block;margin:0 auto}
.ring{fill:none;stroke:var(--line)}.axis{stroke:var(--line)}
.radar .bar{fill:none;stroke:var(--bad);stroke-dasharray:4 3}
.series{fill-opacity:.25;stroke-width:2}.series.s0{fill:var(--accent);stroke:var(--accent)}.series.s1{fill:var(--good);stroke:var(--good)}
rect.bar.s0{fill:var(--accent)}rect.bar.s1{fill:#7aa7f0}rect.bar.s2{fill:#b9cff7}
.tick{stroke:var(--line)}.tick-label{fill:var(--muted)}.marker{stroke:var(--bad);stroke-width:2}
.legend{font-size:13px;color:var(--muted)}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px -2px 12px;border-radius:2px}
.ok{color:var(--good)}.no{color:var(--bad)}
ul.evidence li{margin:4px 0;font-size:13.5px}code{font-size:12.5px}
footer{margin-top:48px;color:var(--muted);font-size:12px}
@media print{
  @page{margin:16mm}
  body{font-size:11pt}main{max-width:none;padding:0}
  h2{break-before:page;border-top:none}section:first-of-type h2{break-before:auto}
  table,figure,.card,tr{break-inside:avoid}
  .card{background:none}
}`;

const td = (text: string, num = false) => `<td${num ? ' class="num"' : ""}>${text}</td>`;
const th = (text: string, num = false) => `<th${num ? ' class="num"' : ""}>${text}</th>`;
const card = (label: string, value: string) => `<div class="card"><div class="label">${label}</div><div class="value">${value}</div></div>`;

function planHtml(plan: Plan, names: Names): string {
  const { w } = names;
  const h = (text: string) => w.heading(text);
  const parts: string[] = [];
  if (plan.steps.length > 0) {
    const rows = plan.steps.map(
      (s) =>
        `<tr>${td(`<strong>${names.indicator(s.framework, s.indicator)}</strong><div class="advice">${names.dimension(s.framework, s.dimension)}</div>`)}${td(`${s.from} → ${s.to}`, true)}${td(
          `${names.levelText(s.framework, s.indicator, s.to)}<div class="advice">${names.advice(s.framework, s.indicator)}</div>`,
        )}</tr>`,
    );
    parts.push(
      `<p>${w.plan.steps(plan.levels, plan.steps.length)}${w.period}</p><table class="plan"><thead><tr>${th(h(w.head.indicator))}${th(h(w.head.level), true)}${th(h(w.head.newLevelAndHow))}</tr></thead><tbody>${rows.join("")}</tbody></table>`,
    );
  }
  for (const a of plan.answer) {
    parts.push(`<p>${w.plan.answerMore(a.needed, `<em>${names.dimension(a.framework, a.dimension)}</em>`, a.indicators.map((i) => names.indicator(a.framework, i)).join(w.listSep))}${w.period}</p>`);
  }
  if (!plan.reachable) parts.push(`<p class="no">${w.plan.outOfReach}${w.colon}${plan.unreachable.map((d) => names.dimension(plan.stage, d)).join(w.listSep)}${w.period}</p>`);
  return parts.join("") || `<p>${w.plan.nothingToRaiseShort}</p>`;
}

function gapSection(report: GapReport, names: Names, title: string): string {
  const { w } = names;
  const h = (text: string) => w.heading(text);
  if (report.gaps.length === 0) return `<h3>${title}</h3><p>${h(w.none)}${w.period}</p>`;
  const shown = report.gaps.slice(0, 12);
  const chart = bars(
    shown.map((g) => ({ label: names.indicator(g.framework, g.indicator), values: [g.level], marker: g.target })),
    [w.head.level],
    w.gaps.chartTitle(title),
  );
  const rows = report.gaps.map(
    (g) =>
      `<tr>${td(names.framework(g.framework))}${td(names.indicator(g.framework, g.indicator))}${td(g.level === undefined ? w.gaps.unanswered : String(g.level), true)}${td(`${g.target}${g.targetFrom === "assessment" ? "*" : ""}`, true)}${td(g.gap === undefined ? "?" : String(g.gap), true)}${td(String(g.weight), true)}${td(fixed(g.priority, 0), true)}</tr>`,
  );
  const head = [w.head.framework, w.head.indicator, w.head.level, w.head.target, w.head.gap, w.head.weight, w.head.priority].map((x, i) => th(h(x), i >= 2)).join("");
  return `<h3>${title}</h3><figure>${chart}<figcaption>${w.gaps.chartCaption(shown.length)}</figcaption></figure><table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>${
    report.gaps.some((g) => g.targetFrom === "assessment") ? `<p class="advice">${w.gaps.ownTargetNote}</p>` : ""
  }`;
}

function citySection(report: GapReport, score: CityScore, names: Names): string {
  const { w } = names;
  const h = (text: string) => w.heading(text);
  const stages = score.profile.stages;
  const labels = stages.flatMap((s) => s.dimensions.map((d) => names.dimension(s.id, d.id)));
  const values = stages.flatMap((s) => s.dimensions.map((d) => d.score));
  const bar = stages[0]?.attainment?.bar;
  const chart = radar(labels, [{ label: w.documents.seriesScore, values, className: "s0" }], bar, w.documents.radarCity);
  const plan = report.plan === undefined ? `<p>${w.plan.everyStageReached}</p>` : `<h3>${w.plan.toReach(names.stage(report.plan.stage))}</h3>${planHtml(report.plan, names)}`;
  const table = `<table><thead><tr>${th(h(w.head.stageDimension))}${th(h(w.head.score), true)}${th("%", true)}${th(h(w.head.answered), true)}${th(h(w.head.status))}</tr></thead><tbody>${stages
    .map(
      (s) =>
        `<tr>${td(`<strong>${names.framework(s.id)}</strong>`)}${td(fixed(s.score), true)}${td(pct(s.score), true)}${td(`${Math.round(s.coverage.share * 100)}%`, true)}${td(s.attainment?.reached ? `<span class="ok">${w.reached}</span>` : `<span class="no">${w.notReached}</span>`)}</tr>` +
        s.dimensions.map((d) => `<tr>${td(`&emsp;${names.dimension(s.id, d.id)}`)}${td(fixed(d.score), true)}${td(pct(d.score), true)}${td(`${d.coverage.answered}/${d.coverage.applicable}`, true)}${td("")}</tr>`).join(""),
    )
    .join("")}</tbody></table>`;
  return `<div class="cards">${card(w.stageReached, names.stage(score.profile.current))}${card(w.nextStage, score.profile.next === undefined ? "—" : names.stage(score.profile.next))}${
    score.targetStage === undefined ? "" : card(w.target, w.targetValue(names.stage(score.targetStage), score.targetDate === undefined ? undefined : esc(score.targetDate)))
  }</div><figure>${chart}<figcaption>${w.documents.radarCityCaption}</figcaption></figure>${table}${plan}${gapSection(report, names, w.gaps.cityTitle)}`;
}

function regionSection(report: GapReport, score: RegionScore, names: Names, stageIds: readonly string[]): string {
  const { w } = names;
  const h = (text: string) => w.heading(text);
  const best = score.fit.ranking[0];
  const labels = score.rollup.stages.flatMap((s) => s.dimensions.map((d) => names.dimension(s.id, d.id)));
  const chart = radar(
    labels,
    [
      { label: w.documents.seriesMean, values: score.rollup.stages.flatMap((s) => s.dimensions.map((d) => d.mean)), className: "s0" },
      { label: w.documents.seriesWeakest, values: score.rollup.stages.flatMap((s) => s.dimensions.map((d) => d.min)), className: "s1" },
    ],
    3,
    w.documents.radarRegion,
  );
  const memberChart = bars(
    score.members.map((m) => ({ label: esc(m.name), values: stageIds.map((_, i) => m.profile?.stages[i]?.score) })),
    stageIds.map((id) => names.framework(id)),
    w.documents.memberChart,
  );
  const legend = `<p class="legend">${stageIds.map((id, i) => `<span style="background:${["#1f6feb", "#7aa7f0", "#b9cff7"][i] ?? "#ccc"}"></span>${names.framework(id)}`).join("")}</p>`;
  const models = `<table><thead><tr>${th(h(w.head.model))}${th(h(w.head.fit), true)}${th(h(w.head.readiness), true)}${th("%", true)}</tr></thead><tbody>${score.fit.ranking
    .map((r) => `<tr>${td(r.model === score.fit.best ? `<strong>${names.framework(r.model)}</strong>` : names.framework(r.model))}${td(fixed(r.fit), true)}${td(fixed(r.readiness), true)}${td(pct(r.readiness), true)}</tr>`)
    .join("")}</tbody></table>`;
  const deciding =
    score.fit.deciding.length === 0
      ? ""
      : `<p>${w.decidingIndicators}${w.colon}${score.fit.deciding.map((d) => `${names.indicator(d.model, d.indicator)} <span class="advice">${w.paren(names.framework(d.model)).trim()}</span> ${d.level ?? "–"}`).join(w.listSep)}${w.period}</p>`;
  const region = report.region!;
  const holding =
    region.stage === undefined
      ? ""
      : `<h3>${w.plan.holdingBack(names.stage(region.stage))}</h3>${
          region.holdingBack.length === 0
            ? `<p>${h(w.none)}${w.period}</p>`
            : region.holdingBack
                .map((m) => `<h4>${esc(m.name)} <span class="advice">${w.plan.memberToReach("", names.stage(m.current), names.stage(m.plan.stage)).trim()}</span></h4>${planHtml(m.plan, names)}`)
                .join("")
        }`;
  return `<div class="cards">${card(w.bestFit, score.fit.best === undefined ? w.none : names.framework(score.fit.best))}${card(w.documents.readinessForIt, pct(best?.readiness))}${card(
    w.regionStage,
    names.stage(score.rollup.stage),
  )}${card(w.documents.members, String(score.members.length))}</div>${models}${deciding}<figure>${chart}<figcaption>${w.documents.radarRegionCaption}</figcaption></figure><figure>${memberChart}${legend}<figcaption>${w.documents.memberChartCaption}</figcaption></figure>${holding}${gapSection(
    report,
    names,
    w.gaps.regionTitle,
  )}`;
}

/** The whole report in one language: its heading, the problems and a section a subject. */
function article(run: ReportRun, options: FormatOptions, locale: string, id: string | undefined): { title: string; html: string } {
  const names = namer(options.frameworks, locale, esc);
  const { w } = names;
  const stageIds = options.frameworks.stages.map((s) => s.id);
  const sections = run.reports.map((report) => {
    const s = report.score;
    const body = s.kind === "city" ? citySection(report, s, names) : regionSection(report, s, names, stageIds);
    const evidence =
      report.evidence.length === 0
        ? ""
        : `<h3>${w.gaps.evidenceToCheck}</h3><ul class="evidence">${report.evidence.map((f) => `<li><code>${esc(`${f.file}:${f.line}:${f.col}`)}</code> ${esc(message(f, locale))}</li>`).join("")}</ul>`;
    return `<section><h2>${esc(s.name)} <span class="advice">${w.paren(w.kind[s.kind]).trim()}</span></h2><p class="meta">${w.assessed(esc(s.date))} · ${esc(s.file)}</p>${body}${evidence}</section>`;
  });
  const problems =
    run.findings.length === 0
      ? ""
      : `<section><h2>${w.gaps.problems}</h2><ul class="evidence">${run.findings.map((f) => `<li><code>${esc(`${f.file}:${f.line}:${f.col}`)}</code> ${w.severity[f.severity]}${w.colon}${esc(message(f, locale))}</li>`).join("")}</ul></section>`;
  const title = run.reports.length === 1 ? w.documents.gapReportOf(esc(run.reports[0]!.score.name)) : w.documents.gapReport;
  const open = id === undefined ? "<article>" : `<article lang="${esc(locale)}" id="${esc(id)}">`;
  return { title, html: `${open}\n<h1>${title}</h1>\n<p class="meta">${w.documents.scale(names.scale())}</p>\n${problems}${sections.join("\n")}\n</article>` };
}

const LANGUAGE_NAMES: Record<string, string> = { en: "English", "zh-CN": "中文" };

/**
 * One self-contained page: inline style and SVG, no script, nothing fetched; every input text
 * escaped. With several languages the page holds the whole report in each, one after another.
 */
function page(run: ReportRun, options: FormatOptions): string {
  const locales = options.locales !== undefined && options.locales.length > 0 ? options.locales : [options.locale];
  const several = locales.length > 1;
  const articles = locales.map((locale) => article(run, options, locale, several ? `lang-${locale}` : undefined));
  const first = words(locales[0]!);
  const nav = several
    ? `<nav class="langs">${locales.map((l) => words(l).documents.languages).filter((x, i, all) => all.indexOf(x) === i).join(" / ")}${first.colon}${locales
        .map((l) => `<a href="#lang-${esc(l)}" lang="${esc(l)}">${LANGUAGE_NAMES[l] ?? esc(l)}</a>`)
        .join("·")}</nav>\n`
    : "";
  return `<!DOCTYPE html>
<html lang="${esc(locales[0]!)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${articles.map((a) => a.title).join(" · ")}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${nav}${articles.map((a) => a.html).join("\n")}
<footer>${locales.map((l) => words(l).documents.madeWith).join(" ")}</footer>
</main>
</body>
</html>
`;
}

/** The page needs every subject for its title, so this format gathers them and writes at the end. */
export const reportHtml: ReportFormat = (options) => {
  const reports: GapReport[] = [];
  return {
    gathers: true,
    head: () => "",
    before: () => "",
    item: (report) => {
      reports.push(report);
      return "";
    },
    tail: ({ findings }) => page({ reports, findings }, options),
  };
};

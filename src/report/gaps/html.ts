import type { GapReport, Plan } from "../../gaps/model.js";
import type { CityScore, RegionScore } from "../../scoring/model.js";
import { bars, esc, radar } from "../html.js";
import { message } from "../messages.js";
import { namer } from "../names.js";
import type { Names } from "../names.js";
import { fixed, pct } from "../numbers.js";
import type { ReportFormat, ReportRun } from "./model.js";
import type { FormatOptions } from "../options.js";

const STYLE = `
:root{--ink:#1d2733;--muted:#5b6876;--line:#d5dbe1;--accent:#1f6feb;--good:#1a7f37;--bad:#c0392b;--soft:#f4f6f8}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:var(--ink);margin:0;line-height:1.45;background:#fff}
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
.advice{color:var(--muted);font-size:13px}
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
  const parts: string[] = [];
  if (plan.steps.length > 0) {
    const rows = plan.steps.map(
      (s) =>
        `<tr>${td(`<strong>${names.indicator(s.framework, s.indicator)}</strong><div class="advice">${names.dimension(s.framework, s.dimension)}</div>`)}${td(`${s.from} → ${s.to}`, true)}${td(
          `${names.levelText(s.framework, s.indicator, s.to)}<div class="advice">${names.advice(s.framework, s.indicator)}</div>`,
        )}</tr>`,
    );
    parts.push(
      `<p>${plan.levels} level step(s) on ${plan.steps.length} indicator(s).</p><table><thead><tr>${th("Indicator")}${th("Level", true)}${th("What the new level looks like, and how to get there")}</tr></thead><tbody>${rows.join("")}</tbody></table>`,
    );
  }
  for (const a of plan.answer) {
    parts.push(`<p>Answer at least ${a.needed} more in <em>${names.dimension(a.framework, a.dimension)}</em>: ${a.indicators.map((i) => names.indicator(a.framework, i)).join(", ")}.</p>`);
  }
  if (!plan.reachable) parts.push(`<p class="no">Out of reach even at level 5: ${plan.unreachable.map((d) => names.dimension(plan.stage, d)).join(", ")}.</p>`);
  return parts.join("") || "<p>Nothing to raise.</p>";
}

function gapSection(report: GapReport, names: Names, title: string): string {
  if (report.gaps.length === 0) return `<h3>${title}</h3><p>None.</p>`;
  const shown = report.gaps.slice(0, 12);
  const chart = bars(
    shown.map((g) => ({ label: names.indicator(g.framework, g.indicator), values: [g.level], marker: g.target })),
    ["level"],
    `${title}: level and target`,
  );
  const rows = report.gaps.map(
    (g) =>
      `<tr>${td(names.framework(g.framework))}${td(names.indicator(g.framework, g.indicator))}${td(g.level === undefined ? "unanswered" : String(g.level), true)}${td(`${g.target}${g.targetFrom === "assessment" ? "*" : ""}`, true)}${td(g.gap === undefined ? "?" : String(g.gap), true)}${td(String(g.weight), true)}${td(fixed(g.priority, 0), true)}</tr>`,
  );
  return `<h3>${title}</h3><figure>${chart}<figcaption>The ${shown.length} most urgent gaps: the bar is the level, the red line the target.</figcaption></figure><table><thead><tr>${th("Framework")}${th("Indicator")}${th("Level", true)}${th("Target", true)}${th("Gap", true)}${th("Weight", true)}${th("Priority", true)}</tr></thead><tbody>${rows.join("")}</tbody></table>${
    report.gaps.some((g) => g.targetFrom === "assessment") ? "<p class=\"advice\">* the assessment's own target.</p>" : ""
  }`;
}

function citySection(report: GapReport, score: CityScore, names: Names): string {
  const stages = score.profile.stages;
  const labels = stages.flatMap((s) => s.dimensions.map((d) => names.dimension(s.id, d.id)));
  const values = stages.flatMap((s) => s.dimensions.map((d) => d.score));
  const bar = stages[0]?.attainment?.bar;
  const chart = radar(labels, [{ label: "score", values, className: "s0" }], bar, "Dimension scores of every stage");
  const plan = report.plan === undefined ? "<p>Every stage is reached.</p>" : `<h3>Plan to reach ${names.stage(report.plan.stage)}</h3>${planHtml(report.plan, names)}`;
  const table = `<table><thead><tr>${th("Stage / dimension")}${th("Score", true)}${th("%", true)}${th("Answered", true)}${th("Status")}</tr></thead><tbody>${stages
    .map(
      (s) =>
        `<tr>${td(`<strong>${names.framework(s.id)}</strong>`)}${td(fixed(s.score), true)}${td(pct(s.score), true)}${td(`${Math.round(s.coverage.share * 100)}%`, true)}${td(s.attainment?.reached ? '<span class="ok">reached</span>' : '<span class="no">not reached</span>')}</tr>` +
        s.dimensions.map((d) => `<tr>${td(`&emsp;${names.dimension(s.id, d.id)}`)}${td(fixed(d.score), true)}${td(pct(d.score), true)}${td(`${d.coverage.answered}/${d.coverage.applicable}`, true)}${td("")}</tr>`).join(""),
    )
    .join("")}</tbody></table>`;
  return `<div class="cards">${card("Stage reached", names.stage(score.profile.current))}${card("Next stage", score.profile.next === undefined ? "—" : names.stage(score.profile.next))}${
    score.targetStage === undefined ? "" : card("Target", `${names.stage(score.targetStage)}${score.targetDate === undefined ? "" : ` by ${score.targetDate}`}`)
  }</div><figure>${chart}<figcaption>Every dimension of the three stages on the 0–5 scale; the dashed ring is the bar a dimension must reach.</figcaption></figure>${table}${plan}${gapSection(report, names, "Gaps, most urgent first")}`;
}

function regionSection(report: GapReport, score: RegionScore, names: Names, stageIds: readonly string[]): string {
  const best = score.fit.ranking[0];
  const labels = score.rollup.stages.flatMap((s) => s.dimensions.map((d) => names.dimension(s.id, d.id)));
  const chart = radar(
    labels,
    [
      { label: "weighted mean", values: score.rollup.stages.flatMap((s) => s.dimensions.map((d) => d.mean)), className: "s0" },
      { label: "weakest member", values: score.rollup.stages.flatMap((s) => s.dimensions.map((d) => d.min)), className: "s1" },
    ],
    3,
    "Region roll-up of every stage dimension",
  );
  const memberChart = bars(
    score.members.map((m) => ({ label: esc(m.name), values: stageIds.map((_, i) => m.profile?.stages[i]?.score) })),
    stageIds.map((id) => names.framework(id)),
    "Stage scores of each member city",
  );
  const legend = `<p class="legend">${stageIds.map((id, i) => `<span style="background:${["#1f6feb", "#7aa7f0", "#b9cff7"][i] ?? "#ccc"}"></span>${names.framework(id)}`).join("")}</p>`;
  const models = `<table><thead><tr>${th("Formation model")}${th("Fit", true)}${th("Readiness", true)}${th("%", true)}</tr></thead><tbody>${score.fit.ranking
    .map((r) => `<tr>${td(r.model === score.fit.best ? `<strong>${names.framework(r.model)}</strong>` : names.framework(r.model))}${td(fixed(r.fit), true)}${td(fixed(r.readiness), true)}${td(pct(r.readiness), true)}</tr>`)
    .join("")}</tbody></table>`;
  const deciding =
    score.fit.deciding.length === 0
      ? ""
      : `<p>Deciding indicators: ${score.fit.deciding.map((d) => `${names.indicator(d.model, d.indicator)} <span class="advice">(${names.framework(d.model)})</span> ${d.level ?? "–"}`).join(", ")}.</p>`;
  const region = report.region!;
  const holding =
    region.stage === undefined
      ? ""
      : `<h3>Members holding the region back from ${names.stage(region.stage)}</h3>${
          region.holdingBack.length === 0
            ? "<p>None.</p>"
            : region.holdingBack.map((m) => `<h4>${esc(m.name)} <span class="advice">(${names.stage(m.current)}), to reach ${names.stage(m.plan.stage)}</span></h4>${planHtml(m.plan, names)}`).join("")
        }`;
  return `<div class="cards">${card("Best-fit model", score.fit.best === undefined ? "none" : names.framework(score.fit.best))}${card("Readiness for it", pct(best?.readiness))}${card(
    "Region stage (weakest member)",
    names.stage(score.rollup.stage),
  )}${card("Members", String(score.members.length))}</div>${models}${deciding}<figure>${chart}<figcaption>The weighted mean of the members (blue) and the weakest member (green) on every stage dimension; the dashed ring is the bar.</figcaption></figure><figure>${memberChart}${legend}<figcaption>Each member's stage scores, 0–5.</figcaption></figure>${holding}${gapSection(
    report,
    names,
    "Region-level gaps to the best-fit model",
  )}`;
}

/** One self-contained page: inline style and SVG, no script, nothing fetched; every input text escaped. */
function page(run: ReportRun, options: FormatOptions): string {
  const names = namer(options.frameworks, options.locale, esc);
  const stageIds = options.frameworks.stages.map((s) => s.id);
  const sections = run.reports.map((report) => {
    const s = report.score;
    const body = s.kind === "city" ? citySection(report, s, names) : regionSection(report, s, names, stageIds);
    const evidence =
      report.evidence.length === 0
        ? ""
        : `<h3>Evidence to check</h3><ul class="evidence">${report.evidence.map((f) => `<li><code>${esc(`${f.file}:${f.line}:${f.col}`)}</code> ${esc(message(f))}</li>`).join("")}</ul>`;
    return `<section><h2>${esc(s.name)} <span class="advice">(${s.kind})</span></h2><p class="meta">Assessed ${esc(s.date)} · ${esc(s.file)}</p>${body}${evidence}</section>`;
  });
  const problems =
    run.findings.length === 0
      ? ""
      : `<section><h2>Problems</h2><ul class="evidence">${run.findings.map((f) => `<li><code>${esc(`${f.file}:${f.line}:${f.col}`)}</code> ${f.severity}: ${esc(message(f))}</li>`).join("")}</ul></section>`;
  const title = run.reports.length === 1 ? `Gap report: ${esc(run.reports[0]!.score.name)}` : "Gap report";
  return `<!DOCTYPE html>
<html lang="${esc(options.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p class="meta">Scores on the 0–5 scale: 0 none, 1 initial, 2 developing, 3 defined, 4 managed, 5 optimising.</p>
${problems}${sections.join("\n")}
<footer>Made with smartregion.</footer>
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

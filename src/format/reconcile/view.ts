import type { Given, ReconciledIndicator, Reconciliation } from "../../analysis/reconcile/model.js";
import type { FrameworkSet } from "../../framework/model.js";
import { namer } from "../names.js";
import type { Names } from "../names.js";
import { tone } from "../view/model.js";
import type { Block, Inline, Row } from "../view/model.js";

/** A reconciliation laid out once, for every human format. Texts from the input are made safe by `clean`. */
export function reconcileView(r: Reconciliation, set: FrameworkSet, locale: string, clean: (text: string) => string): Block[] {
  const names = namer(set, locale, clean);
  const { w } = names;
  const c = w.reconcile;
  const out: Block[] = [];
  out.push({ type: "heading", level: 2, text: `${clean(r.name)}${w.paren(w.kind[r.kind])}` });

  out.push({ type: "heading", level: 3, text: c.assessorsHead });
  out.push({
    type: "table",
    columns: [{ head: "" }, { head: c.assessor }, { head: c.file }, { head: c.date, nowrap: true }],
    rows: r.assessors.map((a) => ({ cells: [tone("strong", a.key), a.names === undefined ? clean(a.label) : a.names.map(clean).join(c.nameSep), clean(a.file), a.date] })),
  });
  out.push({ type: "paragraph", text: c.rule(r.rule), small: true });

  out.push({ type: "heading", level: 3, text: c.agreementHead });
  const alpha = (a: number | undefined): Inline => (a === undefined ? c.noAlpha : tone(a >= 0.8 ? "good" : a < 0.667 ? "bad" : "warn", a.toFixed(3)));
  out.push({
    type: "table",
    columns: [{ head: c.scope }, { head: c.alpha, align: "right" }, { head: c.units, align: "right" }, { head: c.exact, align: "right" }],
    rows: [
      { kind: "group", cells: [c.whole, alpha(r.overall.alpha), String(r.overall.units), String(r.overall.exact)] },
      ...r.byFramework.map((a) => ({ kind: "member" as const, cells: [names.framework(a.framework!), alpha(a.alpha), String(a.units), String(a.exact)] })),
    ],
  });
  out.push({ type: "paragraph", text: c.alphaNote, small: true });

  const disputed = r.indicators.filter((i) => i.dispute !== undefined);
  out.push({ type: "heading", level: 3, text: disputed.length === 0 ? c.noDisputes : c.disputesHead(disputed.length) });
  if (disputed.length > 0) out.push(indicatorTable(disputed, r, names, true));
  if (r.indicators.length > 0) {
    out.push({ type: "heading", level: 3, text: c.allHead, only: ["html", "markdown"] });
    out.push({ ...indicatorTable(r.indicators, r, names, false), only: ["html", "markdown"] });
  }
  return out;
}

export function givenText(g: Given, names: Names): string {
  return g === undefined ? names.w.reconcile.none : g === "n/a" ? names.w.reconcile.notApplicable : String(g);
}

function indicatorTable(rows: readonly ReconciledIndicator[], r: Reconciliation, names: Names, why: boolean): Block {
  const c = names.w.reconcile;
  // A row for each member and framework, the indicators under it.
  const group = (i: ReconciledIndicator) => [...(r.kind === "region" ? [i.member === undefined ? c.own : names.clean(i.member)] : []), names.framework(i.framework)].join(" › ");
  const blank = r.assessors.map(() => "");
  const out: Row[] = [];
  let last: string | undefined;
  for (const i of rows) {
    const g = group(i);
    if (g !== last) out.push({ kind: "group", cells: [g, ...blank, "", "", ...(why ? [""] : [])] });
    last = g;
    out.push({
      kind: "member",
      cells: [
        names.indicator(i.framework, i.indicator),
        ...i.given.map((v) => givenText(v, names)),
        tone("strong", givenText(i.merged, names)),
        i.spread === undefined ? c.none : i.dispute === "spread" ? tone("bad", String(i.spread)) : String(i.spread),
        ...(why ? [i.dispute === undefined ? "" : c.reason[i.dispute]] : []),
      ],
    });
  }
  return {
    type: "table",
    dense: !why,
    columns: [
      { head: c.indicator },
      ...r.assessors.map((a) => ({ head: a.key, align: "right" as const })),
      { head: c.merged, align: "right" },
      { head: c.spread, align: "right" },
      ...(why ? [{ head: c.why }] : []),
    ],
    rows: out,
  };
}

import { words } from "../i18n/words.js";
import { esc } from "./html.js";
import { printable } from "./printable.js";

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
div.table{overflow-x:auto}tr.group td{background:#fafbfc}.sub{display:block;padding-left:1.2em}
.card .advice{margin-top:2px}
.advice{color:var(--muted);font-size:13px}table.plan td:first-child{min-width:9em}
figure{margin:12px 0 20px}figcaption{font-size:13px;color:var(--muted)}
.chart{width:100%;height:auto;font-size:11px;fill:var(--ink)}
.chart.radar{max-width:760px;display:block;margin:0 auto}
.ring{fill:none;stroke:var(--line)}.axis{stroke:var(--line)}.axis.none{stroke-dasharray:2 3}
.chart text.none,.chart .none{fill:var(--muted);font-style:italic}.dot{stroke:none}.dot.s0{fill:var(--accent)}.dot.s1{fill:var(--good)}
.radar .bar{fill:none;stroke:var(--bad);stroke-dasharray:4 3}
.series{fill-opacity:.25;stroke-width:2}.series.s0{fill:var(--accent);stroke:var(--accent)}.series.s1{fill:var(--good);stroke:var(--good)}
rect.bar.s0{fill:var(--accent)}rect.bar.s1{fill:#7aa7f0}rect.bar.s2{fill:#b9cff7}
.tick{stroke:var(--line)}.tick-label{fill:var(--muted)}.marker{stroke:var(--bad);stroke-width:2}
.legend{font-size:13px;color:var(--muted)}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px -2px 12px;border-radius:2px}
.ok{color:var(--good)}.no{color:var(--bad)}.warn{color:#9a6700}
ul.evidence li{margin:4px 0;font-size:13.5px}code{font-size:12.5px}
a{color:var(--accent)}ol li{margin:6px 0}td.date{white-space:nowrap}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:6px 20px;margin:8px 0 16px;font-size:14.5px}
dl.facts dt{font-weight:600;color:var(--muted)}dl.facts dd{margin:0}
dl.terms dt{font-weight:600;margin-top:10px}dl.terms dd{margin:2px 0 0}
table.dense{font-size:12.5px}table.dense td{padding:3px 8px}
p,dd,li,td{overflow-wrap:break-word}
footer{margin-top:48px;color:var(--muted);font-size:12px}
@media (max-width:600px){
  main{padding:20px 14px 48px}h1{font-size:22px}h2{font-size:19px}
  dl.facts{display:block}dl.facts dd{margin:0 0 8px}
  .card{flex-basis:140px}
}
@media print{
  @page{margin:16mm 14mm 18mm}
  body{font-size:10.5pt}main{max-width:none;padding:0}
  h2{break-before:page;border-top:none;padding-top:0;margin-top:0}section:first-of-type h2{break-before:auto}
  article+article{break-before:page;border-top:none;margin-top:0}
  h1,h2,h3,h4,dt,thead,p.advice,p:has(+ div.table),p:has(+ ol),p:has(+ h4){break-after:avoid}
  table.keep{break-inside:avoid}
  figure,tr,.card,dl.facts,li{break-inside:avoid}
  .card{background:none}div.table{overflow:visible}
  a[href]::after{content:" (" attr(href) ")";font-size:8.5pt;color:var(--muted);overflow-wrap:anywhere}
  footer{display:none}
}`;

/** One language's part of a page: its title (for the page's title) and its HTML. */
export interface Article {
  readonly title: string;
  readonly html: string;
  /** What the foot of each printed page says beside its number: the document's title as plain text. */
  readonly running?: string;
}

/** Text as a CSS string: everything but letters, digits and spaces as escapes, so no input can end the string or the style. */
export function cssString(text: string): string {
  let out = "";
  for (const c of printable(text)) out += /^[A-Za-z0-9 ]$/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `;
  return `"${out}"`;
}

/** The running footer of printed pages: the title at the left, the page and the count of pages at the right. */
const runningFooter = (running: string | undefined): string => {
  const box = 'font-size:8pt;color:#5b6876;font-family:system-ui,"Noto Sans","Noto Sans CJK SC",sans-serif';
  const left = running === undefined ? "" : `@bottom-left{content:${cssString(running)};${box}}`;
  return `\n@media print{@page{${left}@bottom-right{content:counter(page) " / " counter(pages);${box}}}}`;
};

const LANGUAGE_NAMES: Record<string, string> = { en: "English", "zh-CN": "中文" };

/** The languages of a page: those asked for, else the one locale. */
export const pageLocales = (locale: string, locales: readonly string[] | undefined): readonly string[] => (locales !== undefined && locales.length > 0 ? locales : [locale]);

/**
 * One self-contained page: inline style and SVG, no script, nothing fetched; every input text
 * escaped. With several languages the page holds the whole document in each, one after another,
 * each part in an article of its own language, `article(locale, id)` making each.
 */
export function htmlPage(locales: readonly string[], article: (locale: string, id: string | undefined) => Article): string {
  const several = locales.length > 1;
  const articles = locales.map((locale) => article(locale, several ? `lang-${locale}` : undefined));
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
<style>${STYLE}${runningFooter(articles.some((a) => a.running !== undefined) ? articles.map((a) => a.running ?? "").join(" · ") : undefined)}</style>
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

/** The opening of one language's article: with several languages, marked with its language and an id the page's links reach. */
export const articleOpen = (locale: string, id: string | undefined): string => (id === undefined ? "<article>" : `<article lang="${esc(locale)}" id="${esc(id)}">`);

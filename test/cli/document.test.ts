import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

/** A position in a file as the CI formats write it. */
const POSITION = /\.ya?ml:\d+:\d+/;

interface ReportJson {
  reports: {
    evidence: { code: string; file: string }[];
    region: { holdingBack: { name: string; plan: { steps: unknown[] } }[] } | null;
    register: { parts: { name: string; own: boolean; entries: { checks: unknown[]; evidence: { link: string | null }[] }[] }[] };
  }[];
}

/** A level-3 section of an HTML page, up to the next one. */
const sectionOf = (html: string, title: string): string => {
  const start = html.indexOf(`<h3>${title}`);
  const end = html.indexOf("<h3>", start + 4);
  return start < 0 ? "" : html.slice(start, end < 0 ? undefined : end);
};
const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

describe("the report as a document to hand over", () => {
  const dir = mkdtempSync(join(tmpdir(), "smartregion-document-"));
  let html = "";
  let markdown = "";
  let json: ReportJson;

  beforeAll(() => {
    const run = smartregion(["report", "examples/dublin-region/region.yaml", "--format", `html=${join(dir, "r.html")}`, "--format", `markdown=${join(dir, "r.md")}`, "--format", `json=${join(dir, "r.json")}`]);
    expect(run.code).toBe(0);
    html = readFileSync(join(dir, "r.html"), "utf8");
    markdown = readFileSync(join(dir, "r.md"), "utf8");
    json = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as ReportJson;
  });

  it("opens with the summary, before any table or chart, and names the three actions that matter most", () => {
    const article = html.slice(html.indexOf("<article"));
    const summary = article.indexOf("<h3>Summary</h3>");
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(article.indexOf("<table"));
    expect(summary).toBeLessThan(article.indexOf("<svg"));
    // The actions come from the members that hold the region back, one from each in turn.
    const actions = sectionOf(article, "Summary").match(/<ol>.*?<\/ol>/s)?.[0] ?? "";
    expect(count(actions, /<li>/g)).toBe(3);
    const behind = json.reports[0]!.region!.holdingBack.map((m) => m.name);
    expect(behind.length).toBeGreaterThanOrEqual(3);
    behind.slice(0, 3).forEach((name, i) => expect(actions.split("<li>")[i + 1]).toContain(name));
  });

  it("puts no file position in the HTML or the Markdown, and lists each evidence finding once in the appendix", () => {
    expect(html).not.toMatch(POSITION);
    expect(markdown).not.toMatch(POSITION);
    const checks = json.reports[0]!.register.parts.flatMap((p) => p.entries.flatMap((e) => e.checks));
    expect(checks.length).toBe(json.reports[0]!.evidence.length);
    expect(checks.length).toBeGreaterThan(10);
    const appendix = html.slice(html.indexOf("<h3>Appendix"));
    expect(count(appendix, /<tbody>/g)).toBe(json.reports[0]!.register.parts.filter((p) => p.entries.some((e) => e.checks.length > 0)).length);
    expect(count(appendix, /<tr>/g) - count(appendix, /<thead>/g)).toBe(checks.length);
  });

  it("groups the evidence register by the region's own answers and each member, and says who assessed each", () => {
    const parts = json.reports[0]!.register.parts;
    expect(parts.map((p) => p.own)).toEqual([true, false, false, false, false]);
    const register = sectionOf(html, "Evidence register");
    expect(count(register, /<h4>/g)).toBe(parts.length);
    for (const p of parts.slice(1)) expect(register).toContain(`<h4>${p.name}`);
    const who = sectionOf(html, "Who assessed what, and when").split("</table>")[0]!;
    expect(count(who, /<tr>/g) - 1).toBe(parts.length);
    expect(html).toContain("Example Reviewer");
    expect(html).toContain("Ireland");
  });

  it("links only web addresses, and shows any other link as text", () => {
    const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8")
      .replace("link: https://example.org/riverton/data/catalogue", 'link: "javascript:alert(1)"')
      .replace("link: https://example.org/riverton/digital/exchange-platform/sla-2026-04", 'link: "file:///etc/passwd"');
    writeFileSync(join(dir, "links.yaml"), city);
    expect(smartregion(["report", join(dir, "links.yaml"), "--format", `html=${join(dir, "links.html")}`, "--format", `markdown=${join(dir, "links.md")}`]).code).toBe(0);
    const page = readFileSync(join(dir, "links.html"), "utf8");
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith("#"));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    expect(page).toContain("javascript:alert(1)");
    const md = readFileSync(join(dir, "links.md"), "utf8");
    expect(md).not.toMatch(/\]\((?:javascript|file):/);
    expect(md).toMatch(/\]\(https:\/\/example\.org\/riverton\/data\/fundamental-databases-quality-2025\)/);
  });

  it("shows control characters from the input as escapes in every human format, keys included", () => {
    const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8")
      .replace("name: Riverton", 'name: "River\\x1bton\\u202eevil"')
      .replace("- name: Amira Hollis", '- name: "Amira\\x07 Hollis"')
      .replace("title: Fundamental databases quality report 2025", 'title: "Quality\\x9b report"');
    writeFileSync(join(dir, "controls.yaml"), city);
    writeFileSync(join(dir, "wrong.yaml"), city.replace("date: 2026-06-30", 'date: 2026-06-30\n"k\\x1b[2Jey": 1'));
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    for (const format of ["terminal", "markdown", "html"]) {
      for (const command of ["score", "report"]) {
        const run = smartregion([command, join(dir, "controls.yaml"), join(dir, "wrong.yaml"), "--format", format]);
        expect(run.code, `${command} ${format}`).toBe(1);
        expect(run.stdout, `${command} ${format}`).not.toMatch(raw);
        expect(run.stdout, `${command} ${format}`).toMatch(/River\\+u\\?\{1b\\?\}ton/);
        expect(run.stdout, `${command} ${format}`).toMatch(/k\\+u\\?\{1b\\?\}\\?\[2Jey/);
      }
    }
  });
});

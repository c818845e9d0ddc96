import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smartregion } from "../cli/run.js";

/** Debian's Chromium; `.ci/run` installs it when it is missing. */
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env["CI"] === "true") throw new Error(`Chromium not found at ${CHROMIUM}; .ci/run should have installed it`);

describe.skipIf(!available)("the HTML report in a real browser", () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "sr-browser-"));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a report file, recording console errors, page errors, dialogs and any request that leaves the file. */
  async function open(file: string) {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("dialog", (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return { page, problems };
  }

  it("loads the region report with no error and draws its charts", async () => {
    const file = join(dir, "region.html");
    expect(smartregion(["report", "examples/dublin-region/region.yaml", "--format", "html", "-o", file]).code).toBe(0);
    const { page, problems } = await open(file);
    expect(problems).toEqual([]);
    expect(await page.locator("svg.chart.radar polygon.series").count()).toBe(2);
    expect(await page.locator("svg.chart.bars rect.bar").count()).toBeGreaterThan(4);
    const box = await page.locator("svg.chart.radar").boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(await page.locator("h2").first().textContent()).toContain("Dublin region");
    await page.close();
  });

  it("draws score and diff as pages of their own, the diff's before and after on one radar, with no error", async () => {
    const score = join(dir, "score.html");
    expect(smartregion(["score", "examples/seattle-region.yaml", "examples/city.yaml", "--format", "html", "--lang", "en,zh-CN", "-o", score]).code).toBe(0);
    const scored = await open(score);
    expect(scored.problems).toEqual([]);
    expect(await scored.page.locator("article[lang='zh-CN'] h2").count()).toBe(2);
    expect(await scored.page.locator("article[lang='en'] svg.chart.radar").count()).toBeGreaterThanOrEqual(2);
    await scored.page.close();
    const newer = readFileSync("examples/city.yaml", "utf8").replace("date: 2026-06-30", "date: 2027-06-30").replace(/(\n {4}sharing-platform:\n {6}level: )\d/, "$15");
    writeFileSync(join(dir, "newer.yaml"), newer);
    const diff = join(dir, "diff.html");
    expect(smartregion(["diff", "examples/city.yaml", join(dir, "newer.yaml"), "--format", "html", "-o", diff]).code).toBe(0);
    const diffed = await open(diff);
    expect(diffed.problems).toEqual([]);
    expect(await diffed.page.locator("svg.chart.radar polygon.series").count()).toBe(2);
    expect(await diffed.page.locator("table").count()).toBeGreaterThanOrEqual(2);
    await diffed.page.close();
  });

  it("shows a hostile subject name as text and runs nothing", async () => {
    const city = readFileSync("examples/city.yaml", "utf8").replace(/^  name: .*$/m, '  name: "<script>alert(1)</script><img src=x onerror=alert(2)>"');
    writeFileSync(join(dir, "xss.yaml"), city);
    const file = join(dir, "xss.html");
    expect(smartregion(["report", join(dir, "xss.yaml"), "--format", "html", "-o", file]).code).toBe(0);
    const { page, problems } = await open(file);
    expect(problems).toEqual([]);
    expect(await page.locator("h2").first().textContent()).toContain("<script>alert(1)</script>");
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    await page.close();
  });

  /** The fonts Chromium drew an element's text with, from the DevTools protocol. */
  async function fontsOf(page: Awaited<ReturnType<typeof open>>["page"], selector: string): Promise<{ familyName: string; glyphCount: number }[]> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    await cdp.detach();
    return fonts;
  }

  it("renders the Chinese report with a Chinese font, every glyph drawn, nothing overflowing", async () => {
    const file = join(dir, "zh.html");
    expect(smartregion(["report", "examples/six-city-alliance.yaml", "--format", "html", "-o", file], undefined, { LANG: "zh_CN.UTF-8" }).code).toBe(0);
    const { page, problems } = await open(file);
    await page.setViewportSize({ width: 1200, height: 1600 });
    expect(problems).toEqual([]);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator("h1").textContent()).toMatch(/[\u4e00-\u9fff]/);
    // Every Chinese glyph of the heading and of a table is drawn with a font that has Chinese in it (not as empty boxes).
    for (const selector of ["h1", "table th", "figcaption"]) {
      const fonts = await fontsOf(page, selector);
      const drawn = fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
      expect(drawn.some((name) => /CJK|Han|Hei|Song|Ming|PingFang|YaHei|WenQuanYi|Noto Sans SC/i.test(name)), `${selector}: ${drawn.join(", ")}`).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await page.locator("svg.chart.radar text").count()).toBeGreaterThan(10);
    const shot = join(process.env["SMARTREGION_SCREENSHOTS"] ?? dir, "report-zh-CN.png");
    await page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1200, height: 1600 } });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
    await page.close();
  });

  it("puts both languages on one page, each part in its own language", async () => {
    const file = join(dir, "both.html");
    expect(smartregion(["--lang", "zh-CN,en", "report", "examples/city.yaml", "--format", "html", "-o", file]).code).toBe(0);
    const { page, problems } = await open(file);
    expect(problems).toEqual([]);
    expect(await page.locator("article").evaluateAll((all) => all.map((a) => a.getAttribute("lang")))).toEqual(["zh-CN", "en"]);
    expect(await page.locator('article[lang="zh-CN"] h1').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('article[lang="en"] h1').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await page.locator('nav a[href="#lang-en"]').click();
    expect(await page.evaluate(() => location.hash)).toBe("#lang-en");
    await page.close();
  });

  /** Pages a consultant hands over: the Dublin region, the example city, a city with whole dimensions unanswered, and a Chinese region. */
  function documents(): { name: string; file: string }[] {
    const partial = readFileSync("examples/city.yaml", "utf8").split("\n").slice(0, 292).join("\n").replace("name: Riverton", "name: Harbourton");
    writeFileSync(join(dir, "partial.yaml"), `${partial}\n`);
    const runs: [string, string[], NodeJS.ProcessEnv?][] = [
      ["dublin", ["report", "examples/dublin-region/region.yaml"]],
      ["city", ["report", "examples/city.yaml"]],
      ["partial", ["report", join(dir, "partial.yaml")]],
      ["alliance-zh", ["report", "examples/six-city-alliance.yaml", "--lang", "zh-CN"]],
      ["both", ["--lang", "en,zh-CN", "report", "examples/city.yaml"]],
    ];
    return runs.map(([name, args, env]) => {
      const file = join(dir, `${name}.html`);
      expect(smartregion([...args, "--format", `html=${file}`], undefined, env).code, name).toBe(0);
      return { name, file };
    });
  }

  it("fits a phone and a desktop with every chart label inside its chart, no file position, and the summary first", async () => {
    for (const { name, file } of documents()) {
      for (const width of [390, 1280]) {
        const { page, problems } = await open(file);
        await page.setViewportSize({ width, height: 900 });
        expect(problems, name).toEqual([]);
        const seen = await page.evaluate(() => {
          const out: string[] = [];
          for (const svg of document.querySelectorAll("svg.chart")) {
            const vb = (svg as SVGSVGElement).viewBox.baseVal;
            for (const t of svg.querySelectorAll("text")) {
              const b = (t as SVGTextElement).getBBox();
              if (b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y + b.height > vb.y + vb.height + 0.5) out.push(`${t.textContent} at x ${b.x.toFixed(0)}, width ${b.width.toFixed(0)} of ${vb.width}`);
            }
          }
          const firstHeading = [...document.querySelectorAll("article")].map((a) => a.querySelector("h3")?.nextElementSibling?.tagName ?? "");
          return { clipped: out, scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, text: document.body.innerText, firstHeading, labels: document.querySelectorAll("svg.chart text").length };
        });
        expect(seen.clipped, `${name} at ${width}`).toEqual([]);
        expect(seen.labels).toBeGreaterThan(10);
        expect(seen.scroll, `${name} at ${width}: page wider than the screen`).toBeLessThanOrEqual(seen.client);
        expect(seen.text).not.toMatch(/\.ya?ml:\d+:\d+/);
        // Each language's part opens with its summary: a paragraph under the first section heading.
        expect(seen.firstHeading.every((tag) => tag === "P"), name).toBe(true);
        await page.close();
      }
    }
  });

  it("labels an axis nobody answered instead of drawing it as 0", async () => {
    const file = join(dir, "partial.html");
    if (!existsSync(file)) documents();
    const json = JSON.parse(smartregion(["score", join(dir, "partial.yaml"), "--format", "json"]).stdout) as { results: { profile: { stages: { dimensions: { score: number | null }[] }[] } }[] };
    const unanswered = json.results[0]!.profile.stages.flatMap((s) => s.dimensions).filter((d) => d.score === null).length;
    expect(unanswered).toBeGreaterThan(0);
    const { page } = await open(file);
    expect(await page.locator("svg.chart.radar text.none").count()).toBe(unanswered);
    // The polygon has a point for each answered axis only.
    const points = await page.locator("svg.chart.radar polygon.series").first().getAttribute("points");
    const axes = await page.locator("svg.chart.radar line.axis").count();
    expect(points!.trim().split(/\s+/).length).toBe(axes - unanswered);
    await page.close();
  });

  const pdftotext = spawnSync("pdftotext", ["-v"]).error === undefined;
  it.skipIf(!pdftotext)("prints on A4 and Letter with no heading at the foot of a page and no empty page", async () => {
    const file = join(dir, "dublin.html");
    if (!existsSync(file)) documents();
    for (const format of ["A4", "Letter"] as const) {
      const { page } = await open(file);
      // Headings, and the paragraphs that introduce a table or a list: none may end a page.
      const leads = (await page.locator("h1, h2, h3, h4, p:has(+ div.table), p:has(+ ol)").allTextContents()).map((h) => h.replace(/\s+/g, " ").trim());
      const pdf = join(dir, `dublin-${format}.pdf`);
      await page.pdf({ path: pdf, format, preferCSSPageSize: false });
      await page.close();
      const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
      const pages = text.split("\f").filter((p, i, all) => i < all.length - 1 || p.trim() !== "");
      expect(pages.length, format).toBeGreaterThan(3);
      pages.forEach((p, i) => {
        // The running footer: the title at the left, the page of pages at the right.
        const lines = p.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l !== "");
        const footer = lines.at(-1) ?? "";
        expect(footer, `${format} page ${i + 1}`).toMatch(new RegExp(`Gap report: Dublin region.* ${i + 1} / ${pages.length}$`));
        const body = lines.slice(0, -1);
        expect(body.length, `${format} page ${i + 1} is empty`).toBeGreaterThan(0);
        const last = body.at(-1)!;
        expect(leads.some((h) => h === last || (last.length > 12 && h.endsWith(last))), `${format} page ${i + 1} ends with "${last}", which leads into the next page`).toBe(false);
      });
    }
  });
});

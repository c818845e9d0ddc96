import { join } from "node:path";
import { describe, expect, it } from "vitest";
import stringWidth from "string-width";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

const widest = (text: string) => Math.max(...text.split("\n").map((line) => stringWidth(line)));
/** The words of a text, whatever the lines and boxes it is drawn in. */
const words = (text: string) => text.replace(/[│┌┐└┘┬┴─]/g, " ").replace(/\s+/g, " ");

describe("terminal output fitted to the terminal", () => {
  const runs = [
    ["score", "examples/city.yaml", "examples/seattle-region.yaml", "examples/dublin-region/region.yaml"],
    ["report", "examples/city.yaml", "examples/six-city-alliance.yaml"],
    ["--lang", "zh-CN", "report", "examples/city.yaml", "examples/seattle-region.yaml"],
    ["diff", "examples/dublin-region/members/fingal.yaml", "examples/dublin-region/members/south-dublin.yaml", "--force"],
    ["frameworks", "list"],
    ["frameworks", "show", "contiguous-federation"],
    ["reconcile", "examples/city.yaml", "examples/riverton-review/second-assessor.yaml"],
  ];

  it.each([60, 80, 120])("prints no line wider than COLUMNS=%i, in English and Chinese", (columns) => {
    for (const args of runs) {
      const run = smartregion(args, ROOT, { COLUMNS: String(columns) });
      expect(run.code, args.join(" ")).toBe(0);
      expect(widest(run.stdout), args.join(" ")).toBeLessThanOrEqual(columns);
    }
  });

  it("is 80 columns wide when the output is not a terminal and COLUMNS is not set", () => {
    const run = smartregion(["report", "examples/city.yaml"]);
    expect(widest(run.stdout)).toBeLessThanOrEqual(80);
    // A table that fits at 120 keeps its bar of 0 to 5, and loses it at 80.
    expect(smartregion(["score", "examples/city.yaml"], ROOT, { COLUMNS: "120" }).stdout).toContain("0 ───");
    expect(run.stdout).not.toContain("0 ───");
  });

  it("wraps between words, never inside one", async () => {
    const { loadFrameworks } = (await import(join(ROOT, "dist", "lib", "index.mjs"))) as typeof import("../../src/index.js");
    const advice = loadFrameworks({ cwd: ROOT }).byId.get("open")!.indicators.find((i) => i.id === "co-creation")!.advice;
    const text = typeof advice === "string" ? advice : advice["en"]!;
    const run = smartregion(["report", "examples/city.yaml"], ROOT, { COLUMNS: "60" });
    expect(text.length).toBeGreaterThan(60);
    expect(words(run.stdout)).toContain(words(text).trim());
  });
});

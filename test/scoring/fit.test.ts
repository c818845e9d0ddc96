import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "../cli/run.js";

type Library = typeof import("../../src/index.js");
const library = () => import(join(ROOT, "dist", "lib", "index.mjs")) as Promise<Library>;

let lib: Library;
let frameworks: ReturnType<Library["loadFrameworks"]>;
beforeAll(async () => {
  lib = await library();
  frameworks = lib.loadFrameworks({ cwd: ROOT });
});

/** A region of two inline members whose region-level answers are `level(model, indicator)` (undefined: unanswered). */
function region(level: (model: string, indicator: string) => number | undefined, members = ""): string {
  const lines = ["smartregion: 1", "subject:", "  name: Test region", "  kind: region", "date: 2026-06-30"];
  lines.push("members:", members === "" ? "  - name: A\n    indicators:\n      integrated:\n        fundamental-databases: 3\n  - name: B\n    indicators:\n      integrated:\n        fundamental-databases: 2" : members);
  lines.push("indicators:");
  for (const model of frameworks.models) {
    const answered = model.indicators.map((i) => [i.id, level(model.id, i.id)] as const).filter(([, l]) => l !== undefined);
    if (answered.length === 0) continue;
    lines.push(`  ${model.id}:`, ...answered.map(([id, l]) => `    ${id}: ${l}`));
  }
  return `${lines.join("\n")}\n`;
}

function fitOf(content: string) {
  const { results, findings } = lib.score([{ file: "region.yaml", content }], { cwd: ROOT, frameworks });
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  const subject = results[0]!;
  if (subject.kind !== "region") throw new Error("not a region");
  return subject.fit;
}

describe("model fit", () => {
  it("names no model for a region that has done nothing", () => {
    const fit = fitOf(region(() => 0));
    expect(fit.verdict).toBe("none");
    expect(fit.best).toBeUndefined();
    expect(fit.ranking.every((r) => r.excluded === "below-floor")).toBe(true);
  });

  it("says the models tie when every indicator is at 5", () => {
    const fit = fitOf(region(() => 5));
    expect(fit.verdict).toBe("tie");
    expect(fit.best).toBeUndefined();
    expect([...fit.tied].sort()).toEqual(frameworks.models.map((m) => m.id).sort());
  });

  it("says too little is answered when one indicator of forty is", () => {
    const first = frameworks.models[0]!;
    const fit = fitOf(region((model, indicator) => (model === first.id && indicator === first.indicators[0]!.id ? 4 : undefined)));
    expect(fit.verdict).toBe("too-little-answered");
    expect(fit.best).toBeUndefined();
  });

  it("is decided by the indicators that carry each model", () => {
    const alliance = frameworks.byId.get("networked-alliance")!;
    const carrying = alliance.indicators.filter((i) => i.carriesFit).map((i) => i.id);
    expect(carrying).toEqual(expect.arrayContaining(["common-strategy", "harmonised-apis", "joint-funding", "coordination-office"]));
    const text = readFileSync(join(ROOT, "examples", "six-city-alliance.yaml"), "utf8");
    const before = fitOf(text);
    expect(before.best).toBe("networked-alliance");
    // The same region without its strategy, its interfaces, its joint funding and its office.
    let without = text;
    for (const id of ["common-strategy", "harmonised-apis", "joint-funding", "coordination-office"]) without = without.replace(new RegExp(`(\\n    ${id}:\\n      level: )\\d`), "$10");
    expect(without).not.toBe(text);
    const after = fitOf(without);
    const fitAfter = after.ranking.find((r) => r.model === "networked-alliance")!.fit!;
    expect(fitAfter).toBeLessThan(before.ranking.find((r) => r.model === "networked-alliance")!.fit! - 0.5);
  });

  it("does not call a region core-led when its named core trails a neighbour", () => {
    const strong = "    indicators:\n      integrated:\n        fundamental-databases: 4\n        business-databases: 4";
    const weak = "    indicators:\n      integrated:\n        fundamental-databases: 1\n        business-databases: 1";
    const coreLed = (model: string) => (model === "core-led" ? 4 : 1);
    const led = fitOf(region(coreLed, `  - name: Core\n    core: true\n${strong}\n  - name: Neighbour\n${weak}`));
    expect(led.best).toBe("core-led");
    expect(led.core).toMatchObject({ member: "Core", from: "named", leads: true });
    const trailing = fitOf(region(coreLed, `  - name: Core\n    core: true\n${weak}\n  - name: Neighbour\n${strong}`));
    expect(trailing.best).toBeUndefined();
    expect(trailing.verdict).toBe("none");
    expect(trailing.ranking.find((r) => r.model === "core-led")!.excluded).toBe("core-not-leading");
    expect(trailing.core).toMatchObject({ member: "Core", leads: false, overtakenBy: { member: "Neighbour", stage: "integrated" } });
  });

  it("gives the verdict in the JSON of score, and no model name for a tie in any human format", () => {
    const file = join(mkdtempSync(join(tmpdir(), "smartregion-fit-")), "tie.yaml");
    writeFileSync(file, region(() => 5));
    {
      const json = JSON.parse(smartregion(["score", file, "--format", "json"]).stdout) as { results: { fit: { verdict: string; tied: string[]; best: string | null } }[] };
      expect(json.results[0]!.fit).toMatchObject({ verdict: "tie", best: null });
      expect(json.results[0]!.fit.tied).toHaveLength(3);
      for (const format of ["terminal", "markdown"]) {
        const out = smartregion(["score", file, "--format", format]);
        expect(out.code).toBe(0);
      }
      expect(smartregion(["report", file, "--format", "html"]).code).toBe(0);
    }
  });
});

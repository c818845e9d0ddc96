import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FrameworkError } from "../../src/model/errors.js";
import { loadFrameworks } from "../../src/framework/load.js";
import type { FrameworkFiles } from "../../src/framework/load.js";
import { LEVELS } from "../../src/framework/model.js";
import { localize, localesOf } from "../../src/model/text.js";
import { SHIPPED, codes, diskFrameworkFiles, shippedFrameworks } from "../helpers.js";

/** The shipped folder, with one extra folder held in memory. */
function withCustom(files: Record<string, string>): FrameworkFiles {
  return {
    list: (dir) => (dir === "/custom" ? Object.keys(files).sort().map((f) => `/custom/${f}`) : diskFrameworkFiles.list(dir)),
    read: (file) => (file.startsWith("/custom/") ? new TextEncoder().encode(files[file.slice(8)]!) : diskFrameworkFiles.read(file)),
    display: (file) => (file.startsWith("/custom/") ? file.slice(1) : diskFrameworkFiles.display(file)),
  };
}

const TOURISM = readFileSync(join(SHIPPED, "integrated.yaml"), "utf8")
  .replace("id: integrated", "id: tourism")
  .replace("order: 1", "order: 4")
  .replace("integrated.json", "tourism.json");

function loadErrors(files: Record<string, string>) {
  try {
    loadFrameworks({ shipped: SHIPPED, custom: ["/custom"] }, withCustom(files));
  } catch (error) {
    if (error instanceof FrameworkError) return error.findings;
    throw error;
  }
  return [];
}

describe("shipped frameworks", () => {
  const set = shippedFrameworks();

  it("hold the three stages in order and the three models", () => {
    expect(set.stages.map((f) => f.id)).toEqual(["integrated", "open", "merged"]);
    expect(set.models.map((f) => f.id)).toEqual(["contiguous-federation", "core-led", "networked-alliance"]);
  });

  it("give each stage at least 3 dimensions and 10 indicators, and a bar", () => {
    for (const stage of set.stages) {
      expect(stage.dimensions.length, stage.id).toBeGreaterThanOrEqual(3);
      expect(stage.indicators.length, stage.id).toBeGreaterThanOrEqual(10);
      expect(stage.attainment?.bar, stage.id).toBeGreaterThan(0);
    }
  });

  it("give each model at least 6 indicators across the four levers and its character", () => {
    for (const model of set.models) {
      expect(model.indicators.length, model.id).toBeGreaterThanOrEqual(6);
      expect(model.dimensions.map((d) => d.id)).toEqual(["administration", "network", "universities", "innovation", "character"]);
      for (const d of model.dimensions) expect(d.indicators.length, `${model.id}.${d.id}`).toBeGreaterThan(0);
    }
  });

  it("describe levels 1, 3 and 5 at least, with a question, advice and a positive weight", () => {
    for (const framework of set.all) {
      const ids = new Set<string>();
      for (const i of framework.indicators) {
        expect(ids.has(i.id)).toBe(false);
        ids.add(i.id);
        for (const level of [1, 3, 5] as const) expect(localize(i.levels[level] ?? ""), `${i.framework}.${i.id}`).not.toBe("");
        expect(localize(i.question)).toMatch(/\?$/);
        expect(localize(i.advice).length).toBeGreaterThan(20);
        expect(i.weight).toBeGreaterThan(0);
        expect(localesOf(i.title)).toContain("en");
      }
    }
    expect(LEVELS.every((l) => localize(set.levelNames[l]) !== "")).toBe(true);
  });
});

describe("loading frameworks", () => {
  it("adds a custom framework", () => {
    const set = loadFrameworks({ shipped: SHIPPED, custom: ["/custom"] }, withCustom({ "tourism.yaml": TOURISM }));
    expect(set.stages.map((f) => f.id)).toEqual(["integrated", "open", "merged", "tourism"]);
  });

  it("replaces a shipped framework of the same id", () => {
    const changed = readFileSync(join(SHIPPED, "open.yaml"), "utf8").replace("version: 1.0.0", "version: 2.0.0");
    const set = loadFrameworks({ shipped: SHIPPED, custom: ["/custom"] }, withCustom({ "open.yaml": changed }));
    expect(set.byId.get("open")?.version).toBe("2.0.0");
    expect(set.byId.get("open")?.file).toBe("custom/open.yaml");
  });

  it("reports a broken framework at its file, line and column", () => {
    const broken = TOURISM.replace("kind: stage", "kind: phase").replace(/weight: 3\n/, "weight: -1\n");
    const findings = loadErrors({ "tourism.yaml": broken });
    expect(findings.every((f) => f.file === "custom/tourism.yaml")).toBe(true);
    const kindLine = broken.split("\n").findIndex((l) => l.includes("kind: phase")) + 1;
    const weightLine = broken.split("\n").findIndex((l) => l.includes("weight: -1")) + 1;
    expect(codes(findings)).toEqual([`not-allowed-value@${kindLine}:9`, `out-of-range@${weightLine}:15`]);
  });

  it("refuses an indicator in an undeclared dimension and an empty dimension", () => {
    const broken = TOURISM.replace(/dimension: sharing\n/g, "dimension: sharng\n");
    const found = loadErrors({ "tourism.yaml": broken }).map((f) => f.code);
    expect(found).toContain("unknown-dimension");
    expect(found).toContain("empty-dimension");
  });

  it("refuses two frameworks with one id in one folder, and two stages with one order", () => {
    expect(loadErrors({ "a.yaml": TOURISM, "b.yaml": TOURISM }).map((f) => f.code)).toEqual(["duplicate-id"]);
    const sameOrder = TOURISM.replace("order: 4", "order: 2");
    expect(loadErrors({ "t.yaml": sameOrder }).map((f) => f.code)).toEqual(["duplicate-id"]);
  });
});

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

describe("schema", () => {
  const printed = smartregion(["schema"]);
  const schema = JSON.parse(printed.stdout) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const check = ajv.compile(schema);
  const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8");

  it("prints the schema shipped in the package, and writes it with -o", () => {
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(readFileSync(join(ROOT, "schema", "assessment.schema.json"), "utf8"));
    const dir = mkdtempSync(join(tmpdir(), "smartregion-schema-"));
    expect(smartregion(["schema", "-o", "s.json"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "s.json"), "utf8")).toBe(printed.stdout);
  });

  it("is self-contained: every reference points inside the document", () => {
    const refs = [...printed.stdout.matchAll(/"\$ref": "([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref.startsWith("#/$defs/")).toBe(true);
  });

  it("accepts the valid examples and rejects what validate rejects", () => {
    for (const file of ["city.yaml", "seattle-region.yaml", "six-city-alliance.yaml", "dublin-region/region.yaml"]) {
      expect(check(parse(readFileSync(join(ROOT, "examples", file), "utf8"))), file).toBe(true);
    }
    const broken = [
      readFileSync(join(ROOT, "examples", "invalid.yaml"), "utf8"),
      city.replace("level: 4", "level: 6"),
      city.replace("level: 4", "level: 2.5"),
      city.replace("  integrated:\n", "  integrated:\n    made-up: 3\n"),
      city.replace("date: 2026-06-30", "date: 2026-06-31x"),
      city.replace("    business-databases:\n      level: 3\n", "    business-databases:\n      level: 3\n      not-applicable: No reason\n"),
    ];
    for (const text of broken) {
      expect(check(parse(text))).toBe(false);
    }
  });

  it("carries each indicator's question and level descriptors", () => {
    const defs = schema["$defs"] as Record<string, { properties: Record<string, { title: string; description: string; properties: { level: { enum: unknown[]; enumDescriptions: string[] } } }> }>;
    const indicator = defs["framework-integrated"]!.properties["fundamental-databases"]!;
    expect(indicator.title).toBe("Shared fundamental databases");
    expect(indicator.properties.level.enum).toEqual([0, 1, 2, 3, 4, 5, null]);
    expect(indicator.properties.level.enumDescriptions[3]).toMatch(/^3 defined: All four fundamental databases/);
  });
});

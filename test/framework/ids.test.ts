import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { createSchemaCheck } from "../../src/assessment/validator.js";
import { FrameworkError } from "../../src/model/errors.js";
import type { Finding } from "../../src/model/findings.js";
import { loadFrameworks } from "../../src/framework/load.js";
import type { FrameworkFiles } from "../../src/framework/load.js";
import type { FrameworkSet } from "../../src/framework/model.js";
import { readYaml } from "../../src/yaml/source.js";
import { CITY, SHIPPED, codes, diskFrameworkFiles } from "../helpers.js";

/** Every name a plain JavaScript object answers to without having it. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/** The shipped folder, with custom folders held in memory (`/a/x.yaml` is file x.yaml of folder /a). */
function withCustom(files: Record<string, string>): FrameworkFiles {
  const custom = new Map(Object.entries(files));
  return {
    list: (dir) => (dir.startsWith("/") && !dir.startsWith(SHIPPED) ? [...custom.keys()].filter((f) => f.startsWith(`${dir}/`)).sort() : diskFrameworkFiles.list(dir)),
    read: (file) => (custom.has(file) ? new TextEncoder().encode(custom.get(file)) : diskFrameworkFiles.read(file)),
    display: (file) => (custom.has(file) ? file.slice(1) : diskFrameworkFiles.display(file)),
  };
}

function load(files: Record<string, string>): FrameworkSet | readonly Finding[] {
  const dirs = [...new Set(Object.keys(files).map((f) => f.slice(0, f.lastIndexOf("/"))))].sort();
  try {
    return loadFrameworks({ shipped: SHIPPED, custom: dirs }, withCustom(files));
  } catch (error) {
    if (error instanceof FrameworkError) return error.findings;
    throw error;
  }
}

function errors(files: Record<string, string>): string[] {
  const result = load(files);
  expect(Array.isArray(result), "expected the frameworks to be refused").toBe(true);
  return codes(result as readonly Finding[]);
}

function loaded(files: Record<string, string>): FrameworkSet {
  const result = load(files);
  if (Array.isArray(result)) expect.fail(`expected the frameworks to load: ${codes(result).join(", ")}`);
  return result as FrameworkSet;
}

/** 1-based `line:col` of each occurrence of `needle`, at its first character after `skip`. */
function places(text: string, needle: string | RegExp, skip = 0): string[] {
  const pattern = typeof needle === "string" ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g") : needle;
  return [...text.matchAll(pattern)].map((m) => {
    const before = text.slice(0, m.index + skip);
    return `${before.split("\n").length}:${m.index + skip - before.lastIndexOf("\n")}`;
  });
}

/** A stage of its own: the shipped `integrated`, renamed. */
const TOURISM = readFileSync(join(SHIPPED, "integrated.yaml"), "utf8")
  .replace("id: integrated", "id: tourism")
  .replace("order: 1", "order: 4")
  .replace("integrated.json", "tourism.json");

describe("ids that are Object.prototype names", () => {
  it("are exactly the names the meta-schema refuses", () => {
    const meta = parse(readFileSync(join(SHIPPED, "meta", "framework.schema.yaml"), "utf8")) as { $defs: { id: { not: { enum: string[] } } } };
    expect([...meta.$defs.id.not.enum].sort()).toEqual(PROTOTYPE_NAMES);
  });

  for (const name of PROTOTYPE_NAMES) {
    it(`refuse ${name} as a framework id, at the id`, () => {
      const text = TOURISM.replace("  id: tourism\n", `  id: ${name}\n`);
      const found = errors({ "/custom/t.yaml": text });
      expect(found).toContain(`reserved-id@${places(text, `  id: ${name}\n`, 6)[0]!}`);
    });

    it(`refuse ${name} as a dimension id, at its declaration and each use`, () => {
      const text = TOURISM.replace("- id: sharing\n", `- id: ${name}\n`).replace(/dimension: sharing\n/g, `dimension: ${name}\n`);
      const found = errors({ "/custom/t.yaml": text });
      const wanted = [...places(text, `- id: ${name}\n`, 6), ...places(text, `dimension: ${name}\n`, 11)];
      expect(wanted.length).toBeGreaterThan(1);
      for (const at of wanted) expect(found).toContain(`reserved-id@${at}`);
    });

    it(`refuse ${name} as an indicator id, at the key`, () => {
      const text = TOURISM.replace("\n  fundamental-databases:\n", `\n  ${name}:\n`);
      const found = errors({ "/custom/t.yaml": text });
      expect(found).toContain(`reserved-id@${places(text, `\n  ${name}:\n`, 3)[0]!}`);
    });
  }

  it("leave ids that only contain such a name alone", () => {
    const text = TOURISM.replace("  id: tourism\n", "  id: constructor-kit\n").replace("\n  fundamental-databases:\n", "\n  value-of:\n");
    expect(loaded({ "/custom/t.yaml": text }).byId.has("constructor-kit")).toBe(true);
  });
});

describe("a framework's $id", () => {
  const idLine = (text: string) => places(text, /^\$id: /gm, 5)[0]!;
  const withId = (text: string, id: string) => text.replace(/^\$id: .*$/m, `$id: ${id}`);

  it("may not be a meta schema's or JSON Schema's own, reported at the $id", () => {
    for (const id of [
      "https://smartregion.dev/schema/answer.json",
      "https://smartregion.dev/schema/assessment.json",
      "https://smartregion.dev/schema/framework.json",
      "https://json-schema.org/draft/2020-12/schema",
      "https://json-schema.org/draft/2020-12/meta/core",
    ]) {
      const text = withId(TOURISM, id);
      expect(errors({ "/custom/t.yaml": text }), id).toEqual([`duplicate-schema-id@${idLine(text)}`]);
    }
  });

  it("may not be a shipped framework's that stays, however the URI is spelt", () => {
    for (const id of ["https://smartregion.dev/frameworks/open.json", "https://SmartRegion.dev/frameworks/open.json", "https://smartregion.dev/./frameworks/x/../open.json"]) {
      const text = withId(TOURISM, id);
      const result = load({ "/custom/t.yaml": text });
      expect(codes(result as readonly Finding[]), id).toEqual([`duplicate-schema-id@${idLine(text)}`]);
      expect((result as readonly Finding[])[0]!.facts.context).toBe("frameworks/open.yaml");
    }
  });

  it("may not be another custom framework's, in the same folder or another; the later one is reported", () => {
    const other = TOURISM.replace("id: tourism", "id: harbour").replace("order: 4", "order: 5");
    const found = load({ "/a/t.yaml": TOURISM, "/b/h.yaml": other });
    expect(codes(found as readonly Finding[])).toEqual([`duplicate-schema-id@${idLine(other)}`]);
    expect((found as readonly Finding[])[0]!.file).toBe("b/h.yaml");
    expect((found as readonly Finding[])[0]!.facts.context).toBe("a/t.yaml");
    expect(errors({ "/a/h.yaml": other, "/a/t.yaml": TOURISM })).toEqual([`duplicate-schema-id@${idLine(TOURISM)}`]);
  });

  it("may be kept or changed by a framework that replaces a shipped one, and the set validates", () => {
    const open = readFileSync(join(SHIPPED, "open.yaml"), "utf8").replace("version: 1.0.0", "version: 2.0.0");
    for (const text of [open, withId(open, "https://example.org/open-2.json")]) {
      const set = loaded({ "/custom/open.yaml": text });
      expect(set.byId.get("open")?.version).toBe("2.0.0");
      expect(() => createSchemaCheck(set)).not.toThrow();
    }
    // Its old $id is free, but another shipped one's is not.
    const moved = TOURISM.replace("id: tourism", "id: harbour");
    expect(loaded({ "/a/open.yaml": withId(open, "https://example.org/open-2.json"), "/b/h.yaml": withId(moved, "https://smartregion.dev/frameworks/open.json") }).byId.has("harbour")).toBe(true);
    const taken = withId(open, "https://smartregion.dev/frameworks/merged.json");
    expect(errors({ "/custom/open.yaml": taken })).toEqual([`duplicate-schema-id@${idLine(taken)}`]);
  });

  it("must be a URI that a reference can resolve, else bad-format at the $id", () => {
    for (const id of ["https://x.org/a%zz.json", "https://x.org:99999/a.json", "https://x.org\\a.json", "https://[zz]/a.json"]) {
      const text = withId(TOURISM, id);
      expect(errors({ "/custom/t.yaml": text }), id).toEqual([`bad-format@${idLine(text)}`]);
    }
  });

  it("validates the answers against the framework it names, whatever the spelling of its $id", () => {
    const text = withId(TOURISM, "https://Example.org/./frameworks/tourism.json");
    const check = createSchemaCheck(loaded({ "/custom/t.yaml": text }));
    const answers = (level: number) => `${CITY}indicators:\n  tourism:\n    fundamental-databases:\n      level: ${level}\n    no-such-indicator: 1\n`;
    const source = (yaml: string) => readYaml("a.yaml", new TextEncoder().encode(yaml)).source!;
    expect(codes(check(source(answers(3))))).toEqual(["unknown-indicator@10:5"]);
    expect(codes(check(source(answers(9)))).sort()).toEqual(["out-of-range@9:14", "unknown-indicator@10:5"]);
  });
});

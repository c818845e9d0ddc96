import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { jsonFindings, smartregion } from "./run.js";

describe("smartregion validate", () => {
  it("passes the valid examples with exit 0", () => {
    const run = smartregion(["validate", "examples/city.yaml"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("reports every problem of the invalid example at its line and column, exit 1", () => {
    const run = smartregion(["validate", "examples/invalid.yaml", "--format", "json"]);
    expect(run.code).toBe(1);
    expect(jsonFindings(run.stdout)["examples/invalid.yaml"]).toEqual([
      "not-allowed-value@6:9",
      "wrong-type@7:15",
      "bad-format@8:7",
      "missing-key@10:5",
      "not-allowed-value@12:10",
      "unknown-indicator@15:5",
      "out-of-range@18:14",
      "conflicting-keys@20:7",
      "bad-format@26:17",
      "bad-format@27:17",
      "not-allowed-value@28:19",
      "wrong-type@29:23",
      "unknown-framework@30:3",
      "unknown-indicator@33:5",
      "unknown-key@34:1",
    ]);
  });

  it("prints one line a problem as path:line:col severity message code", () => {
    const run = smartregion(["validate", "examples/invalid.yaml"]);
    const first = run.stdout.split("\n")[0]!;
    expect(first).toMatch(/^examples\/invalid\.yaml:6:9\s+error\s+.+\s+not-allowed-value$/);
  });

  it("keeps checking the other files when some are broken, and sorts them", () => {
    const dir = mkdtempSync(join(tmpdir(), "sr-validate-"));
    writeFileSync(join(dir, "b-binary.yaml"), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(dir, "c-empty.yml"), "");
    writeFileSync(join(dir, "d-list.yaml"), "- a\n");
    writeFileSync(join(dir, "e-dup.yaml"), "a: 1\na: 2\n");
    writeFileSync(join(dir, "f-big.yaml"), `notes: "${"x".repeat(2 * 1024 * 1024)}"\n`);
    writeFileSync(join(dir, "g-docs.yaml"), "a: 1\n---\nb: 2\n");
    writeFileSync(join(dir, "ignored.txt"), "not yaml");
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "a-city.yaml"), readFileSync("examples/city.yaml"));
    symlinkSync(join(dir, "sub"), join(dir, "loop"));
    const run = smartregion(["validate", ".", "--format", "json", "--max-file-size", "1"], dir);
    expect(run.code).toBe(2);
    expect(jsonFindings(run.stdout)).toEqual({
      "b-binary.yaml": ["binary-file@1:1"],
      "c-empty.yml": ["empty-file@1:1"],
      "d-list.yaml": ["not-a-mapping@1:1"],
      "e-dup.yaml": ["duplicate-key@2:1"],
      "f-big.yaml": ["too-large@1:1"],
      "g-docs.yaml": ["multiple-documents@2:1"],
      "sub/a-city.yaml": [],
    });
  });

  it("expands glob patterns and reports paths that name nothing with exit 2", () => {
    const globbed = smartregion(["validate", "examples/*.yaml", "--format", "json"]);
    expect(Object.keys(jsonFindings(globbed.stdout))).toContain("examples/city.yaml");
    const missing = smartregion(["validate", "examples/city.yaml", "no/such.yaml", "--format", "json"]);
    expect(missing.code).toBe(2);
    expect(jsonFindings(missing.stdout)).toEqual({ "examples/city.yaml": [], "no/such.yaml": ["not-found@1:1"] });
  });

  it("gives json output that follows its documented shape", () => {
    const run = smartregion(["validate", "examples/", "--format", "json"]);
    const document = JSON.parse(run.stdout) as Record<string, unknown>;
    const schema = JSON.parse(readFileSync("schema/validate-output.schema.json", "utf8")) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it("exits 2 on usage errors, with no stack trace", () => {
    for (const args of [["validate"], ["validate", "x.yaml", "--format", "xml"], ["nonsense"], ["validate", "--max-file-size", "-1", "x"]]) {
      const run = smartregion(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("writes to a file with -o but never over an input", () => {
    const dir = mkdtempSync(join(tmpdir(), "sr-out-"));
    const input = join(dir, "city.yaml");
    writeFileSync(input, readFileSync("examples/city.yaml"));
    const refused = smartregion(["validate", input, "-o", input]);
    expect(refused.code).toBe(2);
    expect(readFileSync(input, "utf8")).toBe(readFileSync("examples/city.yaml", "utf8"));
    const written = smartregion(["validate", input, "-o", join(dir, "out.json"), "--format", "json"]);
    expect(written.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out.json"), "utf8")).summary.files).toBe(1);
  });

  it("reports a broken custom framework at its line with exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "sr-fw-"));
    writeFileSync(join(dir, "bad.yaml"), "$schema: https://json-schema.org/draft/2020-12/schema\n$id: urn:x\ntype: object\n");
    const run = smartregion(["--frameworks", dir, "validate", "examples/city.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:1:1\s+error/);
  });
});

describe("smartregion frameworks", () => {
  it("lists the six frameworks", () => {
    const run = smartregion(["frameworks", "list", "--format", "json"]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { id: string }[]).map((f) => f.id)).toEqual([
      "integrated",
      "open",
      "merged",
      "contiguous-federation",
      "core-led",
      "networked-alliance",
    ]);
  });

  it("shows one framework with every indicator and level, and refuses an unknown id", () => {
    const run = smartregion(["frameworks", "show", "open"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("open-data-portal");
    expect(smartregion(["frameworks", "show", "opne"]).code).toBe(2);
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv04Module from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { smartregion } from "./run.js";

const dir = mkdtempSync(join(tmpdir(), "sr-ci-"));
// Keys with control characters, quotes and markup: every format must stay well-formed.
writeFileSync(
  join(dir, "hostile.yaml"),
  'smartregion: 1\nsubject:\n  name: "x"\n  kind: city\ndate: 2026-01-01\n"bad\\u0001key<&>\\"\'": 1\n"new\\nline,key:": 2\n',
);
writeFileSync(join(dir, "warn.yaml"), "smartregion: 1\nsubject:\n  name: W\n  kind: city\ndate: 2026-01-01\ntargets:\n  by: 2025-01-01\n");
writeFileSync(join(dir, "good.yaml"), "smartregion: 1\nsubject:\n  name: G\n  kind: city\ndate: 2026-01-01\n");

describe("CI formats of validate", () => {
  it("writes SARIF 2.1.0 that the official schema accepts, each rule described once", () => {
    const run = smartregion(["validate", "--format", "sarif", "examples/invalid.yaml", join(dir, "hostile.yaml"), join(dir, "warn.yaml")]);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] };
    const schema = JSON.parse(readFileSync("test/fixtures/sarif-2.1.0.schema.json", "utf8")) as object;
    const ajv = new Ajv04Module.default({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const { rules } = log.runs[0]!.tool.driver;
    const results = log.runs[0]!.results;
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.every((r) => r.help.text.length > 10)).toBe(true);
    for (const r of results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(results.find((r) => r.ruleId === "unknown-indicator")?.locations[0]!.physicalLocation.region).toEqual({ startLine: 15, startColumn: 5 });
  });

  it("writes JUnit XML that an XML parser reads, one test case a file", () => {
    const run = smartregion(["validate", "--format", "junit", "examples/invalid.yaml", join(dir, "hostile.yaml"), join(dir, "good.yaml"), join(dir, "warn.yaml")]);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(run.stdout) as {
      testsuites: { tests: string; failures: string; testsuite: { testcase: { name: string; failure?: unknown; "system-out"?: string }[] } };
    };
    expect(xml.testsuites).toMatchObject({ tests: "4", failures: "2" });
    const cases = xml.testsuites.testsuite.testcase;
    const byName = (end: string) => cases.find((c) => c.name.endsWith(end))!;
    expect(["invalid.yaml", "hostile.yaml", "good.yaml", "warn.yaml"].map((f) => byName(f).failure !== undefined)).toEqual([true, true, false, false]);
    expect(byName("warn.yaml")["system-out"]).toContain("target-before-assessment");
    expect(cases.map((c) => c.name)).toEqual([...cases.map((c) => c.name)].sort());
  });

  const xmllint = spawnSync("xmllint", ["--version"]).error === undefined;
  if (!xmllint && process.env["CI"] === "true") throw new Error("xmllint not found; .ci/run should have installed libxml2-utils");
  it.skipIf(!xmllint)("writes JUnit XML that Jenkins' junit-10.xsd accepts, from validate, score and report", () => {
    const runs = [
      ["validate", "examples/invalid.yaml", join(dir, "hostile.yaml"), join(dir, "good.yaml"), join(dir, "warn.yaml")],
      ["score", "examples/city.yaml", "examples/invalid.yaml", "--min-stage", "merged"],
      ["report", "examples/dublin-region/region.yaml", join(dir, "good.yaml")],
    ];
    for (const args of runs) {
      const file = join(dir, `${args[0]}.xml`);
      smartregion([...args, "--format", `junit=${file}`]);
      const check = spawnSync("xmllint", ["--noout", "--schema", "test/fixtures/jenkins-junit-10.xsd", file], { encoding: "utf8" });
      expect(check.stderr, args[0]).toContain("validates");
      expect(check.status, `${args[0]}: ${check.stderr}`).toBe(0);
    }
  });

  it("writes GitHub annotations with the file, line and column, escaping what would break them", () => {
    const run = smartregion(["validate", "--format", "github", join(dir, "hostile.yaml")], dir);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=hostile\.yaml,line=6,col=1,title=unknown-key::/);
    expect(lines[1]).toMatch(/^::error file=hostile\.yaml,line=7,col=1,title=unknown-key::.*new%0Aline/);
  });

  it("writes several formats in one run and keeps warnings out with --quiet", () => {
    const sarif = join(dir, "out.sarif");
    const run = smartregion(["validate", "--format", `sarif=${sarif}`, "--format", "json", "--quiet", join(dir, "warn.yaml"), join(dir, "good.yaml")]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { summary: { warnings: number } }).summary.warnings).toBe(0);
    expect((JSON.parse(readFileSync(sarif, "utf8")) as { runs: { results: unknown[] }[] }).runs[0]!.results).toEqual([]);
    expect(smartregion(["validate", "--format", "json", "--format", "sarif", "x.yaml"]).code).toBe(2);
  });

  it("fails on more warnings than --max-warnings", () => {
    expect(smartregion(["validate", "--max-warnings", "1", join(dir, "warn.yaml")]).code).toBe(0);
    expect(smartregion(["validate", "--max-warnings", "0", join(dir, "warn.yaml")]).code).toBe(1);
  });
});

describe("CI formats of score and report", () => {
  const sarifSchema = () => {
    const ajv = new Ajv04Module.default({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats.default(ajv);
    return ajv.compile(JSON.parse(readFileSync("test/fixtures/sarif-2.1.0.schema.json", "utf8")) as object);
  };

  it("gives a failed gate as an error on its file in SARIF, and exit 1", () => {
    const run = smartregion(["score", "--format", "sarif", "--min-stage", "merged", "examples/city.yaml", "examples/invalid.yaml"]);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const validate = sarifSchema();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0]!.results;
    const gate = results.filter((r) => r.ruleId === "gate-failed");
    expect(gate).toHaveLength(1);
    expect(gate[0]!.level).toBe("error");
    expect(gate[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe("examples/city.yaml");
    expect(results.filter((r) => r.ruleId === "unknown-indicator")).toHaveLength(2);
  });

  it("passes a met gate: no result, exit 0", () => {
    const run = smartregion(["score", "--format", "github", "--min-stage", "integrated", "examples/city.yaml"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
  });

  it("lists every report file as a JUnit test case, with evidence remarks, failing only on errors", () => {
    for (const strict of [false, true]) {
      const run = smartregion(["report", "--format", "junit", ...(strict ? ["--strict-evidence"] : []), "examples/city.yaml", join(dir, "good.yaml")]);
      expect(XMLValidator.validate(run.stdout)).toBe(true);
      const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(run.stdout) as {
        testsuites: { tests: string; failures: string; testsuite: { name: string; testcase: { name: string; failure?: string; "system-out"?: string }[] } };
      };
      expect(xml.testsuites.testsuite.name).toBe("smartregion report");
      expect(xml.testsuites.tests).toBe("2");
      const city = xml.testsuites.testsuite.testcase.find((c) => c.name === "examples/city.yaml")!;
      expect(JSON.stringify(strict ? city.failure : city["system-out"])).toContain("evidence-missing");
      expect(run.code).toBe(strict ? 1 : 0);
    }
  });
});

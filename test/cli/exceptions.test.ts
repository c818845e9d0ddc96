import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

/** A repository of one assessment (Riverton, dated 2026-06-30, at the integrated stage) and a .smartregion.yaml with these exceptions. */
function repository(exceptions: string, edit: (text: string) => string = (t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), "smartregion-exceptions-"));
  mkdirSync(join(dir, ".git"));
  mkdirSync(join(dir, "assessments"));
  writeFileSync(join(dir, "assessments", "riverton.yaml"), edit(readFileSync(join(ROOT, "examples", "city.yaml"), "utf8")));
  writeFileSync(join(dir, ".smartregion.yaml"), `assessments: assessments\nexceptions:\n${exceptions}`);
  return dir;
}

const GATE = `  - gate: min-stage
    reason: The open-data law passes in spring; the stage follows
    approved-by: Amira Hollis
    expires: 2026-09-30
`;

type Json = { results: unknown[]; gates: { passed: boolean; excepted: { reason: string; approvedBy: string; expires: string; source: string } | null }[]; findings: { code: string; severity: string; file: string; line: number; col: number; excepted?: unknown }[] };

describe("exceptions", () => {
  it("lets a failed gate pass until its expiry date, judged on the assessment's date or --today, and warns from that day on", () => {
    const dir = repository(GATE);
    expect(smartregion(["--no-config", "score", "assessments", "--min-stage", "open"], dir).code).toBe(1);
    const run = smartregion(["score", "--min-stage", "open", "--format", "json"], dir);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Json;
    expect(out.gates).toHaveLength(1);
    expect(out.gates[0]).toMatchObject({ passed: false, excepted: { approvedBy: "Amira Hollis", expires: "2026-09-30", source: ".smartregion.yaml:3:5" } });
    expect(out.findings.filter((f) => f.code.startsWith("exception-"))).toEqual([]);

    // From the expiry date on, the gate fails again and the exception is reported where it is written.
    for (const today of ["2026-09-30", "2027-01-15"]) {
      const late = smartregion(["score", "--min-stage", "open", "--format", "json", "--today", today], dir);
      expect(late.code, today).toBe(1);
      const json = JSON.parse(late.stdout) as Json;
      expect(json.gates[0]!.excepted ?? null).toBeNull();
      expect(json.findings.map((f) => [f.code, f.severity, f.file, f.line, f.col])).toEqual([["exception-expired", "warning", ".smartregion.yaml", 3, 5]]);
    }
    expect(smartregion(["score", "--min-stage", "open", "--today", "2026-09-29"], dir).code).toBe(0);
    const strict = JSON.parse(smartregion(["score", "--min-stage", "open", "--format", "json", "--today", "2026-10-01", "--strict-exceptions"], dir).stdout) as Json;
    expect(strict.findings.map((f) => [f.code, f.severity])).toEqual([["exception-expired", "error"]]);

    // The assessment's own date decides without --today: the clock never does.
    const later = repository(GATE, (t) => t.replace("date: 2026-06-30", "date: 2026-10-05"));
    expect(smartregion(["score", "--min-stage", "open"], later).code).toBe(1);
    expect(smartregion(["score", "--min-stage", "open", "--today", "2026-07-01"], later).code).toBe(0);
  });

  it("marks a covered finding excepted in every format: counted apart, left out of annotations, a SARIF suppression with its justification", () => {
    const dir = repository(`  - code: evidence-missing
    indicator: integrated.data-centres-networks
    reason: The network audit is published in the autumn
    approved-by: Tomas Brandt
    expires: 2027-03-31
  - code: evidence-self-reported
    indicator: integrated.security-privacy
    reason: The penetration test report is due in January
    approved-by: Tomas Brandt
    expires: 2027-03-31
`);
    // Without the exception, the missing evidence fails a strict report.
    expect(smartregion(["--no-config", "report", "assessments", "--strict-evidence"], dir).code).toBe(1);
    expect(smartregion(["report", "--strict-evidence"], dir).code).toBe(0);
    const json = JSON.parse(smartregion(["report", "--format", "json"], dir).stdout) as { reports: { evidence: { code: string; path: string; excepted?: { source: string } }[] }[] };
    const excepted = json.reports[0]!.evidence.filter((f) => f.excepted !== undefined);
    expect(excepted.map((f) => [f.code, f.path, f.excepted!.source])).toEqual([
      ["evidence-missing", "indicators.integrated.data-centres-networks", ".smartregion.yaml:3:5"],
      ["evidence-self-reported", "indicators.integrated.security-privacy", ".smartregion.yaml:8:5"],
    ]);

    const sarif = JSON.parse(smartregion(["report", "--format", "sarif"], dir).stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string; status: string; justification: string }[] }[] }[] };
    const suppressed = sarif.runs[0]!.results.filter((r) => r.suppressions !== undefined);
    expect(suppressed).toHaveLength(2);
    expect(suppressed[0]!.suppressions![0]).toMatchObject({ kind: "external", status: "accepted" });
    expect(suppressed[0]!.suppressions![0]!.justification).toContain("Tomas Brandt");

    const github = smartregion(["report", "--format", "github"], dir).stdout;
    const plain = smartregion(["--no-config", "report", "assessments", "--format", "github"], dir).stdout;
    expect(plain.split("\n").filter((l) => l.startsWith("::")).length).toBe(2);
    expect(github.split("\n").filter((l) => l.startsWith("::"))).toEqual([]);

    // The terminal counts it; --show-excepted lists it at its line.
    const line = readFileSync(join(dir, "assessments", "riverton.yaml"), "utf8").split("\n").findIndex((l) => l.startsWith("    data-centres-networks:")) + 1;
    const terminal = smartregion(["report"], dir).stdout;
    expect(terminal).not.toContain(`riverton.yaml:${line}:`);
    expect(terminal).toMatch(/2 findings excepted/);
    expect(smartregion(["report", "--show-excepted"], dir, { COLUMNS: "240" }).stdout).toMatch(new RegExp(`riverton\\.yaml:${line}:5 +excepted .*evidence-missing`));
  });

  it("covers validate's findings by files and code, and reports an exception that covered nothing", () => {
    const exceptions = `  - code: target-before-assessment
    files: "assessments/*.yaml"
    reason: The target date is being agreed again
    approved-by: Amira Hollis
    expires: 2027-01-31
  - code: framework-version
    files: other/**
    reason: Old files kept for reference
    approved-by: Amira Hollis
    expires: 2027-01-31
`;
    const dir = repository(exceptions, (t) => t.replace("by: 2028-12-31", "by: 2026-01-31"));
    expect(smartregion(["--no-config", "validate", "assessments", "--max-warnings", "0"], dir).code).toBe(1);
    const run = smartregion(["validate", "--max-warnings", "1", "--format", "json"], dir);
    expect(run.code, run.stdout).toBe(0);
    const out = JSON.parse(run.stdout) as { summary: { warnings: number; excepted: number }; files: { file: string; valid: boolean; findings: { code: string; line: number; excepted?: unknown }[] }[] };
    expect(out.summary).toMatchObject({ warnings: 1, excepted: 1 });
    expect(out.files.find((f) => f.file === "assessments/riverton.yaml")!.findings.map((f) => [f.code, f.excepted !== undefined])).toEqual([["target-before-assessment", true]]);
    expect(out.files.find((f) => f.file === ".smartregion.yaml")!.findings.map((f) => [f.code, f.line])).toEqual([["exception-unused", 8]]);
  });

  it("refuses an exception that says not what it covers, why, who or until when, at its place (exit 2)", () => {
    const cases: [string, string][] = [
      ["  - code: evidence-stale\n    approved-by: A\n    expires: 2027-01-01\n", "missing-key"],
      ["  - code: evidence-stal\n    reason: r\n    approved-by: A\n    expires: 2027-01-01\n", "not-allowed-value"],
      ["  - code: evidence-stale\n    reason: r\n    approved-by: A\n    expires: next spring\n", "bad-format"],
      ["  - reason: r\n    approved-by: A\n    expires: 2027-01-01\n", "missing-one-of"],
      ["  - gate: max-stage\n    reason: r\n    approved-by: A\n    expires: 2027-01-01\n", "bad-format"],
      ["  - files: ../elsewhere/*.yaml\n    reason: r\n    approved-by: A\n    expires: 2027-01-01\n", "outside-config-folder"],
      ["  - code: evidence-stale\n    reason: r\n    approved-by: A\n    expires: 2027-01-01\n    until: 2027-02-01\n", "unknown-key"],
    ];
    for (const [text, code] of cases) {
      const run = smartregion(["validate"], repository(text));
      expect(run.code, text).toBe(2);
      expect(run.stderr, text).toMatch(new RegExp(`\\.smartregion\\.yaml:\\d+:\\d+ .*${code}`));
    }
  });

  it("never excepts what the tool could not do: a file not found is exit 2 whatever the exceptions say", () => {
    const dir = repository("  - code: not-found\n    reason: r\n    approved-by: A\n    expires: 2027-01-01\n");
    cpSync(join(dir, "assessments", "riverton.yaml"), join(dir, "copy.yaml"));
    expect(smartregion(["validate", "missing.yaml"], dir).code).toBe(2);
  });
});

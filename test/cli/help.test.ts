import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { smartregion } from "./run.js";

describe("help and small messages", () => {
  it("shows defaults a reader can use: sizes in megabytes, no empty list", () => {
    for (const command of ["validate", "score", "report", "diff"]) {
      const help = smartregion([command, "--help"]).stdout;
      expect(help, command).toMatch(/--max-file-size <MB>\s+refuse files larger than this \(default: 5\)/);
      expect(help, command).not.toContain("5242880");
      expect(help, command).not.toContain("(default: [])");
      expect(help, command).not.toMatch(/\(default: [^)]*\) \(default:/);
    }
    expect(smartregion(["--help"]).stdout).not.toContain("(default: [])");
  });

  it("says a folder with no YAML in it holds none, rather than that it does not exist", () => {
    const empty = mkdtempSync(`${tmpdir()}/smartregion-empty-`);
    const run = smartregion(["validate", empty, "--format", "json"]);
    expect(run.code).toBe(2);
    type Json = { files: { findings: { code: string; facts: { reason?: string[] }; message: string }[] }[] };
    const finding = (JSON.parse(run.stdout) as Json).files[0]!.findings[0]!;
    expect(finding.code).toBe("not-found");
    expect(finding.facts.reason).toEqual(["no-yaml-files"]);
    const missing = (JSON.parse(smartregion(["validate", `${empty}/nothing-here`, "--format", "json"]).stdout) as Json).files[0]!.findings[0]!;
    expect(missing.code).toBe("not-found");
    expect(finding.message).not.toBe(missing.message);
  });

  it("names the stage a failed gate found by its title in every language, as the other views do, not by its id", () => {
    for (const [lang, informatization] of [["en", "Informatization"], ["zh-CN", "信息化"]] as const) {
      const run = smartregion(["--lang", lang, "score", "examples/dublin-region/members/fingal.yaml", "--min-stage", "integrated", "--format", "github"]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(informatization);
      expect(run.stdout).not.toMatch(/[:：] ?informatization[,，]/);
    }
  });
});

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

interface Sarif {
  runs: {
    tool: { driver: { informationUri: string; rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string }[] } };
    automationDetails: { id: string };
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[] }[];
  }[];
}

const dir = mkdtempSync(join(tmpdir(), "sr-sarif-"));
/** The multitool's own program (its npm wrapper hands arguments to a shell, which splits "Gh;Sarif"). */
const MULTITOOL = join(ROOT, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");

describe("SARIF as code scanning reads it", () => {
  it("passes the SARIF multitool with no warning, for validate, score and report", () => {
    expect(existsSync(MULTITOOL)).toBe(true);
    writeFileSync(join(dir, "warn.yaml"), "smartregion: 1\nsubject:\n  name: W\n  kind: city\ndate: 2026-01-01\ntargets:\n  by: 2025-01-01\n");
    const runs = [
      ["validate", "examples/invalid.yaml", join(dir, "warn.yaml")],
      ["score", "examples/city.yaml", "examples/invalid.yaml", "--min-stage", "merged"],
      ["report", "examples/dublin-region/region.yaml"],
    ];
    for (const args of runs) {
      const file = join(dir, `${args[0]}.sarif`);
      smartregion([...args, "--format", `sarif=${file}`]);
      const out = join(dir, `${args[0]}.checked.sarif`);
      const check = spawnSync(MULTITOOL, ["validate", file, "--output", out, "--rule-kind", "Gh;Sarif", "--log", "ForceOverwrite"], { encoding: "utf8" });
      expect(check.status, `${args[0]}: ${check.stdout}${check.stderr}`).toBe(0);
      const results = (JSON.parse(readFileSync(out, "utf8")) as { runs: { results?: { ruleId: string; message: { text: string } }[] }[] }).runs[0]!.results ?? [];
      expect(results.map((r) => `${r.ruleId}: ${r.message.text}`), args[0]).toEqual([]);
      const log = JSON.parse(readFileSync(file, "utf8")) as Sarif;
      expect(log.runs[0]!.results.length, args[0]).toBeGreaterThan(0);
      expect(log.runs[0]!.automationDetails.id).toBe(`smartregion/${args[0]}/`);
    }
  });

  it("describes each rule with a name, a full description, Markdown help and a link", () => {
    const log = JSON.parse(smartregion(["validate", "examples/invalid.yaml", "--format", "sarif"]).stdout) as Sarif;
    const driver = log.runs[0]!.tool.driver;
    expect(driver.informationUri).toMatch(/^https:\/\//);
    for (const rule of driver.rules) {
      expect(rule.name).not.toBe(rule.id);
      expect(rule.fullDescription.text.length).toBeGreaterThan(rule.shortDescription.text.length);
      expect(rule.help.markdown.length).toBeGreaterThan(rule.fullDescription.text.length);
      expect(rule.helpUri).toMatch(new RegExp(`^https://.*#${rule.id}$`));
    }
  });

  it("gives paths relative to the top of the repository, from any folder, or to --base", () => {
    const top = JSON.parse(smartregion(["validate", "examples/invalid.yaml", "--format", "sarif"]).stdout) as Sarif;
    const below = JSON.parse(smartregion(["validate", "invalid.yaml", "--format", "sarif"], join(ROOT, "examples")).stdout) as Sarif;
    for (const log of [top, below]) {
      const where = log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
      expect(where).toEqual({ uri: "examples/invalid.yaml", uriBaseId: "REPOROOT" });
      expect(log.runs[0]!.originalUriBaseIds!["REPOROOT"]!.uri).toMatch(/^file:\/\/.*\/$/);
    }
    // GitHub annotations name the file from the repository's top too.
    expect(smartregion(["validate", "invalid.yaml", "--format", "github"], join(ROOT, "examples")).stdout).toMatch(/^::error file=examples\/invalid\.yaml,/);
    const based = JSON.parse(smartregion(["validate", "examples/invalid.yaml", "--format", "sarif", "--base", "examples"]).stdout) as Sarif;
    expect(based.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: "invalid.yaml", uriBaseId: "REPOROOT" });
  });

  it("keeps each result's fingerprint when other parts of the file change, and tells two alike results apart", () => {
    const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8");
    const wrong = city.replace("date: 2026-06-30", "date: 2026-06-30\ncolour: blue\nshade: dark").replace("    sharing-platform:\n", "    sharing-platfrom:\n");
    writeFileSync(join(dir, "a.yaml"), wrong);
    const before = JSON.parse(smartregion(["validate", join(dir, "a.yaml"), "--format", "sarif"]).stdout) as Sarif;
    // Lines added above, an answer changed elsewhere: the same problems, on other lines.
    writeFileSync(join(dir, "a.yaml"), `# reviewed\n# again\n${wrong.replace("open-data-portal:\n      level: 3", "open-data-portal:\n      level: 4")}`);
    const after = JSON.parse(smartregion(["validate", join(dir, "a.yaml"), "--format", "sarif"]).stdout) as Sarif;
    const prints = (log: Sarif) => log.runs[0]!.results.map((r) => `${r.ruleId} ${r.partialFingerprints["smartregion/v1"]}`).sort();
    expect(prints(before).length).toBeGreaterThanOrEqual(3);
    expect(prints(after)).toEqual(prints(before));
    expect(after.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine).toBe(before.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine + 2);
    expect(new Set(prints(before)).size).toBe(prints(before).length);
  });
});

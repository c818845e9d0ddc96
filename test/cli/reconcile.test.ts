import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, shippedFrameworks } from "../helpers.js";
import { smartregion } from "./run.js";
import { KRIPPENDORFF_ALPHA, KRIPPENDORFF_OBSERVERS } from "../fixtures/krippendorff.js";

type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Data) : {});

const set = shippedFrameworks();
const integrated = set.byId.get("integrated")!.indicators.map((i) => i.id);

/** A city assessed by one person: the integrated stage's first indicators at these levels (undefined: not answered; "n/a": not applicable). */
function city(by: string, levels: readonly (number | "n/a" | undefined)[], extra: (id: string) => Data = () => ({})): string {
  const answers: Data = {};
  levels.forEach((level, i) => {
    if (level === undefined) return;
    answers[integrated[i]!] = level === "n/a" ? { "not-applicable": `${by} finds it does not apply`, ...extra(integrated[i]!) } : { level, ...extra(integrated[i]!) };
  });
  return stringify({
    smartregion: 1,
    subject: { name: "Harbourton", kind: "city" },
    date: "2026-05-01",
    assessors: [{ name: by, organisation: "Harbourton council" }],
    frameworks: { integrated: "1.0.0", open: "1.0.0", merged: "1.0.0" },
    indicators: { integrated: answers },
  });
}

const u = undefined;

describe("reconcile", () => {
  const dir = mkdtempSync(join(tmpdir(), "smartregion-reconcile-"));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it("gives the agreement of the worked example from the literature, over the command line", () => {
    expect(integrated.length).toBeGreaterThanOrEqual(12);
    const files = KRIPPENDORFF_OBSERVERS.map((levels, i) => write(`k${i}.yaml`, city(`Observer ${"ABCD"[i]}`, levels)));
    const run = smartregion(["reconcile", "--format", "json", ...files]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { overall: { alpha: number; units: number; exact: number }; byFramework: { framework: string; alpha: number }[]; assessors: { key: string }[]; indicators: { indicator: string; given: (number | null)[]; spread: number | null; dispute: string | null; merged: number | null }[] };
    expect(out.overall.alpha).toBeCloseTo(KRIPPENDORFF_ALPHA.ordinal, 3);
    // Unit 12 has one value only: it pairs with nothing.
    expect(out.overall.units).toBe(11);
    expect(out.overall.exact).toBe(8);
    expect(out.byFramework).toEqual([{ framework: "integrated", alpha: out.overall.alpha, units: 11, exact: 8 }]);
    expect(out.assessors.map((a) => a.key)).toEqual(["A", "B", "C", "D"]);
    // Unit 6: 1, 2, 3, 4: spread 3, in dispute, median the lower middle level, 2.
    const sixth = out.indicators.find((i) => i.indicator === integrated[5])!;
    expect(sixth).toMatchObject({ given: [1, 2, 3, 4], spread: 3, dispute: "spread", merged: 2 });
    // Unit 2: 2, 2, 3, 2: spread 1, no dispute.
    expect(out.indicators.find((i) => i.indicator === integrated[1])).toMatchObject({ spread: 1, dispute: null, merged: 2 });
    expect(out.indicators.filter((i) => i.dispute !== null).map((i) => i.indicator)).toEqual([integrated[5]]);
    const min = JSON.parse(smartregion(["reconcile", "--format", "json", "--rule", "min", ...files]).stdout) as typeof out;
    expect(min.indicators.find((i) => i.indicator === integrated[5])!.merged).toBe(1);
  });

  it("writes one merged assessment: the rule's levels, every assessor's evidence once, disputes marked for report", () => {
    const evidence = (by: string) => (id: string) => (id === integrated[0] ? { evidence: [{ title: "Shared register", link: "https://example.org/register" }, { title: `${by}'s interview notes`, document: `Notes of ${by}` }], notes: `${by} spoke to the data office` } : {});
    const a = write("ann.yaml", city("Ann Lee", [3, 2, 4, 1, "n/a", 2], evidence("Ann Lee")));
    const b = write("bo.yaml", city("Bo Chen", [3, 4, 1, 1, 2, u], evidence("Bo Chen")));
    const merged = join(dir, "merged.yaml");
    const run = smartregion(["reconcile", a, b, "-o", merged, "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    // The file written is named on stderr, with how many answers are left to settle; stdout is the report alone.
    expect(run.stderr).toMatch(/merged\.yaml.* 3 disputed answers/);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(smartregion(["validate", merged]).code).toBe(0);
    const data = obj(parse(readFileSync(merged, "utf8")));
    const answers = obj(obj(data["indicators"])["integrated"]);
    const at = (i: number) => obj(answers[integrated[i]!]);
    expect(at(0)["level"]).toBe(3);
    expect((at(0)["evidence"] as unknown[]).length).toBe(3);
    expect(at(0)["reconciled"]).toEqual({ answers: { "Ann Lee": 3, "Bo Chen": 3 } });
    expect(at(1)).toMatchObject({ level: 2, reconciled: { answers: { "Ann Lee": 2, "Bo Chen": 4 }, disputed: true } });
    expect(at(2)).toMatchObject({ level: 1, reconciled: { disputed: true } });
    // One says it does not apply, the other gives a level: the level is kept, and it is in dispute.
    expect(at(4)).toMatchObject({ level: 2, reconciled: { answers: { "Ann Lee": "n/a", "Bo Chen": 2 }, disputed: true } });
    expect(at(4)["not-applicable"]).toBeUndefined();
    expect(at(5)).toMatchObject({ level: 2, reconciled: { answers: { "Ann Lee": 2, "Bo Chen": null } } });
    expect(data["assessors"]).toEqual([{ name: "Ann Lee", organisation: "Harbourton council" }, { name: "Bo Chen", organisation: "Harbourton council" }]);
    expect(JSON.parse(run.stdout).disputed).toBe(3);

    // validate says each dispute at its line, and gates on how many there are.
    const checked = smartregion(["validate", merged, "--format", "json"]);
    const lines = readFileSync(merged, "utf8").split("\n");
    const disputedLines = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => /^\s+disputed: true$/.test(l)).map(([, n]) => n);
    const found = (JSON.parse(checked.stdout) as { files: { findings: { code: string; line: number }[] }[] }).files[0]!.findings.filter((f) => f.code === "disputed-answer");
    expect(found.map((f) => f.line)).toEqual(disputedLines);
    expect(disputedLines).toHaveLength(3);
    expect(smartregion(["validate", merged, "--max-disputed", "3"]).code).toBe(0);
    expect(smartregion(["validate", merged, "--max-disputed", "2"]).code).toBe(1);

    // report shows the disputes, in JSON and on the page.
    const report = smartregion(["report", "--format", "json", merged]);
    expect(report.code, report.stderr).toBe(0);
    const entries = (JSON.parse(report.stdout) as { reports: { register: { parts: { entries: { indicator: string; reconciled: { disputed: boolean } | null }[] }[] } }[] }).reports[0]!.register.parts[0]!.entries;
    expect(entries.filter((e) => e.reconciled?.disputed === true).map((e) => e.indicator).sort()).toEqual([integrated[1], integrated[2], integrated[4]].sort());
    const html = smartregion(["report", "--format", "html", merged]).stdout;
    expect(html.match(/Ann Lee: n\/a/g)?.length).toBe(1);
    // The same two files the other way round give the same merged levels.
    const back = join(dir, "merged-back.yaml");
    expect(smartregion(["reconcile", b, a, "-o", back]).code).toBe(0);
    const levels = (file: string) => Object.fromEntries(Object.entries(obj(obj(obj(parse(readFileSync(file, "utf8")))["indicators"])["integrated"])).map(([id, v]) => [id, obj(v)["level"] ?? obj(v)["not-applicable"]]));
    expect(levels(back)).toEqual(levels(merged));
  });

  it("reconciles a region: its own answers and each member's, and the merged region scores", () => {
    const one = mkdtempSync(join(dir, "region-a-"));
    const two = mkdtempSync(join(dir, "region-b-"));
    cpSync(join(ROOT, "examples", "dublin-region"), one, { recursive: true });
    cpSync(join(ROOT, "examples", "dublin-region"), two, { recursive: true });
    // The second assessor sees Fingal's data catalogue three levels lower.
    const fingal = join(two, "members", "fingal.yaml");
    const text = readFileSync(fingal, "utf8");
    expect(obj(obj(obj(parse(text))["indicators"])["integrated"])["data-catalogue"]).toBe(2);
    writeFileSync(fingal, text.replace("    data-catalogue: 2\n", "    data-catalogue: 5\n"));
    const merged = join(dir, "region-merged.yaml");
    const run = smartregion(["reconcile", join(one, "region.yaml"), join(two, "region.yaml"), "--format", "json", "-o", merged]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { kind: string; disputed: number; indicators: { member: string | null; indicator: string; dispute: string | null }[] };
    expect(out.kind).toBe("region");
    expect(out.indicators.filter((i) => i.dispute !== null).map((i) => [i.member, i.indicator])).toEqual([["Fingal", "data-catalogue"]]);
    expect(new Set(out.indicators.map((i) => i.member))).toEqual(new Set([null, "Dublin City", "Fingal", "South Dublin", "Dún Laoghaire–Rathdown"]));
    const score = smartregion(["score", "--format", "json", merged]);
    expect(score.code, score.stderr).toBe(0);
    expect((JSON.parse(score.stdout) as { results: { members: unknown[] }[] }).results[0]!.members).toHaveLength(4);
    expect(smartregion(["report", merged]).stdout).toMatch(/Fingal/);
  });

  it("exits 1 on more disputes than allowed or an unsound file, 2 on what it cannot reconcile, and writes nothing then", () => {
    const a = write("x1.yaml", city("Ann Lee", [3, 2, 4]));
    const b = write("x2.yaml", city("Bo Chen", [3, 4, 1]));
    const out = join(dir, "never.yaml");
    expect(smartregion(["reconcile", a, b, "--max-disputed", "2"]).code).toBe(0);
    expect(smartregion(["reconcile", a, b, "--max-disputed", "1"]).code).toBe(1);
    const broken = write("broken.yaml", city("Cy Diaz", [3, 2, 4]).replace("level: 4", "level: 9"));
    expect(smartregion(["reconcile", a, broken, "-o", out]).code).toBe(1);
    expect(smartregion(["reconcile", a, join(dir, "missing.yaml"), "-o", out]).code).toBe(2);
    expect(smartregion(["reconcile", a, "-o", out]).code).toBe(2);
    expect(smartregion(["reconcile", ...Array.from({ length: 21 }, () => a)]).code).toBe(2);
    const other = write("other.yaml", city("Bo Chen", [3]).replace("name: Harbourton", "name: Seaport"));
    expect(smartregion(["reconcile", a, other, "-o", out]).code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(smartregion(["reconcile", a, other, "--force"]).code).toBe(0);
    expect(smartregion(["reconcile", a, join(ROOT, "examples", "seattle-region.yaml"), "--force"]).code).toBe(2);
    // The merged file never replaces one of the files read.
    expect(smartregion(["reconcile", a, b, "-o", a]).code).toBe(2);
    expect(readFileSync(a, "utf8")).toBe(city("Ann Lee", [3, 2, 4]));
  });
});

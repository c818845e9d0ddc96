import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "./run.js";

const scratch = () => mkdtempSync(join(tmpdir(), "smartregion-init-"));

interface Shipped {
  id: string;
  kind: "stage" | "model";
  dimensions: { indicators: { id: string }[] }[];
}
const shipped = (JSON.parse(smartregion(["frameworks", "list", "--format", "json"]).stdout) as { id: string }[]).map(
  (f) => JSON.parse(smartregion(["frameworks", "show", f.id, "--format", "json"]).stdout) as Shipped,
);
const indicatorIds = (kind: "stage" | "model") =>
  Object.fromEntries(shipped.filter((f) => f.kind === kind).map((f) => [f.id, f.dimensions.flatMap((d) => d.indicators.map((i) => i.id)).sort()]));

/** The file the `# yaml-language-server: $schema=…` line names, resolved as an editor does. */
function schemaOf(file: string): string {
  const first = readFileSync(file, "utf8").split("\n")[0]!;
  const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
  expect(match).not.toBeNull();
  return resolve(dirname(file), match![1]!);
}

describe("init", () => {
  it("names the file it wrote in the commands its first lines show, and glosses each value a field may take in Chinese", () => {
    const dir = scratch();
    expect(smartregion(["init", "riverton.yaml", "--lang", "zh-CN"], dir).code).toBe(0);
    const head = readFileSync(join(dir, "riverton.yaml"), "utf8").split("\n").slice(0, 40).join("\n");
    for (const command of ["validate", "score", "report"]) expect(head).toMatch(new RegExp(`${command} riverton\\.yaml\``));
    // Every stage the targets may name is there with its Chinese title, and every method of evidence with a gloss.
    const stages = shipped.filter((f) => f.kind === "stage") as unknown as { id: string; title: Record<string, string> }[];
    const targets = head.split("\n").find((line) => line.startsWith("#   stage:"))!;
    for (const stage of stages) expect(targets).toContain(`${stage.id}（${stage.title["zh-CN"]}）`);
    expect(head.split("\n").find((line) => line.includes("method: measured"))).toMatch(/measured（.+）、estimated（.+）、self-reported（.+）/);
    // A name a shell would split is not shown as if it could be typed as it stands.
    expect(smartregion(["init", "my file.yaml"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "my file.yaml"), "utf8").split("\n").slice(0, 6).join("\n")).toContain("validate FILE");
  });

  it("writes a city template that lists every stage indicator, unanswered, and validates", () => {
    const dir = scratch();
    const run = smartregion(["init", "riverton.yaml", "--subject", "Riverton", "--date", "2026-11-21"], dir);
    expect(run.code).toBe(0);
    const file = join(dir, "riverton.yaml");
    const data = parse(readFileSync(file, "utf8")) as { subject: { name: string; kind: string }; date: string; indicators: Record<string, Record<string, { level: null }>> };
    expect(data.subject).toEqual({ name: "Riverton", kind: "city" });
    expect(data.date).toBe("2026-11-21");
    const listed = Object.fromEntries(Object.entries(data.indicators).map(([fw, answers]) => [fw, Object.keys(answers).sort()]));
    expect(listed).toEqual(indicatorIds("stage"));
    for (const answers of Object.values(data.indicators)) for (const answer of Object.values(answers)) expect(answer).toEqual({ level: null });
    expect(existsSync(schemaOf(file))).toBe(true);
    expect(smartregion(["validate", "riverton.yaml"], dir).code).toBe(0);
    // Every level descriptor of the first indicator is written above it.
    const text = readFileSync(file, "utf8");
    const before = text.slice(0, text.indexOf("    fundamental-databases:"));
    for (const level of ["0 none", "1 initial", "2 developing", "3 defined", "4 managed", "5 optimising"]) expect(before).toContain(`#   ${level}`);
  });

  it("refuses to write over a file unless --force", () => {
    const dir = scratch();
    writeFileSync(join(dir, "assessment.yaml"), "mine\n");
    const refused = smartregion(["init", "--date", "2026-11-21"], dir);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, "assessment.yaml"), "utf8")).toBe("mine\n");
    expect(smartregion(["init", "--force", "--date", "2026-11-21"], dir).code).toBe(0);
    expect(smartregion(["validate", "assessment.yaml"], dir).code).toBe(0);
  });

  it("writes a region template with its members, models at the region and stages at each member", () => {
    const dir = scratch();
    const members = ["Oakland", "San José", "Yes", "Port: North"];
    const run = smartregion(["init", "bay.yaml", "--kind", "region", "--subject", "Bay Area", "--members", members.join(","), "--date", "2026-11-21"], dir);
    expect(run.code).toBe(0);
    const data = parse(readFileSync(join(dir, "bay.yaml"), "utf8")) as { indicators: Record<string, Record<string, unknown>>; members: { name: string; indicators: Record<string, Record<string, unknown>> }[] };
    expect(Object.fromEntries(Object.entries(data.indicators).map(([fw, a]) => [fw, Object.keys(a).sort()]))).toEqual(indicatorIds("model"));
    expect(data.members.map((m) => m.name)).toEqual(members);
    for (const member of data.members) {
      expect(Object.fromEntries(Object.entries(member.indicators).map(([fw, a]) => [fw, Object.keys(a).sort()]))).toEqual(indicatorIds("stage"));
    }
    expect(smartregion(["validate", "bay.yaml"], dir).code).toBe(0);
    expect(smartregion(["score", "bay.yaml", "--format", "json"], dir).code).toBe(0);
  });

  it("takes only the frameworks named with --only, and refuses what does not fit", () => {
    const dir = scratch();
    expect(smartregion(["init", "a.yaml", "--only", "integrated", "--date", "2026-11-21"], dir).code).toBe(0);
    expect(Object.keys((parse(readFileSync(join(dir, "a.yaml"), "utf8")) as { indicators: object }).indicators)).toEqual(["integrated"]);
    expect(smartregion(["validate", "a.yaml"], dir).code).toBe(0);
    for (const args of [
      ["--only", "integrate"],
      ["--only", "core-led"],
      ["--kind", "region"],
      ["--members", "A"],
      ["--date", "2026-02-30"],
    ]) {
      const run = smartregion(["init", "b.yaml", ...args], dir);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(existsSync(join(dir, "b.yaml"))).toBe(false);
    }
  });

  it("prints to stdout with -, and points a template made with custom frameworks at a schema that knows them", () => {
    const dir = scratch();
    const printed = smartregion(["init", "-", "--date", "2026-11-21"], dir);
    expect(printed.code).toBe(0);
    expect(printed.stdout.startsWith("# yaml-language-server: $schema=")).toBe(true);

    mkdirSync(join(dir, "work"));
    const custom = join(ROOT, "examples", "custom-frameworks");
    const run = smartregion(["--frameworks", custom, "init", "work/t.yaml", "--kind", "region", "--members", "A,B", "--only", "tourism-destination,integrated", "--date", "2026-11-21"], dir);
    expect(run.code).toBe(0);
    const schema = schemaOf(join(dir, "work", "t.yaml"));
    expect(schema).toBe(join(dir, "work", "smartregion.schema.json"));
    const defs = (JSON.parse(readFileSync(schema, "utf8")) as { $defs: Record<string, unknown> }).$defs;
    expect(Object.keys(defs)).toContain("framework-tourism-destination");
    expect(smartregion(["--frameworks", custom, "validate", "work/t.yaml"], dir).code).toBe(0);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "../cli/run.js";
import { LanguageServer } from "./lsp.js";

/**
 * The editor experience, with the real yaml-language-server (what the VS Code YAML extension
 * runs) reading the `$schema` line of a template made by `init`.
 */
describe("editing an assessment with yaml-language-server", () => {
  const server = new LanguageServer();
  let dir = "";
  let template = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "smartregion-editor-"));
    expect(smartregion(["init", "city.yaml", "--subject", "Riverton", "--date", "2026-11-21"], dir).code).toBe(0);
    template = readFileSync(join(dir, "city.yaml"), "utf8");
    await server.start(pathToFileURL(dir).href);
  }, 30000);
  afterAll(() => server.stop());

  const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle));

  it("reports no problem in the template as written", async () => {
    expect(await server.open(pathToFileURL(join(dir, "as-written.yaml")).href, template)).toEqual([]);
  });

  it("reports a level out of range at its line", async () => {
    const text = template.replace("    fundamental-databases:\n      level:\n", "    fundamental-databases:\n      level: 7\n");
    const diagnostics = await server.open(pathToFileURL(join(dir, "out-of-range.yaml")).href, text);
    const line = lineOf(text, "level: 7");
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.range.start.line === line && d.range.start.character === "      level: ".length)).toBe(true);
  });

  it("reports an unknown indicator and a bad date at their lines", async () => {
    const text = template.replace("    business-databases:\n", "    business-databases:\n      level: 2\n    made-up-indicator:\n").replace(/^date: .*$/m, "date: 2026-13-40");
    const diagnostics = await server.open(pathToFileURL(join(dir, "unknown.yaml")).href, text);
    const lines = diagnostics.map((d) => d.range.start.line).sort((a, b) => a - b);
    expect(lines).toEqual([lineOf(text, "date: 2026-13-40"), lineOf(text, "made-up-indicator:")].sort((a, b) => a - b));
  });

  it("offers the levels, with their descriptors, at an indicator's level:", async () => {
    const uri = pathToFileURL(join(dir, "complete.yaml")).href;
    // As the document stands once the planner has typed a space after `level:`.
    const text = template.replace("    fundamental-databases:\n      level:\n", "    fundamental-databases:\n      level: \n");
    await server.open(uri, text);
    const line = lineOf(text, "    fundamental-databases:") + 1;
    const items = await server.complete(uri, { line, character: "      level: ".length });
    const labels = items.map((i) => i.label);
    for (const level of ["0", "1", "2", "3", "4", "5"]) expect(labels).toContain(level);
    const three = items.find((i) => i.label === "3")!;
    const documentation = typeof three.documentation === "string" ? three.documentation : (three.documentation?.value ?? "");
    // The descriptor of level 3 of this indicator, as the framework writes it.
    const framework = JSON.parse(smartregion(["frameworks", "show", "integrated", "--format", "json"], ROOT).stdout) as { dimensions: { indicators: { id: string; levels: Record<string, { en: string }> }[] }[] };
    const descriptor = framework.dimensions.flatMap((d) => d.indicators).find((i) => i.id === "fundamental-databases")!.levels["3"]!.en;
    expect(documentation.replace(/\s+/g, " ")).toContain(descriptor.replace(/\s+/g, " "));
  });

  it("shows the question on hover over an indicator", async () => {
    const uri = pathToFileURL(join(dir, "hover.yaml")).href;
    await server.open(uri, template);
    const line = lineOf(template, "    sharing-platform:");
    const hover = await server.hover(uri, { line, character: 6 });
    expect(hover).toMatch(/sharing platform/i);
    expect(hover).toContain("3 defined");
  });

  it("keeps working for a file outside the workspace, and after a move once schema --relink points the line at the schema again", async () => {
    // A repository that keeps its schema, and an assessment whose line points at it relative to itself.
    const repo = mkdtempSync(join(tmpdir(), "smartregion-editor-repo-"));
    mkdirSync(join(repo, "schema"));
    mkdirSync(join(repo, "assessments"));
    expect(smartregion(["schema", "-o", join(repo, "schema", "assessment.schema.json")], repo).code).toBe(0);
    expect(smartregion(["init", "assessments/city.yaml", "--subject", "Riverton", "--date", "2026-11-21", "--schema-ref", "../schema/assessment.schema.json"], repo).code).toBe(0);
    const text = readFileSync(join(repo, "assessments", "city.yaml"), "utf8").replace("    fundamental-databases:\n      level:\n", "    fundamental-databases:\n      level: 7\n");
    const line = lineOf(text, "level: 7");
    writeFileSync(join(repo, "assessments", "city.yaml"), text);
    // Another working folder than the server's workspace: the line still leads to the schema.
    const before = await server.open(pathToFileURL(join(repo, "assessments", "city.yaml")).href, text);
    expect(before.some((d) => d.range.start.line === line)).toBe(true);
    // Moved one folder down: the line leads nowhere, the editor checks nothing, and validate says why.
    mkdirSync(join(repo, "assessments", "north"));
    const moved = join(repo, "assessments", "north", "city.yaml");
    writeFileSync(moved, text);
    expect((await server.open(pathToFileURL(moved).href, text)).some((d) => d.range.start.line === line)).toBe(false);
    const validated = JSON.parse(smartregion(["validate", "assessments/north/city.yaml", "--format", "json"], repo).stdout) as { files: { findings: { code: string; line: number }[] }[] };
    expect(validated.files[0]!.findings.filter((f) => f.code === "schema-line-missing").map((f) => f.line)).toEqual([1]);
    expect(smartregion(["schema", "--relink", "assessments/north/city.yaml", "--to", "schema/assessment.schema.json"], repo).code).toBe(0);
    const relinked = readFileSync(moved, "utf8");
    expect(relinked.split("\n")[0]).toBe("# yaml-language-server: $schema=../../schema/assessment.schema.json");
    expect(relinked.split("\n").slice(1)).toEqual(text.split("\n").slice(1));
    const again = join(repo, "assessments", "north", "again.yaml");
    writeFileSync(again, relinked);
    const after = await server.open(pathToFileURL(again).href, relinked);
    expect(after.some((d) => d.range.start.line === line)).toBe(true);
  });

  it("checks every assessment the repository lists, wherever it moves and with no schema line, once schema --editor-settings has mapped the schema", async () => {
    const repo = mkdtempSync(join(tmpdir(), "smartregion-editor-map-"));
    mkdirSync(join(repo, "assessments", "north", "coast"), { recursive: true });
    writeFileSync(join(repo, ".smartregion.yaml"), 'assessments: "assessments/**/*.yaml"\n');
    writeFileSync(join(repo, "package.json"), "{}\n");
    expect(smartregion(["schema", "--editor-settings"], repo).code).toBe(0);
    const settings = JSON.parse(readFileSync(join(repo, ".vscode", "settings.json"), "utf8")) as { "yaml.schemas": Record<string, string[]> };
    expect(Object.values(settings["yaml.schemas"])).toEqual([["assessments/**/*.yaml"]]);
    const mapped = new LanguageServer();
    await mapped.start(pathToFileURL(repo).href, { schemas: settings["yaml.schemas"] });
    try {
      const text = template.split("\n").slice(1).join("\n").replace("    fundamental-databases:\n      level:\n", "    fundamental-databases:\n      level: 7\n");
      const file = join(repo, "assessments", "north", "coast", "city.yaml");
      writeFileSync(file, text);
      const diagnostics = await mapped.open(pathToFileURL(file).href, text);
      expect(diagnostics.some((d) => d.range.start.line === lineOf(text, "level: 7"))).toBe(true);
    } finally {
      await mapped.stop();
    }
  }, 30000);
});

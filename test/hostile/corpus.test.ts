import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { smartregion } from "../cli/run.js";
import type { Run } from "../cli/run.js";
import { buildCorpus, SECRET } from "./corpus.js";
import type { Case } from "./corpus.js";

/** A heap this small fails any run whose memory grows with what a file holds. */
const BOUNDED = { NODE_OPTIONS: "--max-old-space-size=96" };
/** Control characters and bidirectional overrides: none may reach a terminal. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

interface JsonFile {
  file: string;
  findings: { code: string; line: number; col: number }[];
}

function sound(run: Run, what: string): void {
  // A killed run (time limit, or a heap that overflowed) has no exit status.
  expect(run.code, `${what}: ${run.stderr.slice(0, 300)}`).not.toBeNull();
  expect([0, 1, 2], what).toContain(run.code);
  expect(run.stderr, what).not.toMatch(STACK);
  expect(run.stdout + run.stderr, what).not.toContain(SECRET);
}

describe("hostile input", () => {
  let dir = "";
  let cases: Case[] = [];
  beforeAll(() => {
    ({ dir, cases } = buildCorpus());
  });

  it("answers every case alone with the right exit code, and the expected problem at its line", () => {
    for (const c of cases) {
      const run = smartregion(["validate", c.file, "--format", "json"], dir, BOUNDED);
      sound(run, c.file);
      expect(run.code, c.file).toBe(c.exit);
      const findings = (JSON.parse(run.stdout) as { files: JsonFile[] }).files.flatMap((f) => f.findings);
      for (const f of findings) {
        expect(f.line, c.file).toBeGreaterThanOrEqual(1);
        expect(f.col, c.file).toBeGreaterThanOrEqual(1);
      }
      for (const wanted of c.expect) {
        const [code, line] = wanted.split("@");
        const match = findings.some((f) => (code === "" || f.code === code) && (line === undefined || f.line === Number(line)));
        expect(match, `${c.file}: ${wanted} in ${JSON.stringify(findings)}`).toBe(true);
      }
      if (c.exit === 0) expect(findings.filter((f) => f.code !== "framework-version")).toEqual([]);
    }
    // One run of the command line a case, each a start of Node.
  }, 60_000);

  it("reads a 10 MB line when the cap allows it, within bounded memory", () => {
    const run = smartregion(["score", "long-line.yaml", "--max-file-size", "20", "--format", "json"], dir, BOUNDED);
    sound(run, "long-line");
    expect(run.code).toBe(1);
  });

  it("refuses a region whose member is a region, so a cycle of region files is never followed", () => {
    for (const file of ["region/cycle-a.yaml", "region/cycle-b.yaml"]) {
      const run = smartregion(["score", file, "--format", "json"], dir, BOUNDED);
      sound(run, file);
      expect(run.code).toBe(1);
      expect((JSON.parse(run.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code)).toContain("member-is-region");
    }
  });

  const runs: [string, string[]][] = [
    ["validate", ["stylish", "json", "sarif", "junit", "github"]],
    ["score", ["terminal", "json", "markdown", "sarif", "junit", "github"]],
    ["report", ["terminal", "json", "markdown", "html", "sarif", "junit", "github"]],
  ];

  it.each(runs)("%s in every format (%s): the whole corpus in one run, every file answered, output well-formed", (command, formats) => {
    const outDir = mkdtempSync(join(tmpdir(), "smartregion-corpus-out-"));
    const run = smartregion([command, ".", ...formats.flatMap((f) => ["--format", `${f}=${join(outDir, f)}`])], dir, BOUNDED);
    sound(run, command);
    // Some files cannot be read (too large): exit 2, and the others are still answered.
    expect(run.code).toBe(2);
    for (const format of formats) {
      const out = readFileSync(join(outDir, format), "utf8");
      if (format === "json" || format === "sarif") expect(() => JSON.parse(out) as unknown, format).not.toThrow();
      if (format === "junit") expect(XMLValidator.validate(out)).toBe(true);
      if (["stylish", "terminal", "github", "markdown"].includes(format)) expect(out, format).not.toMatch(CONTROL);
      if (format === "html" || format === "markdown") expect(out, format).not.toContain("<script>alert");
      if (format === "html") expect(out).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
      if (format === "html") expect(out).not.toMatch(CONTROL);
      if (format === "json" && command === "validate") {
        const files = (JSON.parse(out) as { files: JsonFile[] }).files.map((f) => f.file);
        const yaml = readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && /\.yaml$/.test(e.name))
          .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
          .sort();
        expect(files.slice().sort()).toEqual(yaml);
      }
    }
  });

  it("keeps control characters in arguments out of the terminal, in every message", () => {
    const evil = "x\u001b[2J\u202e";
    for (const args of [
      ["validate", `${evil}.yaml`],
      ["diff", `${evil}.yaml`, "crlf.yaml"],
      ["frameworks", "show", evil],
      ["score", "--fail-under", `${evil}=5`, "crlf.yaml"],
      ["score", "--format", evil, "crlf.yaml"],
      ["validate", `--${evil}`],
      ["init", "-", "--only", evil],
    ]) {
      const run = smartregion(args, dir);
      sound(run, args.join(" "));
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stdout + run.stderr, args.join(" ")).not.toMatch(CONTROL);
    }
  });

  it("writes output whole or not at all, never over an input, and leaves no temporary file", () => {
    const out = join(dir, "..", "out.json");
    writeFileSync(out, "previous\n");
    // A run refused before it starts leaves the old file as it was.
    expect(smartregion(["score", ".", "--format", "json", "--fail-under", "nowhere=50", "-o", out], dir).code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("previous\n");
    // A run that ends replaces it whole.
    const run = smartregion(["score", ".", "--format", "json", "-o", out], dir, BOUNDED);
    expect(run.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe(smartregion(["score", ".", "--format", "json"], dir).stdout);
    // Never over an input, whatever the command.
    const before = readFileSync(join(dir, "crlf.yaml"));
    for (const args of [["validate", "crlf.yaml"], ["score", "crlf.yaml"], ["report", "crlf.yaml"], ["diff", "crlf.yaml", "utf8-bom.yaml"]]) {
      expect(smartregion([...args, "-o", "crlf.yaml"], dir).code, args.join(" ")).toBe(2);
      expect(readFileSync(join(dir, "crlf.yaml")).equals(before)).toBe(true);
    }
    const leftovers = readdirSync(join(dir, ".."), { recursive: true }).map(String).filter((f) => f.endsWith(".tmp"));
    expect(leftovers).toEqual([]);
  });
});

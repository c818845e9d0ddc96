import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RULE_EXAMPLES } from "../../src/format/rule-examples.js";
import { CODES } from "../../src/model/findings.js";
import type { Code } from "../../src/model/findings.js";
import { ROOT } from "../helpers.js";

describe("rule examples", () => {
  it.each(Object.keys(CODES) as Code[])("%s has a short wrong and right example that differ", (code) => {
    const example = RULE_EXAMPLES[code];
    expect(example.wrong.trim()).not.toBe("");
    expect(example.right.trim()).not.toBe("");
    expect(example.wrong).not.toBe(example.right);
    for (const text of [example.wrong, example.right]) {
      expect(text).not.toContain("\t");
      for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    }
  });
});

const CITY = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8");

/** `[from, to]`: the text from the first `from` to the first `to` after it, both included. */
type Span = string | readonly [string, string];

function span(text: string, at: Span): [number, number] {
  const [from, to] = typeof at === "string" ? [at, ""] : at;
  const start = text.indexOf(from);
  if (start < 0) throw new Error(`not in city.yaml: ${from}`);
  if (to === "") return [start, start + from.length];
  const end = text.indexOf(to, start);
  if (end < 0) throw new Error(`not in city.yaml: ${to}`);
  return [start, end + to.length];
}

/**
 * city.yaml with `drop` taken out and `replace` replaced by the fragment; the fragment's first
 * lines, where they are the lines just above `replace`, are context and are not repeated.
 */
function splice(fragment: string, replace: Span, drop?: Span): string {
  let text = CITY;
  if (drop !== undefined) {
    const [a, b] = span(text, drop);
    text = text.slice(0, a) + text.slice(b);
  }
  const [a, b] = span(text, replace);
  const before = text.slice(0, a);
  const lines = fragment.split("\n");
  let context = 0;
  for (let n = lines.length - 1; n >= 1; n--) {
    if (before.endsWith(lines.slice(0, n).join("\n") + "\n")) {
      context = n;
      break;
    }
  }
  return before + lines.slice(context).join("\n") + "\n" + text.slice(b);
}

const OPEN_BLOCK = ["  open:\n    open-data-portal:", "only two case studies of reuse.\n"] as const;

const SPLICED: readonly { code: Code; replace: Span; drop?: Span }[] = [
  { code: "yaml-syntax", replace: "subject:\n  name: Riverton\n  kind: city\n" },
  { code: "duplicate-key", replace: "  integrated:\n", drop: "    data-centres-networks: 3\n" },
  { code: "multiple-documents", replace: "date: 2026-06-30\n" },
  { code: "unsupported-tag", replace: "    data-centres-networks: 3\n" },
  { code: "too-many-aliases", replace: ["      evidence:\n        - title: Security and privacy", "          method: self-reported\n"] },
  { code: "too-deep", replace: ["      notes: City-wide rules, privacy", "no external audit has been made yet.\n"] },
  { code: "unknown-key", replace: "          link: https://example.org/riverton/open-data\n" },
  { code: "unknown-framework", replace: "indicators:\n", drop: OPEN_BLOCK },
  { code: "unknown-indicator", replace: "  integrated:\n", drop: "    data-centres-networks: 3\n" },
  {
    code: "missing-key",
    replace: "        - title: Riverton Open Data portal\n          link: https://example.org/riverton/open-data\n          date: 2026-05-31\n",
  },
  { code: "wrong-type", replace: ["subject:\n", "population: 850000\n"] },
  { code: "out-of-range", replace: "    sharing-platform:\n      level: 4\n" },
  {
    code: "not-allowed-value",
    replace: ["        - title: Riverton Open Data portal\n          link: https://example.org/riverton/open-data\n", "          method: measured\n"],
  },
  { code: "bad-format", replace: "date: 2026-06-30\n" },
  { code: "empty-value", replace: ["subject:\n", "country: Exampleland\n"] },
  { code: "too-long", replace: "subject:\n  name: Riverton\n" },
  { code: "bad-key", replace: "  integrated:\n", drop: ["    data-catalogue:\n", "split between three departments.\n"] },
  { code: "framework-kind", replace: "indicators:\n", drop: OPEN_BLOCK },
  { code: "members-in-city", replace: ["subject:\n", "business across fields.\n"] },
  { code: "framework-version", replace: "frameworks:\n  integrated: 1.0.0\n" },
  { code: "target-before-assessment", replace: "targets:\n  stage: open\n  by: 2028-12-31\n" },
];

const dir = mkdtempSync(join(tmpdir(), "smartregion-rule-examples-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function codesOf(text: string, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, [join(ROOT, "bin", "smartregion.js"), "validate", file, "--format", "json"], { encoding: "utf8" });
  const out = JSON.parse(run.stdout) as { files: { findings: { code: string }[] }[] };
  return out.files.flatMap((f) => f.findings.map((x) => x.code));
}

describe("rule examples, spliced into examples/city.yaml", () => {
  it.each(SPLICED)("$code: the wrong fragment gives it, the right one does not", ({ code, replace, drop }) => {
    const example = RULE_EXAMPLES[code];
    expect(example.lang).toBe("yaml");
    expect(codesOf(splice(example.wrong, replace, drop), `${code}-wrong.yaml`)).toContain(code);
    expect(codesOf(splice(example.right, replace, drop), `${code}-right.yaml`)).not.toContain(code);
  });
});

describe("docs/problem-codes.md", () => {
  it("is what npm run docs writes from the tool's tables, with a heading for every code", async () => {
    const { readFileSync } = await import("node:fs");
    const { problemCodesDoc } = await import("../../src/format/problem-codes.js");
    const { CODES } = await import("../../src/model/findings.js");
    const page = readFileSync(join(ROOT, "docs", "problem-codes.md"), "utf8");
    expect(page, "run npm run docs").toBe(problemCodesDoc());
    for (const code of Object.keys(CODES)) expect(page).toContain(`\n## ${code}\n`);
  });
});

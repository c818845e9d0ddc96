// The README and the reference pages in docs/ against the tool: every relative link leads to a
// file, every anchor to a heading, and every smartregion command in an `sh` block runs with the
// built command line and ends with the exit code the page gives it.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const CLI = join(ROOT, "bin", "smartregion.js");
const PAGES = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];

interface Line {
  readonly text: string;
  readonly lineNo: number;
}

/** The lines of a page outside fenced code blocks, and the `sh` blocks' lines apart. */
function split(text: string): { prose: Line[]; sh: Line[] } {
  const prose: Line[] = [];
  const sh: Line[] = [];
  let fence: string | undefined;
  text.split("\n").forEach((line, i) => {
    const open = /^\s*(```+)\s*(\S*)/.exec(line);
    if (fence === undefined && open) {
      fence = open[2] ?? "";
    } else if (fence !== undefined && /^\s*```+\s*$/.test(line)) {
      fence = undefined;
    } else if (fence === undefined) {
      prose.push({ text: line, lineNo: i + 1 });
    } else if (fence === "sh") {
      sh.push({ text: line, lineNo: i + 1 });
    }
  });
  return { prose, sh };
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped except hyphens and spaces
 * (letters of every script stay, so Chinese headings keep their characters), spaces to hyphens. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`/g, "")
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "").replace(/ /g, "-");
}

const anchorCache = new Map<string, Set<string>>();
function anchors(file: string): Set<string> {
  let found = anchorCache.get(file);
  if (found) return found;
  found = new Set();
  const seen = new Map<string, number>();
  for (const { text } of split(readFileSync(file, "utf8")).prose) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!m) continue;
    const base = slug(m[1] ?? "");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  }
  anchorCache.set(file, found);
  return found;
}

/** Relative links and images of a page, outside code blocks and code spans. */
function links(page: string): { target: string; lineNo: number }[] {
  const out: { target: string; lineNo: number }[] = [];
  for (const { text, lineNo } of split(readFileSync(join(ROOT, page), "utf8")).prose) {
    const bare = text.replace(/`[^`]*`/g, "");
    for (const m of bare.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1] ?? "";
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: are not files
      out.push({ target, lineNo });
    }
  }
  return out;
}

describe.each(PAGES)("links in %s", (page) => {
  it("lead to files and headings that exist", () => {
    const broken: string[] = [];
    for (const { target, lineNo } of links(page)) {
      const [path = "", anchor] = target.split("#", 2);
      const file = path === "" ? join(ROOT, page) : resolve(ROOT, dirname(page), decodeURIComponent(path));
      if (!existsSync(file)) {
        broken.push(`${page}:${lineNo} ${target}: no such file`);
        continue;
      }
      if (anchor === undefined) continue;
      if (!file.endsWith(".md") || !statSync(file).isFile()) {
        broken.push(`${page}:${lineNo} ${target}: an anchor into a file that is not Markdown`);
      } else if (!anchors(file).has(decodeURIComponent(anchor))) {
        broken.push(`${page}:${lineNo} ${target}: no heading "${anchor}" in ${relative(ROOT, file)}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("slug", () => {
  it("follows GitHub's rules", () => {
    expect(slug("中文 · Languages")).toBe("中文--languages");
    expect(slug("`smartregion diff <older> <newer>`, `diff --since <revision> <file>`")).toBe(
      "smartregion-diff-older-newer-diff---since-revision-file",
    );
    expect(slug("In a repository: .smartregion.yaml")).toBe("in-a-repository-smartregionyaml");
    expect(slug("How a model's fit is decided")).toBe("how-a-models-fit-is-decided");
  });
});

/** Splits a command line as a shell would for simple words: blanks separate, single quotes
 * keep everything, double quotes keep everything but `\"` and `\\`, a backslash escapes. */
export function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed quote: ${line}`);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= "";
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === "\\" && (line[i + 1] === '"' || line[i + 1] === "\\")) i++;
        word += line[i];
      }
      if (i >= line.length) throw new Error(`unclosed quote: ${line}`);
    } else if (c === "\\" && i + 1 < line.length) {
      word = (word ?? "") + line[++i];
    } else if (c === " " || c === "\t") {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** Where an unquoted `#` that starts a word begins a comment, or -1. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1] as string))) {
      return i;
    }
  }
  return -1;
}

type Step =
  | { kind: "run"; line: string; lineNo: number; env: Record<string, string>; args: string[]; exit: number }
  | { kind: "fs"; line: string; lineNo: number; args: string[] }
  | { kind: "skip"; line: string; lineNo: number; why: string };

/** The steps of a page's `sh` blocks: smartregion commands to run, `cp` and `mkdir` lines that
 * later commands rely on, and smartregion commands that cannot be run here, with the reason. */
function steps(page: string): Step[] {
  const out: Step[] = [];
  const lines = split(readFileSync(join(ROOT, page), "utf8")).sh;
  for (let i = 0; i < lines.length; i++) {
    const { lineNo } = lines[i] as Line;
    let text = (lines[i] as Line).text;
    while (text.endsWith("\\") && i + 1 < lines.length) text = `${text.slice(0, -1)} ${(lines[++i] as Line).text.trim()}`;
    const hash = commentStart(text);
    const comment = hash < 0 ? "" : text.slice(hash);
    const line = (hash < 0 ? text : text.slice(0, hash)).trim();
    const exit = Number(/^#\s*exit\s+(\d+)/.exec(comment)?.[1] ?? 0);
    const env: Record<string, string> = {};
    let rest = line;
    for (let m = /^([A-Z_][A-Z0-9_]*)=(\S*)\s+/.exec(rest); m; m = /^([A-Z_][A-Z0-9_]*)=(\S*)\s+/.exec(rest)) {
      env[m[1] as string] = m[2] as string;
      rest = rest.slice(m[0].length);
    }
    const command = /^(?:npx\s+)?smartregion(?:\s|$)/.exec(rest);
    if (!command) {
      // cp and mkdir prepare files for the commands after them (a copy of an assessment to
      // compare with diff, the folder init writes into); every other line (npm, git, chromium,
      // a hook script) is not the tool's and is not run.
      if (/^(cp|mkdir)\s/.test(rest)) out.push({ kind: "fs", line, lineNo, args: words(rest) });
      continue;
    }
    // Pipes, command substitution, `<…>` placeholders, shell variables, redirections and lists
    // of commands need a shell and the values a reader fills in: such lines are skipped.
    if (/[|;&<>`]|\$/.test(rest)) {
      out.push({ kind: "skip", line, lineNo, why: "needs a shell or a placeholder" });
      continue;
    }
    const args = words(rest.slice(command[0].length));
    // --staged reads git's index and --since a git revision: the temporary folder is no
    // repository, and the install test (test/cli/install.test.ts) covers a global install.
    if (args.includes("--staged") || args.includes("--since")) {
      out.push({ kind: "skip", line, lineNo, why: "needs a git repository" });
      continue;
    }
    out.push({ kind: "run", line, lineNo, env, args, exit });
  }
  return out;
}

// docs/problem-codes.md is written by `npm run docs`; its `sh` blocks are the wrong and right
// fragments of each problem code, run against files that exist only in the example, so its
// commands are not run here (its links still are checked above).
const PAGES_WITH_COMMANDS = PAGES.filter((page) => page !== "docs/problem-codes.md" && steps(page).some((s) => s.kind !== "skip"));

it("the pages show commands to run", () => {
  expect(PAGES_WITH_COMMANDS).toContain("README.md");
  expect(steps("README.md").filter((s) => s.kind === "run").length).toBeGreaterThan(5);
});

describe.each(PAGES_WITH_COMMANDS)("commands in %s", (page) => {
  // Each page runs in order in a fresh copy of examples/, so that what a command writes
  // (`-o report.html`, `init`) lands there and never in the repository.
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "smartregion-readme-"));
    cpSync(join(ROOT, "examples"), join(dir, "examples"), { recursive: true });
    mkdirSync(join(dir, ".cache"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const step of steps(page)) {
    const name = `${page}:${step.lineNo} ${step.line}${step.kind === "run" && step.exit !== 0 ? ` (exit ${step.exit})` : ""}`;
    if (step.kind === "skip") {
      it.skip(`${name} (${step.why})`, () => {});
    } else if (step.kind === "fs") {
      it(name, () => {
        const [cmd, ...rest] = step.args;
        const paths = rest.filter((a) => !a.startsWith("-")).map((a) => join(dir, a));
        if (cmd === "cp") cpSync(paths[0] as string, paths[1] as string);
        else for (const p of paths) mkdirSync(p, { recursive: true });
      });
    } else {
      it(name, () => {
        const run = spawnSync(process.execPath, [CLI, ...step.args], {
          cwd: dir,
          encoding: "utf8",
          env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", XDG_CACHE_HOME: join(dir, ".cache"), ...step.env },
          timeout: 30_000,
        });
        expect(run.error).toBeUndefined();
        expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: step.exit });
      });
    }
  }
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { usageError } from "../../src/cli/help.js";
import { zhHelp } from "../../src/i18n/help.js";
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

  it("prints commander's suggestion on its own line, and escapes what the user typed", () => {
    const run = smartregion(["validate", "--formt", "json"], process.cwd());
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n").slice(0, 2)).toEqual(["error: unknown option '--formt'", "(Did you mean --format?)"]);
    const hostile = smartregion(["validate", "--fo\u001b[31mrmt"], process.cwd());
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).not.toContain("\u001b");
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

describe("help and usage errors in Chinese", () => {
  const COMMANDS = [[], ...["validate", "score", "report", "diff", "reconcile", "export", "import", "init", "schema", "frameworks"].map((c) => [c]), ...["list", "show", "lint"].map((c) => ["frameworks", c])];
  /** The description column of a help: what follows the term of each item, and the lines that go on from it. */
  const descriptions = (help: string) =>
    help
      .split("\n")
      .flatMap((line) => /^ {2}\S.*? {2,}(\S.*)$/.exec(line)?.[1] ?? /^ {10,}(\S.*)$/.exec(line)?.[1] ?? [])
      .filter((text) => /[a-z]{3,} [a-z]{3,}/.test(text.replace(/`[^`]*`/g, "")));
  const PLACEHOLDERS = zhHelp().commander!.placeholders;
  /** A term of the English help as the Chinese help writes it: an argument's name, and each word of a placeholder, in Chinese. */
  const inChinese = (term: string) => PLACEHOLDERS[term] ?? term.replace(/([[<.=])([a-z][a-z-]*)(?=[\]>=.[])/g, (all, open: string, word: string) => (PLACEHOLDERS[word] === undefined ? all : open + PLACEHOLDERS[word]));
  /** The flags and argument names a help lists, in order. */
  const terms = (help: string) => help.split("\n").flatMap((line) => /^ {2}(\S.*?)(?: {2,}|$)/.exec(line)?.[1] ?? []);

  for (const command of COMMANDS) {
    it(`${[...command, "--help"].join(" ")}: every description in Chinese, the same options and commands as in English`, () => {
      const english = smartregion([...command, "--help"]);
      const chinese = smartregion([...command, "--help", "--lang", "zh-CN"]);
      expect(chinese.code).toBe(0);
      expect(english.code).toBe(0);
      expect(descriptions(english.stdout).length).toBeGreaterThan(0);
      for (const text of descriptions(english.stdout)) expect(chinese.stdout, text).not.toContain(text);
      expect(descriptions(chinese.stdout)).toEqual([]);
      expect(chinese.stdout).not.toMatch(/^(?:Usage|Options|Arguments|Commands):/m);
      // The same flags, commands and arguments, with the words of their placeholders in Chinese.
      expect(terms(chinese.stdout)).toEqual(terms(english.stdout).map(inChinese));
      expect(terms(chinese.stdout).join(" ")).not.toMatch(/[[<.=](?:options|command|file|paths?)\b/);
      expect(english.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it("follows the language of the environment, which --lang overrides", () => {
    const zh = { LANG: "zh_CN.UTF-8" };
    expect(smartregion(["validate", "--help"], undefined, zh).stdout).toBe(smartregion(["validate", "--help", "--lang", "zh-CN"]).stdout);
    expect(smartregion(["validate", "--help", "--lang", "en"], undefined, zh).stdout).toBe(smartregion(["validate", "--help"]).stdout);
    expect(smartregion(["--lang=zh-CN", "score", "--help"]).stdout).toBe(smartregion(["score", "--help", "--lang", "zh-CN"]).stdout);
  });

  const MISTAKES: [string[], string][] = [
    [["--bogus"], "--bogus"],
    [["valdate"], "valdate"],
    [["validate", "--formt"], "--format"],
    [["diff"], zhHelp().commander!.placeholders["older"]!],
    [["validate", "--max-warnings"], "--max-warnings"],
    [["export"], "--output"],
    [["diff", "a", "b", "--format", "nope"], "markdown"],
    [["score", "--jobs", "x"], "--jobs"],
    [["score", "--lang", "fr"], "--lang"],
    [["init", "a", "b"], "init"],
  ];
  for (const [args, fact] of MISTAKES) {
    it(`says what is wrong with ${args.join(" ")} in Chinese, with the same exit code as in English`, () => {
      const english = smartregion(args);
      const chinese = smartregion([...args, "--lang", "zh-CN"]);
      expect(chinese.code).toBe(2);
      expect(english.code).toBe(2);
      const [first = ""] = chinese.stderr.split("\n");
      expect(first).toMatch(/^错误：/);
      expect(first).toContain(fact);
      expect(first).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
      expect(english.stderr).toMatch(/^error: /);
      // After the error, a line in Chinese on how to see the options, not the whole help, which would push the error off the screen.
      expect(chinese.stderr.trimEnd().split("\n").length).toBeLessThanOrEqual(3);
      expect(chinese.stderr).toMatch(/（加 --help [^\n]*）/);
      expect(english.stderr).toContain("--help");
    });
  }
});

describe("commander's usage errors in Chinese", () => {
  const zh = zhHelp().commander!;
  it("keeps an error it does not know as commander wrote it", () => {
    expect(usageError("error: something commander says one day", zh)).toBe("error: something commander says one day");
  });
  it("names the long flag of an option and every near miss", () => {
    expect(usageError("error: option '-o, --output <file>' argument missing", zh)).toContain("--output");
    expect(usageError("error: unknown option '--fo'\n(Did you mean one of --format, --force?)", zh)).toMatch(/--format.*--force/);
  });
});

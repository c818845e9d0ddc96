import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "../cli/run.js";

/** Places, languages and time zones that must not change a byte of any output. */
const ENVIRONMENTS = [{}, { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" }, { TZ: "America/Adak", LANG: "C" }];

describe("determinism: the same input gives the same bytes", () => {
  let dir = "";
  const files = ["city.yaml", "seattle-region.yaml", "six-city-alliance.yaml", "dublin-region", "invalid.yaml", "broken.yaml"];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "smartregion-same-"));
    for (const f of ["city.yaml", "seattle-region.yaml", "six-city-alliance.yaml", "dublin-region", "invalid.yaml"]) cpSync(join(ROOT, "examples", f), join(dir, f), { recursive: true });
    writeFileSync(join(dir, "broken.yaml"), "smartregion: 1\nsubject: [unclosed\n");
    writeFileSync(join(dir, "city-2027.yaml"), `${smartregion(["init", "-", "--subject", "Riverton", "--date", "2027-06-30"], dir).stdout}`);
  });

  const formats: [string, string[]][] = [
    ["validate", ["stylish", "json", "sarif", "junit", "github"]],
    ["score", ["terminal", "json", "markdown", "sarif", "junit", "github"]],
    ["report", ["terminal", "json", "markdown", "html", "sarif", "junit", "github"]],
  ];
  /** One run writing every format of the command, each to its own file (`--format NAME=FILE`); the files' texts by format. */
  const everyFormat = (command: string, names: readonly string[], order: readonly string[], env: NodeJS.ProcessEnv = {}) => {
    const out = mkdtempSync(join(tmpdir(), "smartregion-same-out-"));
    const run = smartregion([command, ...names.flatMap((format) => ["--format", `${format}=${join(out, format)}`]), ...order], dir, env);
    return { code: run.code, texts: Object.fromEntries(names.map((format) => [format, readFileSync(join(out, format), "utf8")])) };
  };

  it.each(formats)("%s in every format (%s): twice, in another order, and in other places and time zones", (command, names) => {
    const first = everyFormat(command, names, files);
    expect([0, 1, 2]).toContain(first.code);
    for (const format of names) expect(first.texts[format]!.length, format).toBeGreaterThan(0);
    for (const env of ENVIRONMENTS) {
      const again = everyFormat(command, names, files, env);
      expect(again.texts).toEqual(first.texts);
      expect(again.code).toBe(first.code);
    }
    expect(everyFormat(command, names, [...files].reverse()).texts).toEqual(first.texts);
    // Each format written alone gives the bytes it gives beside the others.
    for (const format of names) expect(smartregion([command, "--format", format, ...files], dir).stdout, format).toBe(first.texts[format]);
  });

  const single: string[][] = [
    ["diff", "city.yaml", "city-2027.yaml", "--format", "terminal"],
    ["diff", "city.yaml", "city-2027.yaml", "--format", "markdown"],
    ["diff", "city.yaml", "city-2027.yaml", "--format", "json"],
    ["schema"],
    ["init", "-", "--kind", "region", "--members", "A,B", "--date", "2026-01-01"],
    ["frameworks", "list"],
    ["frameworks", "list", "--format", "json"],
    ["frameworks", "show", "core-led"],
    ["frameworks", "lint", join(ROOT, "frameworks"), "--format", "json"],
  ];

  it.each(single.map((args) => [args.join(" "), args]))("%s: twice, and in other places and time zones", (_, args) => {
    const first = smartregion(args as string[], dir);
    expect(first.stdout.length).toBeGreaterThan(0);
    for (const env of ENVIRONMENTS) expect(smartregion(args as string[], dir, env).stdout).toBe(first.stdout);
  });

  const chinese: [string, string, string][] = [
    ["validate", "stylish", "zh-CN"],
    ["validate", "sarif", "zh-CN"],
    ["score", "terminal", "zh-CN"],
    ["score", "markdown", "zh-CN,en"],
    ["report", "terminal", "zh-CN"],
    ["report", "markdown", "zh-CN,en"],
    ["report", "html", "zh-CN,en"],
  ];

  it.each(chinese)("%s --format %s --lang %s: twice, in another order, and from the environment's locale in another time zone", (command, format, lang) => {
    const first = smartregion(["--lang", lang, command, "--format", format, ...files], dir);
    expect(first.stdout).toMatch(/[\u4e00-\u9fff]/);
    expect(smartregion(["--lang", lang, command, "--format", format, ...files], dir, { TZ: "Asia/Shanghai" }).stdout).toBe(first.stdout);
    expect(smartregion(["--lang", lang, command, "--format", format, ...[...files].reverse()], dir).stdout).toBe(first.stdout);
    if (lang === "zh-CN") expect(smartregion([command, "--format", format, ...files], dir, { LANG: "zh_CN.UTF-8", TZ: "Asia/Shanghai" }).stdout).toBe(first.stdout);
  });
});

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

/**
 * Files that a hostile or careless contributor could propose, generated into a fresh folder
 * (the large ones are made here rather than kept in the repository). Each case says what the
 * tool must answer: exit 0 for input that is odd but valid, 1 for a wrong assessment, 2 for a
 * file that cannot be read; and, where the problem has one place, the code and line it is at.
 */
export interface Case {
  readonly file: string;
  readonly exit: 0 | 1 | 2;
  /** `code` or `code@line`; every one must be among the file's findings. */
  readonly expect: readonly string[];
}

/** A token that lives only outside the corpus folder: it must never reach any output. */
export const SECRET = "SECRET-7f3a-outside-the-region-folder";

const city = readFileSync(join(ROOT, "examples", "city.yaml"), "utf8");
const head = (name = "Hostile") => `smartregion: 1\nsubject:\n  name: ${name}\n  kind: city\ndate: 2026-06-30\n`;

export function buildCorpus(): { dir: string; cases: Case[] } {
  const root = mkdtempSync(join(tmpdir(), "smartregion-hostile-"));
  const dir = join(root, "corpus");
  mkdirSync(dir);
  writeFileSync(join(root, "secret.yaml"), `${head(SECRET)}# ${SECRET}\n`);
  const cases: Case[] = [];
  const add = (file: string, content: string | Uint8Array, exit: Case["exit"], expect: readonly string[] = []) => {
    writeFileSync(join(dir, file), content);
    cases.push({ file, exit, expect });
  };

  // Nothing, or nothing but space and comments.
  add("empty.yaml", "", 1, ["empty-file"]);
  add("whitespace.yaml", "  \n\t\n   \n", 1, ["empty-file"]);
  add("comments.yaml", "# only\n# comments\n", 1, ["empty-file"]);
  // Not text.
  add("binary.yaml", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 1, ["binary-file"]);
  add("bad-utf8.yaml", Buffer.concat([Buffer.from(head()), Buffer.from([0xc3, 0x28, 0x0a])]), 1, ["bad-encoding"]);
  // Encodings and line ends that are fine.
  add("utf8-bom.yaml", `\ufeff${city}`, 0);
  add("utf16le-bom.yaml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(city, "utf16le")]), 0);
  add("utf16be-bom.yaml", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(city, "utf16le").swap16()]), 0);
  add("crlf.yaml", city.replace(/\n/g, "\r\n"), 0);
  add("crlf-broken.yaml", city.replace("level: 4", "level: 9").replace(/\n/g, "\r\n"), 1, [`out-of-range@${lineOf(city, "level: 4")}`]);
  // Broken YAML.
  add("tabs.yaml", `${head()}indicators:\n\tintegrated:\n\t\tdata-catalogue: 3\n`, 1, ["yaml-syntax@7"]);
  add("unclosed-bracket.yaml", `${head()}assessors: [ {name: A\n`, 1, ["yaml-syntax"]);
  add("unclosed-quote.yaml", `${head()}indicators:\n  integrated:\n    data-catalogue:\n      notes: "never closed\n`, 1, ["yaml-syntax"]);
  // Duplicate keys at every depth.
  add("duplicate-key-0.yaml", `${head()}date: 2026-07-01\n`, 1, ["duplicate-key@6"]);
  add("duplicate-key-1.yaml", `smartregion: 1\nsubject:\n  name: A\n  kind: city\n  name: B\ndate: 2026-06-30\n`, 1, ["duplicate-key@5"]);
  add("duplicate-key-2.yaml", `${head()}indicators:\n  integrated:\n    data-catalogue: 3\n    data-catalogue: 4\n`, 1, ["duplicate-key@9"]);
  add("duplicate-key-3.yaml", `${head()}indicators:\n  integrated:\n    data-catalogue:\n      level: 3\n      level: 4\n`, 1, ["duplicate-key@10"]);
  // Alias bombs and deep nesting.
  const laughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 12; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
  add("alias-bomb.yaml", `${laughs.join("\n")}\n`, 1, ["too-many-aliases"]);
  add("deep-flow.yaml", `${head()}notes: ${"[".repeat(10000)}${"]".repeat(10000)}\n`, 1, ["too-deep@6"]);
  add("deep-flow-quoted.yaml", `${head().replace("  kind: city\n", `  kind: city\n  description: "${"[".repeat(200)}" # [[[[\n  country: x[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[y\n`)}assessors: [{name: "a]]]"}, {name: 'it''s [[['}]\n`, 0);
  let block = `${head()}assessors:\n`;
  for (let i = 0; i < 1000; i++) block += `${"  ".repeat(i + 1)}- \n`;
  add("deep-block.yaml", block, 1, ["too-deep"]);
  // Size: a 10 MB single line (over the default cap of 5 MB), and a file just over the cap.
  add("long-line.yaml", `${head()}notes: ${"x".repeat(10 * 1024 * 1024)}\n`, 2, ["too-large"]);
  add("oversized.yaml", `${city}\n${"#".repeat(100)}\n`.repeat(Math.ceil((5 * 1024 * 1024) / city.length)), 2, ["too-large"]);
  // Documents that are not one mapping.
  add("sequence.yaml", "- a\n- b\n", 1, ["not-a-mapping"]);
  add("scalar.yaml", "just a sentence\n", 1, ["not-a-mapping"]);
  add("multi-document.yaml", `${head()}---\n${head()}`, 1, ["multiple-documents@6"]);
  // Keys that name JavaScript's object machinery, at every depth.
  for (const key of ["__proto__", "constructor", "prototype"]) {
    add(
      `key-${key}.yaml`,
      `${head()}${key}: {polluted: true}\nindicators:\n  ${key}: {x: 1}\n  integrated:\n    ${key}: 3\n    data-catalogue:\n      level: 3\n      ${key}: x\n      evidence:\n        - title: T\n          ${key}: x\n`,
      1,
      [`unknown-key@6`, "unknown-framework@8", "unknown-indicator@10"],
    );
  }
  // YAML 1.1 words and dates where strings are expected: read as the strings they are.
  add("yaml11-words.yaml", `smartregion: 1\nsubject:\n  name: yes\n  kind: city\n  country: no\n  description: off\ndate: 2026-06-30\nassessors:\n  - name: on\n    role: 2026-01-01\n`, 0);
  // Tags.
  add("tag-js-function.yaml", `${head()}notes: !!js/function "function () { return 1 }"\n`, 1, ["unsupported-tag@6"]);
  add("tag-binary.yaml", `${head()}subject2: !!binary aGVsbG8=\n`, 1, ["unsupported-tag@6"]);
  add("tag-unknown.yaml", `${head()}indicators: !custom {}\n`, 1, ["unsupported-tag@6"]);
  // Numbers that are not levels.
  for (const [name, value] of [["nan", ".nan"], ["inf", ".inf"], ["huge", "1e400"], ["hex", "0x1F"], ["float", "2.5"]] as const) {
    add(`number-${name}.yaml`, `${head()}indicators:\n  integrated:\n    data-catalogue: ${value}\n`, 1, [`@8`]);
  }
  add("number-minus-zero.yaml", `${head()}indicators:\n  integrated:\n    data-catalogue: -0\n`, 0);
  add("population-huge.yaml", head().replace("  kind: city\n", "  kind: city\n  population: 1e400\n"), 1, ["@5"]);
  // Text that would drive a terminal or a browser.
  const nasty = "Evil\u001b[31mRED\u001b[0m\u202eTXT\u0007 <script>alert(1)</script> | *bold* [x](javascript:alert(1))";
  add("escapes.yaml", city.replace("name: Riverton", `name: ${JSON.stringify(nasty)}`).replace("Chief data officer, lead assessor", JSON.stringify(nasty)), 0);

  // Region members that must not be followed.
  mkdirSync(join(dir, "region"));
  writeFileSync(join(dir, "region", "good.yaml"), city);
  symlinkSync(join(root, "secret.yaml"), join(dir, "region", "link-out.yaml"));
  mkdirSync(join(dir, "region", "folder.yaml"));
  execFileSync("mkfifo", [join(dir, "region", "fifo.yaml")]);
  symlinkSync("/dev/zero", join(dir, "region", "device.yaml"));
  // A FIFO or a device named on the command line is refused before a byte is read (a read would hang or never end).
  cases.push({ file: "region/fifo.yaml", exit: 2, expect: ["not-a-file@1"] });
  cases.push({ file: "/dev/zero", exit: 2, expect: ["not-a-file@1"] });
  const region = (members: string[]) => `smartregion: 1\nsubject:\n  name: R\n  kind: region\ndate: 2026-06-30\nmembers:\n${members.map((m) => `  - file: ${m}\n`).join("")}`;
  const member = (file: string, members: string[], exit: Case["exit"], expect: string[]) => {
    writeFileSync(join(dir, "region", file), region(members));
    cases.push({ file: `region/${file}`, exit, expect });
  };
  member("outside.yaml", ["good.yaml", "../../secret.yaml"], 1, ["member-outside-folder@8"]);
  member("absolute.yaml", ["good.yaml", join(root, "secret.yaml")], 1, ["member-outside-folder@8"]);
  member("symlink.yaml", ["good.yaml", "link-out.yaml"], 1, ["member-outside-folder@8"]);
  member("itself.yaml", ["good.yaml", "itself.yaml"], 1, ["member-cycle@8"]);
  member("directory.yaml", ["good.yaml", "folder.yaml"], 1, ["member-not-a-file@8"]);
  member("fifo-member.yaml", ["good.yaml", "fifo.yaml"], 1, ["member-not-a-file@8"]);
  member("device-member.yaml", ["good.yaml", "device.yaml"], 1, ["member-outside-folder@8"]);
  writeFileSync(join(dir, "region", "too-many.yaml"), `${region([])}${Array.from({ length: 501 }, (_, i) => `  - name: Member ${i}\n`).join("")}`);
  cases.push({ file: "region/too-many.yaml", exit: 1, expect: ["too-many-items@7"] });
  // A cycle of region files: each is sound on its own (`validate` checks member paths), and
  // `score` and `report`, which read members, refuse a member that is a region.
  member("cycle-a.yaml", ["good.yaml", "cycle-b.yaml"], 0, []);
  member("cycle-b.yaml", ["good.yaml", "cycle-a.yaml"], 0, []);
  return { dir, cases };
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split("\n").length;
}

import { CODES } from "../model/findings.js";
import type { Code } from "../model/findings.js";
import { RULE_HELP, RULE_HELP_ZH } from "./rules.js";
import { RULE_EXAMPLES } from "./rule-examples.js";

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\``;

/**
 * docs/problem-codes.md: every problem code with its severity, what it means and how to fix it
 * (in English and Chinese), and an example of the mistake and its fix. SARIF rules link to the
 * code's heading. `npm run docs` writes it; a test fails when it is out of date.
 */
export function problemCodesDoc(): string {
  const codes = Object.keys(CODES) as Code[];
  const out = [
    "# Problem codes",
    "",
    "Every finding smartregion reports has one of these codes. The code and the finding's facts are the",
    "same in every language and format; the message is worded in the language asked for. An `error`",
    "makes the file invalid, and the run exits 1; a `warning` does not, unless `--max-warnings` or",
    "`--strict-evidence` says so. The run exits 2 instead when the tool could not do what was asked:",
    "a file it could not read (the codes marked *read* below), a problem in `.smartregion.yaml`, or a",
    "framework that cannot be loaded.",
    "",
    "This page is written from the tool's own tables by `npm run docs`, and a test fails when it differs.",
    "",
    "| code | severity |",
    "| --- | --- |",
    ...codes.map((c) => `| [\`${c}\`](#${c}) | ${CODES[c].severity}${CODES[c].impact === "access" ? " (read)" : ""} |`),
    "",
  ];
  for (const code of codes) {
    const example = RULE_EXAMPLES[code];
    out.push(`## ${code}`, "", `<a id="${code}"></a>`, "", RULE_HELP[code], "", RULE_HELP_ZH[code], "", "Wrong:", "", fence(example.lang, example.wrong), "", "Right:", "", fence(example.lang, example.right), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

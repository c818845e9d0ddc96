import { compareText, finding, sortFindings, START } from "../model/findings.js";
import type { Finding } from "../model/findings.js";
import { fixed } from "./numbers.js";
import type { GateResult } from "../scoring/gates.js";
import { gateText } from "../scoring/gates.js";
import type { StreamFormat } from "./stream.js";
import { VALIDATE_FORMATTERS } from "./validate/index.js";

export type CiFormatName = "sarif" | "junit" | "github";

/** What the CI formats of `score` and `report` need from the run. */
export interface CiSummary {
  /** Problems of the files, and of member files. */
  readonly findings: readonly Finding[];
  /** Findings about sound subjects: evidence to check (report), failed gates (score). */
  readonly remarks: readonly Finding[];
  /** Every file the run read, so that files without findings count as passed. */
  readonly files: readonly string[];
}

/**
 * A failed gate as a finding on its file, so that CI formats show it like any other problem;
 * `titles` names a stage in each language, so the message says "Informatization", not its id.
 */
export function gateFinding(result: GateResult, titles?: (stage: string) => Readonly<Record<string, string>>): Finding {
  const actual = typeof result.actual === "number" ? `${fixed(result.actual, 1)}%` : (result.actual ?? "no score");
  const short = result.gate.kind === "min-stage" ? `${result.shortBy} stage(s)` : `${fixed(result.shortBy, 1)} points`;
  const reason = result.gate.kind === "min-stage" ? ["stages", String(result.shortBy)] : ["points", fixed(result.shortBy, 1)];
  return finding("gate-failed", result.file, START, "", {
    detail: gateText(result.gate),
    value: actual,
    context: short,
    reason,
    ...(result.actual === undefined ? { found: "null" } : {}),
    ...(typeof result.actual === "string" && titles !== undefined ? { titles: titles(result.actual) } : {}),
  });
}

/**
 * `score` and `report` in a CI format: no subject is printed, only its problems, its
 * evidence remarks and its failed gates, in the same SARIF, JUnit or annotation form as
 * `validate` gives.
 */
export function ciFormat<Item>(name: CiFormatName, command: "score" | "report"): StreamFormat<Item, CiSummary> {
  return (options) => ({
    head: () => "",
    item: () => "",
    before: () => "",
    tail: (summary) => {
      const byFile = new Map<string, Finding[]>(summary.files.map((file) => [file, []]));
      for (const f of [...summary.findings, ...summary.remarks]) {
        const list = byFile.get(f.file);
        if (list === undefined) byFile.set(f.file, [f]);
        else list.push(f);
      }
      const files = [...byFile].sort(([a], [b]) => compareText(a, b)).map(([file, findings]) => ({ file, findings: sortFindings(findings) }));
      return VALIDATE_FORMATTERS[name]({ files }, { style: options.style, version: options.version ?? "", command, locale: options.locale, showExcepted: options.showExcepted === true, ...(options.base === undefined ? {} : { base: options.base }) });
    },
  });
}

/**
 * Findings are data: a code, where it is, and the facts that explain it. The wording lives in
 * one table (report/messages.ts), so tests assert codes and positions, never sentences.
 */

export type Severity = "error" | "warning";

/**
 * What a finding means for the exit code: `content` findings say the assessment is wrong
 * (exit 1); `access` findings say the tool could not do what was asked (exit 2).
 */
export type Impact = "content" | "access";

export const CODES = {
  // reading the file
  "not-found": { severity: "error", impact: "access" },
  "outside-config-folder": { severity: "error", impact: "content" },
  "not-a-file": { severity: "error", impact: "access" },
  "unreadable": { severity: "error", impact: "access" },
  "too-large": { severity: "error", impact: "access" },
  "binary-file": { severity: "error", impact: "content" },
  "bad-encoding": { severity: "error", impact: "content" },
  "empty-file": { severity: "error", impact: "content" },
  // YAML
  "yaml-syntax": { severity: "error", impact: "content" },
  "duplicate-key": { severity: "error", impact: "content" },
  "multiple-documents": { severity: "error", impact: "content" },
  "unsupported-tag": { severity: "error", impact: "content" },
  "too-many-aliases": { severity: "error", impact: "content" },
  "too-deep": { severity: "error", impact: "content" },
  "too-many-problems": { severity: "error", impact: "content" },
  "not-a-mapping": { severity: "error", impact: "content" },
  "framework-file": { severity: "error", impact: "content" },
  "schema-line-missing": { severity: "warning", impact: "content" },
  // workbooks
  "unsafe-workbook": { severity: "error", impact: "access" },
  "formula-cell": { severity: "error", impact: "content" },
  // schema
  "unknown-key": { severity: "error", impact: "content" },
  "unknown-framework": { severity: "error", impact: "content" },
  "unknown-indicator": { severity: "error", impact: "content" },
  "missing-key": { severity: "error", impact: "content" },
  "missing-one-of": { severity: "error", impact: "content" },
  "wrong-type": { severity: "error", impact: "content" },
  "out-of-range": { severity: "error", impact: "content" },
  "not-allowed-value": { severity: "error", impact: "content" },
  "bad-format": { severity: "error", impact: "content" },
  "empty-value": { severity: "error", impact: "content" },
  "too-long": { severity: "error", impact: "content" },
  "too-few-items": { severity: "error", impact: "content" },
  "too-many-items": { severity: "error", impact: "content" },
  "bad-key": { severity: "error", impact: "content" },
  "conflicting-keys": { severity: "error", impact: "content" },
  "schema": { severity: "error", impact: "content" },
  // meaning
  "framework-kind": { severity: "error", impact: "content" },
  "members-in-city": { severity: "error", impact: "content" },
  "region-without-members": { severity: "error", impact: "content" },
  "member-outside-folder": { severity: "error", impact: "content" },
  "member-not-found": { severity: "error", impact: "content" },
  "member-not-a-file": { severity: "error", impact: "content" },
  "duplicate-member": { severity: "error", impact: "content" },
  "duplicate-core": { severity: "error", impact: "content" },
  "member-cycle": { severity: "error", impact: "content" },
  "member-is-region": { severity: "error", impact: "content" },
  "member-invalid": { severity: "error", impact: "content" },
  "framework-version": { severity: "warning", impact: "content" },
  "evidence-after-assessment": { severity: "warning", impact: "content" },
  "target-before-assessment": { severity: "warning", impact: "content" },
  // evidence (report)
  "evidence-missing": { severity: "warning", impact: "content" },
  "evidence-stale": { severity: "warning", impact: "content" },
  "evidence-self-reported": { severity: "warning", impact: "content" },
  // gates (score)
  "gate-failed": { severity: "error", impact: "content" },
  // frameworks
  "unknown-dimension": { severity: "error", impact: "content" },
  "empty-dimension": { severity: "error", impact: "content" },
  "duplicate-id": { severity: "error", impact: "content" },
  "kind-fields": { severity: "error", impact: "content" },
  "reserved-id": { severity: "error", impact: "content" },
  "duplicate-schema-id": { severity: "error", impact: "content" },
  "missing-translation": { severity: "warning", impact: "content" },
  "vague-descriptor": { severity: "warning", impact: "content" },
  "framework-replaced": { severity: "warning", impact: "content" },
  "replaced-term": { severity: "warning", impact: "content" },
  "exception-expired": { severity: "warning", impact: "content" },
  "exception-unused": { severity: "warning", impact: "content" },
  "disputed-answer": { severity: "warning", impact: "content" },
} as const satisfies Record<string, { severity: Severity; impact: Impact }>;

export type Code = keyof typeof CODES;

/** The facts a message is built from; every field is optional and plain data. */
export interface Facts {
  /** The key or value at fault, as written. */
  readonly key?: string;
  readonly value?: string;
  /** What was expected, as words ("integer", "a valid date (written YYYY-MM-DD)"). */
  readonly expected?: string;
  /** What was found instead. */
  readonly actual?: string;
  /** The allowed values, when there are few enough to list. */
  readonly allowed?: readonly string[];
  /** The nearest allowed value to a misspelt one. */
  readonly suggestion?: string;
  readonly limit?: number;
  /** A short detail from a parser or the system. */
  readonly detail?: string;
  /** Where else the thing is (another file, framework or member). */
  readonly context?: string;
  /**
   * What was expected, as data each language words in its own way: a kind, then its values.
   * `types` JSON types…; `range` min, max, "exclusive" or "" for each end; `format` name;
   * `pattern` regex; `one-of` values…; `folder`; `folders`; `plain-key`; `absolute-uri` example.
   */
  readonly expects?: readonly string[];
  /** The JSON type found instead (`null`, `array`, `object`, `integer`, `number`, `boolean`, `string`), or `scalar`. */
  readonly found?: string;
  /** The name of `value` in each language, when `value` is a stage's id (a gate's stage reached). */
  readonly titles?: Readonly<Record<string, string>>;
  /** Why, as data: `no-yaml-files`; `no-folder` folder; `stages` count or `points` amount (a gate's shortfall). */
  readonly reason?: readonly string[];
}

/** Why a finding does not count: the exception that covers it, and where that is written. */
export interface Excepted {
  readonly reason: string;
  readonly approvedBy: string;
  /** The day it ends (YYYY-MM-DD): from then on it covers nothing. */
  readonly expires: string;
  /** Where the exception is written: `.smartregion.yaml:12:5`. */
  readonly source: string;
}

/** One problem at one place in one file. */
export interface Finding {
  readonly code: Code;
  readonly severity: Severity;
  /** The file as the user named it, relative to where they stand. */
  readonly file: string;
  /** 1-based line and column; 1:1 when the problem is the whole file. */
  readonly line: number;
  readonly col: number;
  /** The path inside the document, as keys joined by dots ("indicators.open.portal"). */
  readonly path: string;
  readonly facts: Facts;
  /** Set when an exception covers it: it is listed as excepted and does not fail the run. */
  readonly excepted?: Excepted;
}

export interface Position {
  readonly line: number;
  readonly col: number;
}

export function finding(code: Code, file: string, at: Position, path: string, facts: Facts = {}): Finding {
  return { code, severity: CODES[code].severity, file, line: at.line, col: at.col, path, facts };
}

export const START: Position = { line: 1, col: 1 };

/** Findings in file, line, column and code order, each once. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const order = (a: Finding, b: Finding) =>
    compareText(a.file, b.file) || a.line - b.line || a.col - b.col || compareText(a.code, b.code) || compareText(a.path, b.path);
  // Sorted first (the sort is stable, so findings that sort alike keep their order), then each
  // run of findings alike in place and code is rid of repeats by their facts: the facts are
  // written out only where two findings could be the same, not for every finding.
  const sorted = [...findings].sort(order);
  const unique: Finding[] = [];
  let run: Set<string> | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const f = sorted[i]!;
    const previous = sorted[i - 1];
    if (previous === undefined || order(previous, f) !== 0) {
      run = undefined;
      unique.push(f);
      continue;
    }
    run ??= new Set([JSON.stringify(previous.facts)]);
    const facts = JSON.stringify(f.facts);
    if (run.has(facts)) continue;
    run.add(facts);
    unique.push(f);
  }
  return unique;
}

/** Byte-order comparison: the same everywhere, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What one assessor gave an indicator: a level, not applicable, or nothing. */
export type Given = number | "n/a" | undefined;

/** How the merged level is chosen from the assessors' levels. */
export type MergeRule = "median" | "min";

/** Why an indicator is in dispute. */
export type DisputeReason = "spread" | "applicability";

/** One indicator as the assessors answered it. */
export interface ReconciledIndicator {
  /** The member it belongs to, by name; undefined for the subject's (or region's) own answers. */
  readonly member: string | undefined;
  readonly framework: string;
  readonly indicator: string;
  /** One entry an assessor, in the order of the files. */
  readonly given: readonly Given[];
  /** The highest level given less the lowest; undefined when fewer than two levels were given. */
  readonly spread: number | undefined;
  /** Two levels or more apart, or one assessor says it does not apply and another gives a level. */
  readonly dispute: DisputeReason | undefined;
  /** The answer the merged assessment gives, by the rule. */
  readonly merged: Given;
}

/** Agreement over a set of indicators: Krippendorff's alpha for ordinal data. */
export interface Agreement {
  /** The framework, or undefined for the whole assessment. */
  readonly framework: string | undefined;
  /** Undefined when fewer than two levels pair up, or all the levels are the same. */
  readonly alpha: number | undefined;
  /** Indicators at least two assessors gave a level. */
  readonly units: number;
  /** Indicators where every assessor who gave a level gave the same one. */
  readonly exact: number;
}

/** One assessor: a file, and the names in it. */
export interface AssessorFile {
  readonly file: string;
  /** What the output calls this assessor: the names in the file's `assessors`, else the file's name. */
  readonly label: string;
  /** The names the label is made of, when it is made of the names in the file; a format joins them in its language. */
  readonly names?: readonly string[];
  /** A letter for tables: A, B, C… */
  readonly key: string;
  readonly date: string;
}

export interface Reconciliation {
  readonly name: string;
  readonly kind: "city" | "region";
  readonly rule: MergeRule;
  readonly assessors: readonly AssessorFile[];
  /** Every indicator at least one assessor answered, by member (own first), framework and indicator. */
  readonly indicators: readonly ReconciledIndicator[];
  readonly disputed: number;
  readonly overall: Agreement;
  readonly byFramework: readonly Agreement[];
}

import type { FrameworkSet } from "../../framework/model.js";
import type { Finding } from "../../findings.js";
import type { GapReport } from "../../gaps/model.js";
import type { Style } from "../style.js";

/** Everything `report` prints. */
export interface ReportRun {
  readonly reports: readonly GapReport[];
  /** Problems of files that could not be reported on. */
  readonly findings: readonly Finding[];
}

export interface ReportFormatOptions {
  readonly frameworks: FrameworkSet;
  readonly style: Style;
  readonly locale: string;
}

export type ReportFormatter = (run: ReportRun, options: ReportFormatOptions) => string;

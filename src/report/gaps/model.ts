import type { Finding } from "../../findings.js";
import type { GapReport } from "../../gaps/model.js";
import type { FormatOptions } from "../options.js";

/** Everything `report` prints. */
export interface ReportRun {
  readonly reports: readonly GapReport[];
  /** Problems of files that could not be reported on. */
  readonly findings: readonly Finding[];
}

export type ReportFormatter = (run: ReportRun, options: FormatOptions) => string;

import type { Finding } from "../../model/findings.js";
import type { GapReport } from "../../analysis/gaps/model.js";
import type { StreamFormat } from "../stream.js";
import type { CiSummary } from "../ci.js";

/** What `report` knows only at the end: the problems of files that could not be reported on. */
export interface ReportSummary extends CiSummary {
  readonly findings: readonly Finding[];
}

/** Every format of `report` writes one piece a subject, then the problems. */
export type ReportFormat = StreamFormat<GapReport, ReportSummary>;

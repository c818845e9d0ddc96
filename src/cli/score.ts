import { checkAssessment } from "../assessment/check.js";
import { toAssessment } from "../assessment/model.js";
import { resolveMembers } from "../assessment/region.js";
import type { MemberReader } from "../assessment/region.js";
import { createSchemaCheck } from "../assessment/validator.js";
import { UsageError } from "../errors.js";
import type { FrameworkSet } from "../framework/model.js";
import { sortFindings } from "../findings.js";
import type { Finding } from "../findings.js";
import { SCORE_FORMATTERS } from "../report/score/index.js";
import type { ScoreFormat } from "../report/score/index.js";
import { evaluateGates } from "../scoring/gates.js";
import type { Gate, GateResult } from "../scoring/gates.js";
import type { SubjectScore } from "../scoring/model.js";
import { scoreSubject } from "../scoring/subject.js";
import { DEFAULT_LIMITS } from "../yaml/source.js";
import { styleFor, wantsColour } from "./colour.js";
import { frameworksFor } from "./context.js";
import { exitCodeFor } from "./exit.js";
import type { ExitCode } from "./exit.js";
import { displayPath, nodeMemberDisk } from "./files.js";
import { writeOutput } from "./output.js";
import { readInput, readInputs } from "./read.js";
import type { CommonOptions } from "./validate.js";

export interface ScoreOptions extends CommonOptions {
  readonly format: ScoreFormat;
  readonly minStage: string | undefined;
  readonly failUnder: readonly string[];
  readonly lang: string;
}

/** Parses `--min-stage` and `--fail-under` against the frameworks loaded. */
export function parseGates(set: FrameworkSet, minStage: string | undefined, failUnder: readonly string[]): Gate[] {
  const gates: Gate[] = [];
  if (minStage !== undefined) {
    if (minStage !== "informatization" && set.byId.get(minStage)?.kind !== "stage") {
      throw new UsageError(`--min-stage: "${minStage}" is not a stage (${["informatization", ...set.stages.map((s) => s.id)].join(", ")})`);
    }
    gates.push({ kind: "min-stage", stage: minStage });
  }
  for (const value of failUnder) {
    const match = /^(?:([a-z0-9-]+)(?:\.([a-z0-9-]+))?=)?(\d+(?:\.\d+)?)$/.exec(value);
    const percent = Number(match?.[3]);
    if (match === null || !(percent >= 0 && percent <= 100)) {
      throw new UsageError(`--fail-under "${value}": expected PERCENT, FRAMEWORK=PERCENT or FRAMEWORK.DIMENSION=PERCENT, with PERCENT from 0 to 100`);
    }
    const [, framework, dimension] = match;
    if (framework !== undefined) {
      const known = set.byId.get(framework);
      if (known === undefined) throw new UsageError(`--fail-under: no framework "${framework}"`);
      if (dimension !== undefined && !known.dimensions.some((d) => d.id === dimension)) {
        throw new UsageError(`--fail-under: framework "${framework}" has no dimension "${dimension}" (${known.dimensions.map((d) => d.id).join(", ")})`);
      }
    }
    gates.push({ kind: "fail-under", framework, dimension, percent });
  }
  return gates;
}

export function runScore(args: readonly string[], options: ScoreOptions, cwd: string): ExitCode {
  const frameworks = frameworksFor(options.frameworks, cwd);
  const gates = parseGates(frameworks, options.minStage, options.failUnder);
  const limits = { ...DEFAULT_LIMITS, maxBytes: options.maxFileSize };
  const context = { frameworks, schemaCheck: createSchemaCheck(frameworks), disk: nodeMemberDisk, limits };
  const inputs = readInputs(args, cwd, limits);
  const reader: MemberReader = {
    read: (absolute) => {
      const read = readInput(absolute, displayPath(absolute, cwd), limits);
      return read instanceof Uint8Array ? read : { error: read.code };
    },
    display: (absolute) => displayPath(absolute, cwd),
  };

  const findings: Finding[] = [...inputs.failures];
  const results: SubjectScore[] = [];
  const gateResults: GateResult[] = [];
  for (const input of inputs.files) {
    const check = checkAssessment(input.file, input.bytes, context);
    findings.push(...check.findings);
    if (check.source === undefined || check.findings.some((f) => f.severity === "error")) continue;
    const assessment = toAssessment(input.file, check.source.data);
    const resolved = assessment.kind === "region" ? resolveMembers(assessment, check.source, input.absolute, context, reader) : { members: [], findings: [] };
    findings.push(...resolved.findings);
    const score = scoreSubject(frameworks, assessment, resolved.members);
    results.push(score);
    gateResults.push(...evaluateGates(frameworks, score, gates));
  }

  const style = styleFor(options.output === undefined && wantsColour(process.stdout.isTTY === true, process.env));
  const run = { results, gates: gateResults, findings: sortFindings(findings) };
  writeOutput(SCORE_FORMATTERS[options.format](run, { frameworks, style, locale: options.lang }), options.output, inputs.absolute, cwd);
  const code = exitCodeFor(run.findings);
  return code === 0 && gateResults.some((g) => !g.passed) ? 1 : code;
}


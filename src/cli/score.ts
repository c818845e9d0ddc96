import { UsageError } from "../errors.js";
import type { FrameworkSet } from "../framework/model.js";
import { sortFindings } from "../findings.js";
import { SCORE_FORMATS } from "../report/score/index.js";
import type { ScoreFormatName } from "../report/score/index.js";
import { evaluateGates } from "../scoring/gates.js";
import type { Gate, GateResult } from "../scoring/gates.js";
import { assessEach } from "./assess.js";
import { styleFor, wantsColour } from "./colour.js";
import { frameworksFor } from "./context.js";
import { exitCodeFor } from "./exit.js";
import type { ExitCode } from "./exit.js";
import { openOutput, writing } from "./output.js";
import { listInputs } from "./read.js";
import type { CommonOptions } from "./validate.js";

export interface ScoreOptions extends CommonOptions {
  readonly format: ScoreFormatName;
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
  const inputs = listInputs(args, cwd);
  const style = styleFor(options.output === undefined && wantsColour(process.stdout.isTTY === true, process.env));
  const writer = SCORE_FORMATS[options.format]({ frameworks, style, locale: options.lang });
  return writing(openOutput(options.output, inputs.absolute, cwd), (output) => {
    const gateResults: GateResult[] = [];
    output.write(writer.head());
    const run = assessEach(inputs, options, cwd, frameworks, (item) => {
      gateResults.push(...evaluateGates(frameworks, item.score, gates));
      output.write(writer.item(item.score));
    });
    const findings = sortFindings(run.findings);
    output.write(writer.tail({ gates: gateResults, findings }));
    const code = exitCodeFor(findings);
    return code === 0 && gateResults.some((g) => !g.passed) ? 1 : code;
  });
}

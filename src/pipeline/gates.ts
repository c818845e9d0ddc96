import { UsageError } from "../model/errors.js";
import type { FrameworkSet } from "../framework/model.js";
import type { Gate } from "../scoring/gates.js";

/** Parses `--min-stage` and `--fail-under` against the frameworks loaded. */
export function parseGates(set: FrameworkSet, minStage: string | undefined, failUnder: readonly string[]): Gate[] {
  const gates: Gate[] = [];
  if (minStage !== undefined) {
    if (minStage !== "informatization" && set.byId.get(minStage)?.kind !== "stage") {
      const stages = ["informatization", ...set.stages.map((s) => s.id)];
      throw new UsageError(`--min-stage: "${minStage}" is not a stage (${stages.join(", ")})`, `--min-stage：“${minStage}”不是阶段（${stages.join("、")}）`);
    }
    gates.push({ kind: "min-stage", stage: minStage });
  }
  for (const value of failUnder) {
    const match = /^(?:([a-z0-9-]+)(?:\.([a-z0-9-]+))?=)?(\d+(?:\.\d+)?)$/.exec(value);
    const percent = Number(match?.[3]);
    if (match === null || !(percent >= 0 && percent <= 100)) {
      throw new UsageError(
        `--fail-under "${value}": expected PERCENT, FRAMEWORK=PERCENT or FRAMEWORK.DIMENSION=PERCENT, with PERCENT from 0 to 100`,
        `--fail-under “${value}”：应写作 PERCENT、FRAMEWORK=PERCENT 或 FRAMEWORK.DIMENSION=PERCENT，PERCENT 为 0 到 100`,
      );
    }
    const [, framework, dimension] = match;
    if (framework !== undefined) {
      const known = set.byId.get(framework);
      if (known === undefined) throw new UsageError(`--fail-under: no framework "${framework}"`, `--fail-under：没有评估框架“${framework}”`);
      if (dimension !== undefined && !known.dimensions.some((d) => d.id === dimension)) {
        throw new UsageError(
          `--fail-under: framework "${framework}" has no dimension "${dimension}" (${known.dimensions.map((d) => d.id).join(", ")})`,
          `--fail-under：评估框架“${framework}”没有维度“${dimension}”（${known.dimensions.map((d) => d.id).join("、")}）`,
        );
      }
    }
    gates.push({ kind: "fail-under", framework, dimension, percent });
  }
  return gates;
}

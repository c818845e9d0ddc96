import type { Assessment } from "../assessment/model.js";
import type { ResolvedMember } from "../assessment/region.js";
import type { FrameworkSet } from "../framework/model.js";
import { modelFit } from "./fit.js";
import type { MemberResult, SubjectScore } from "./model.js";
import { rollup } from "./rollup.js";
import { scoreFramework, stageProfile } from "./score.js";

/** Scores a city, or a region with its resolved members. */
export function scoreSubject(set: FrameworkSet, assessment: Assessment, members: readonly ResolvedMember[] = []): SubjectScore {
  const base = {
    file: assessment.file,
    name: assessment.name,
    date: assessment.date,
    targetStage: assessment.targetStage,
    targetDate: assessment.targetDate,
  };
  if (assessment.kind === "city") return { ...base, kind: "city", profile: stageProfile(set, assessment.answers) };

  const models = set.models.map((framework) => ({ framework, result: scoreFramework(framework, assessment.answers.get(framework.id)) }));
  const memberResults: MemberResult[] = members.map(({ entry, assessment: member, problem }) => {
    const population = entry.population ?? member?.population;
    const [weight, weightFrom] =
      entry.weight !== undefined
        ? [entry.weight, "weight" as const]
        : population !== undefined && population > 0
          ? [population, "population" as const]
          : [1, "equal" as const];
    return {
      name: entry.name ?? member?.name ?? entry.file ?? "",
      file: member?.file ?? entry.file,
      weight,
      weightFrom,
      profile: member === undefined ? undefined : stageProfile(set, member.answers),
      problem,
    };
  });
  return {
    ...base,
    kind: "region",
    models: models.map((m) => m.result),
    fit: modelFit(
      models,
      memberResults.map((m, i) => ({ name: m.name, core: members[i]!.entry.core, profile: m.profile })),
    ),
    members: memberResults,
    rollup: rollup(set, memberResults),
  };
}

import type { Framework, FrameworkSet } from "./model.js";

/** What the build writes beside the code: the shipped frameworks, loaded and checked once. */
export interface PrecompiledFrameworks {
  readonly fingerprint: string;
  readonly all: readonly Framework[];
  readonly levelNames: FrameworkSet["levelNames"];
  readonly answerSchema: FrameworkSet["answerSchema"];
  readonly envelopeSchema: FrameworkSet["envelopeSchema"];
  readonly frameworkSchema: FrameworkSet["frameworkSchema"];
}

export function toPrecompiled(set: FrameworkSet, fingerprint: string): PrecompiledFrameworks {
  return { fingerprint, all: set.all, levelNames: set.levelNames, answerSchema: set.answerSchema, envelopeSchema: set.envelopeSchema, frameworkSchema: set.frameworkSchema };
}

export function fromPrecompiled(data: PrecompiledFrameworks): FrameworkSet {
  return {
    all: data.all,
    stages: data.all.filter((f) => f.kind === "stage"),
    models: data.all.filter((f) => f.kind === "model"),
    byId: new Map(data.all.map((f) => [f.id, f])),
    levelNames: data.levelNames,
    answerSchema: data.answerSchema,
    envelopeSchema: data.envelopeSchema,
    frameworkSchema: data.frameworkSchema,
  };
}

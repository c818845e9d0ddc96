import type { Dimension, Framework, FrameworkSet, Indicator } from "./model.js";

/**
 * What the build writes beside the code: the shipped frameworks, loaded and checked once. Each
 * framework's indicators are written once, under their dimensions, with their order beside; its
 * JSON Schema is written apart (`schemas`), read only by what needs it (the editor schema, a
 * run with custom frameworks), since a run with the shipped ones has its validator precompiled.
 */
export interface PrecompiledFrameworks {
  readonly fingerprint: string;
  /** The digest of the assessment validator compiled beside it (validate-assessment.cjs), which a bundle carrying its own copy compares. */
  readonly validator?: string;
  readonly all: readonly PrecompiledFramework[];
  readonly levelNames: FrameworkSet["levelNames"];
  readonly answerSchema: FrameworkSet["answerSchema"];
  readonly envelopeSchema: FrameworkSet["envelopeSchema"];
  readonly frameworkSchema: FrameworkSet["frameworkSchema"];
}

export type PrecompiledFramework = Omit<Framework, "indicators" | "schema"> & { readonly indicatorOrder: readonly string[] };

/** The frameworks' schemas, by id. */
export type PrecompiledSchemas = Readonly<Record<string, Framework["schema"]>>;

export function toPrecompiled(set: FrameworkSet, fingerprint: string): { frameworks: PrecompiledFrameworks; schemas: PrecompiledSchemas } {
  const all = set.all.map(({ indicators, schema: _schema, ...rest }) => ({ ...rest, indicatorOrder: indicators.map((i) => i.id) }));
  return {
    frameworks: { fingerprint, all, levelNames: set.levelNames, answerSchema: set.answerSchema, envelopeSchema: set.envelopeSchema, frameworkSchema: set.frameworkSchema },
    schemas: Object.fromEntries(set.all.map((f) => [f.id, f.schema])),
  };
}

/** The set again; `schemas` is called the first time a framework's schema is asked for. */
export function fromPrecompiled(data: PrecompiledFrameworks, schemas: () => PrecompiledSchemas): FrameworkSet {
  let read: PrecompiledSchemas | undefined;
  const all: Framework[] = data.all.map(({ indicatorOrder, ...rest }) => {
    const byId = new Map<string, Indicator>(rest.dimensions.flatMap((d: Dimension) => d.indicators.map((i) => [i.id, i] as const)));
    const framework = { ...rest, indicators: indicatorOrder.map((id) => byId.get(id)!) } as unknown as Framework;
    Object.defineProperty(framework, "schema", { enumerable: true, get: () => (read ??= schemas())[rest.id]! });
    return framework;
  });
  return {
    all,
    stages: all.filter((f) => f.kind === "stage"),
    models: all.filter((f) => f.kind === "model"),
    byId: new Map(all.map((f) => [f.id, f])),
    levelNames: data.levelNames,
    answerSchema: data.answerSchema,
    envelopeSchema: data.envelopeSchema,
    frameworkSchema: data.frameworkSchema,
  };
}

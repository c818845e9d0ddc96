import { finding } from "../model/findings.js";
import type { Finding } from "../model/findings.js";
import { locate } from "../yaml/locate.js";
import type { YamlSource } from "../yaml/source.js";

interface RawDimension {
  id: string;
}
interface RawFramework {
  kind: "stage" | "model";
  order?: number;
  attainment?: unknown;
  case?: unknown;
  dimensions: RawDimension[];
}
interface RawIndicator {
  "x-indicator": { dimension: string };
}

/**
 * What the meta-schema cannot say about one framework: dimension ids unique, every indicator
 * in a declared dimension, no empty dimension, and the fields each kind needs.
 * Runs only on a document that passed the meta-schema.
 */
export function frameworkRules(source: YamlSource): Finding[] {
  const data = source.data as { "x-framework": RawFramework; properties: Record<string, RawIndicator> };
  const meta = data["x-framework"];
  const found: Finding[] = [];
  const here = (path: (string | number)[], key = false) => {
    const at = locate(source, path);
    return key ? (at.key ?? at.value) : at.value;
  };

  if (meta.kind === "stage") {
    if (meta.order === undefined) found.push(finding("kind-fields", source.file, here(["x-framework"]), "x-framework", { key: "order", expected: "stage" }));
    if (meta.attainment === undefined) found.push(finding("kind-fields", source.file, here(["x-framework"]), "x-framework", { key: "attainment", expected: "stage" }));
  } else {
    if (meta.order !== undefined) {
      found.push(finding("kind-fields", source.file, here(["x-framework", "order"], true), "x-framework.order", { key: "order", expected: "model" }));
    }
  }

  const declared = new Map<string, number>();
  meta.dimensions.forEach((dimension, index) => {
    if (declared.has(dimension.id)) {
      found.push(finding("duplicate-id", source.file, here(["x-framework", "dimensions", index, "id"]), `x-framework.dimensions.${index}.id`, { value: dimension.id }));
    }
    declared.set(dimension.id, index);
  });

  const used = new Set<string>();
  for (const [id, indicator] of Object.entries(data.properties)) {
    const dimension = indicator["x-indicator"].dimension;
    used.add(dimension);
    if (!declared.has(dimension)) {
      const path = ["properties", id, "x-indicator", "dimension"];
      found.push(finding("unknown-dimension", source.file, here(path), path.join("."), { value: dimension, allowed: [...declared.keys()] }));
    }
  }
  for (const [id, index] of declared) {
    if (!used.has(id)) {
      found.push(finding("empty-dimension", source.file, here(["x-framework", "dimensions", index]), `x-framework.dimensions.${index}`, { value: id }));
    }
  }
  return found;
}

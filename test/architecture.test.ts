import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/**
 * The layers of the source, each with the layers it may import from. Imports point one way:
 * the command line over the pipeline, the machine and the formats, over the analysis and the
 * scores, over assessments, over frameworks, validation and YAML, over the model.
 */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  model: [],
  yaml: ["model"],
  validation: ["model", "yaml"],
  i18n: ["model"],
  framework: ["model", "yaml", "validation", "i18n"],
  assessment: ["model", "yaml", "validation", "i18n", "framework"],
  scoring: ["model", "framework", "assessment"],
  analysis: ["model", "yaml", "framework", "assessment", "scoring"],
  format: ["model", "yaml", "i18n", "framework", "assessment", "scoring", "analysis"],
  node: ["model", "yaml", "validation", "i18n", "framework", "assessment"],
  pipeline: ["model", "yaml", "validation", "i18n", "framework", "assessment", "scoring", "analysis", "format", "node"],
  cli: ["model", "yaml", "validation", "i18n", "framework", "assessment", "scoring", "analysis", "format", "node", "pipeline"],
  // The public API: what the command line sees, but not the command line.
  index: ["model", "yaml", "validation", "i18n", "framework", "assessment", "scoring", "analysis", "format", "node", "pipeline"],
  // The build writes what ships and the reference pages made from the formats' tables.
  build: ["model", "yaml", "validation", "i18n", "framework", "assessment", "format", "node"],
};

const SRC = join(ROOT, "src");
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** The layer a source file belongs to: its first folder under src/, or the file's own name at the top. */
export function layerOf(file: string): string {
  const [first] = relative(SRC, file).split(sep);
  return first!.replace(/\.ts$/, "");
}

/** Every import of another layer that the table does not allow, as `file → target`. */
export function wrongImports(files: readonly { path: string; text: string }[]): string[] {
  const wrong: string[] = [];
  for (const { path, text } of files) {
    const from = layerOf(path);
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2]!;
      if (!spec.startsWith(".")) continue;
      const target = normalize(join(dirname(path), spec));
      if (!target.startsWith(SRC + sep)) continue;
      const to = layerOf(target);
      if (to !== from && !(LAYERS[from] ?? []).includes(to)) wrong.push(`${relative(ROOT, path)} → ${relative(ROOT, target)}`);
    }
  }
  return wrong;
}

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [{ path, text: readFileSync(path, "utf8") }] : [];
  });
}

describe("the direction of imports", () => {
  const files = sources(SRC);

  it("puts every source file in a known layer", () => {
    expect(files.map((f) => layerOf(f.path)).filter((layer) => !(layer in LAYERS))).toEqual([]);
  });

  it("imports only from the layers below", () => {
    expect(wrongImports(files)).toEqual([]);
  });

  it("fails on an import that points up", () => {
    const wrong = { path: join(SRC, "scoring", "score.ts"), text: 'import { runScore } from "../cli/score.js";\nimport type { Finding } from "../model/findings.js";' };
    expect(wrongImports([wrong])).toEqual(["src/scoring/score.ts → src/cli/score.js"]);
  });
});

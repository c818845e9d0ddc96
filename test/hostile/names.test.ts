import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { smartregion } from "../cli/run.js";

describe("file names that mean something else in a URI or a pattern", () => {
  it("gives SARIF a URI that leads back to the file, whatever its name holds", () => {
    const dir = mkdtempSync(join(tmpdir(), "smartregion-names-"));
    const names = ["a#b?c.yaml", "100% done.yaml", "c:d.yaml", "[x] (y) 'z'!*.yaml", "é 杭州.yaml"];
    for (const name of names) cpSync(join(ROOT, "examples", "invalid.yaml"), join(dir, name));
    const run = smartregion(["validate", ".", "-f", "sarif"], dir);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    // Resolved against the folder as a reader of SARIF resolves it, each URI names one of the files.
    const files = [...uris].map((uri) => fileURLToPath(new URL(uri, `file://${dir}/`)));
    expect(files.sort()).toEqual(names.map((n) => join(dir, n)).sort());
  });

  it("refuses a pattern no file name can match as a usage error, not an internal one", () => {
    const run = smartregion(["validate", "[z-a].yaml"], join(ROOT, "examples"));
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it("matches every alternative of a brace pattern, and globs below a folder", () => {
    const listed = (args: string[]) => (JSON.parse(smartregion(["validate", ...args, "-f", "json"]).stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    expect(listed(["examples/{city,seattle-*}.yaml"])).toEqual(["examples/city.yaml", "examples/seattle-region.yaml"]);
    expect(listed(["examples/**/{fingal,city}.yaml"])).toEqual(["examples/city.yaml", "examples/dublin-region/members/fingal.yaml"]);
    expect(listed([`${ROOT}/examples/dublin-region/members/[fs]*.yaml`])).toEqual(["examples/dublin-region/members/fingal.yaml", "examples/dublin-region/members/south-dublin.yaml"]);
  });
});

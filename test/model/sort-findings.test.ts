import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareText, sortFindings } from "../../src/model/findings.js";
import type { Finding } from "../../src/model/findings.js";

/** What sortFindings gives, written the plain way: repeats dropped (the first kept), then sorted stably. */
function plainly(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = JSON.stringify([f.file, f.line, f.col, f.code, f.path, f.facts]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.col - b.col || compareText(a.code, b.code) || compareText(a.path, b.path));
}

describe("sortFindings", () => {
  it("drops repeats and sorts as the plain way does, for findings alike in every part but their facts", () => {
    const finding = fc.record({
      file: fc.constantFrom("a.yaml", "b.yaml"),
      line: fc.integer({ min: 1, max: 3 }),
      col: fc.integer({ min: 1, max: 2 }),
      code: fc.constantFrom("unknown-key", "out-of-range"),
      path: fc.constantFrom("", "x"),
      facts: fc.constantFrom({}, { key: "a" }, { key: "b" }, { value: "1", limit: 5 }),
      id: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), (list) => {
        const findings = list as unknown as Finding[];
        expect(sortFindings(findings)).toEqual(plainly(findings));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });
});

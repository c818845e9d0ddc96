import { describe, expect, it } from "vitest";
import { toAssessment } from "../../src/assessment/model.js";
import { resolveMembers } from "../../src/assessment/region.js";
import type { MemberReader } from "../../src/assessment/region.js";
import { createSchemaCheck } from "../../src/assessment/validator.js";
import { readYaml } from "../../src/yaml/source.js";
import { DEFAULT_LIMITS } from "../../src/yaml/source.js";
import { CITY, checkText, codes, fakeDisk, shippedFrameworks } from "../helpers.js";

const REGION = `smartregion: 1
subject:
  name: R
  kind: region
date: 2026-01-31
members:
`;

describe("member files", () => {
  const files = { "/r/m.yaml": "file", "/r/link.yaml": "file", "/r/hard.yaml": "file", "/r/other.yaml": "file", "/r/sub": "directory" } as const;
  const links = { "/r/link.yaml": "/r/m.yaml" };
  const members = ["m.yaml", "./m.yaml", "sub/../m.yaml", "link.yaml", "hard.yaml", "other.yaml", ".//m.yaml"];
  const text = REGION + members.map((m) => `  - file: ${m}\n`).join("");

  it("are one member however they are named, linked or hard-linked", () => {
    // The hard link is told apart from m.yaml only by its identity, as on a real disk.
    const disk = { ...fakeDisk(files, links), identity: (p: string) => (p === "/r/hard.yaml" ? "/r/m.yaml" : p === "/r/link.yaml" ? "/r/m.yaml" : p) };
    expect(codes(checkText(text, "/r/region.yaml", disk))).toEqual([8, 9, 10, 11, 13].map((line) => `duplicate-member@${line}:11`));
  });

  it("name one core city at most, and a second is refused at its key", () => {
    const inline = REGION + "  - name: A\n    core: true\n  - name: B\n  - name: C\n    core: true\n  - name: D\n    core: false\n";
    expect(codes(checkText(inline, "/r/region.yaml", fakeDisk(files, links)))).toEqual(["duplicate-core@11:5"]);
    expect(codes(checkText(inline.replace("  - name: C\n    core: true\n", "  - name: C\n"), "/r/region.yaml", fakeDisk(files, links)))).toEqual([]);
  });

  it("are read once each when a region lists one file under several names", () => {
    const frameworks = shippedFrameworks();
    const context = { frameworks, schemaCheck: createSchemaCheck(frameworks), disk: fakeDisk(files, links), limits: DEFAULT_LIMITS };
    const source = readYaml("/r/region.yaml", new TextEncoder().encode(text)).source!;
    const reads: string[] = [];
    const reader: MemberReader = {
      read: (absolute) => {
        reads.push(absolute);
        return new TextEncoder().encode(CITY);
      },
      display: (absolute) => absolute,
    };
    const { members: resolved } = resolveMembers(toAssessment("/r/region.yaml", source.data), source, "/r/region.yaml", context, reader);
    expect(reads).toEqual(["/r/m.yaml", "/r/hard.yaml", "/r/other.yaml"]);
    expect(resolved.map((m) => m.problem)).toEqual([undefined, "duplicate", "duplicate", "duplicate", undefined, undefined, "duplicate"]);
  });
});

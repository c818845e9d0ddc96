import { describe, expect, it } from "vitest";
import { CITY, checkText, codes, fakeDisk } from "../helpers.js";

const region = (members: string) => `smartregion: 1
subject:
  name: Testregion
  kind: region
date: 2026-01-31
members:
${members}`;

describe("assessment validation", () => {
  it("accepts a minimal city and every form of answer", () => {
    const text = `${CITY}indicators:
  integrated:
    data-catalogue: 3
    sharing-platform:
    fundamental-databases:
      level: 4
      evidence:
        - title: Catalogue
          link: https://example.org/catalogue
          date: 2025-12-01
          method: measured
      notes: fine
    citizen-hotline:
      not-applicable: the region runs it
`;
    expect(checkText(text)).toEqual([]);
  });

  it("puts an unknown key at the key and suggests the nearest known one", () => {
    const findings = checkText(`${CITY}indicators:\n  integrated:\n    data-catalog: 3\n`);
    expect(codes(findings)).toEqual(["unknown-indicator@8:5"]);
    expect(findings[0]!.facts.suggestion).toBe("data-catalogue");
    expect(findings[0]!.path).toBe("indicators.integrated.data-catalog");
  });

  it("puts a missing key at the mapping that lacks it", () => {
    const findings = checkText("smartregion: 1\nsubject:\n  kind: city\ndate: 2026-01-31\n");
    expect(codes(findings)).toEqual(["missing-key@3:3"]);
    expect(findings[0]!.facts.key).toBe("name");
  });

  it("puts type, range, enum and format errors at the value", () => {
    const text = `smartregion: 1
subject:
  name: [a]
  kind: town
date: 31/01/2026
indicators:
  integrated:
    data-catalogue: 6
    sharing-platform:
      level: 2.5
`;
    expect(codes(checkText(text))).toEqual([
      "wrong-type@3:9",
      "not-allowed-value@4:9",
      "bad-format@5:7",
      "out-of-range@8:21",
      "wrong-type@10:14",
    ]);
  });

  it("refuses a level together with not-applicable", () => {
    const findings = checkText(`${CITY}indicators:\n  integrated:\n    data-catalogue:\n      level: 2\n      not-applicable: why\n`);
    expect(codes(findings)).toEqual(["conflicting-keys@9:7"]);
  });

  it("names unknown frameworks and frameworks of the wrong kind", () => {
    const findings = checkText(`${CITY}indicators:\n  integratd: {}\n  core-led: {}\n`);
    expect(codes(findings)).toEqual(["unknown-framework@7:3", "framework-kind@8:3"]);
    expect(findings[0]!.facts.suggestion).toBe("integrated");
  });

  it("checks evidence fields and dates against the assessment date", () => {
    const text = `${CITY}indicators:
  integrated:
    data-catalogue:
      level: 3
      evidence:
        - link: https://example.org
        - title: Later
          date: 2026-02-01
          method: guessed
`;
    expect(codes(checkText(text))).toEqual(["missing-key@11:11", "evidence-after-assessment@13:17", "not-allowed-value@14:19"]);
  });

  it("needs members in a region and refuses them in a city", () => {
    expect(codes(checkText("smartregion: 1\nsubject:\n  name: R\n  kind: region\ndate: 2026-01-31\n"))).toEqual([
      "region-without-members@4:9",
    ]);
    expect(codes(checkText(`${CITY}members:\n  - name: A\n`))).toEqual(["members-in-city@6:1"]);
  });

  it("checks member files: inside the folder, existing, regular, not doubled", () => {
    const disk = fakeDisk(
      { "/work/r/a.yaml": "file", "/work/r/dir": "directory", "/work/r/link.yaml": "file" },
      { "/work/r/link.yaml": "/etc/passwd" },
    );
    const text = region(`  - file: a.yaml
  - file: ../outside.yaml
  - file: /etc/passwd
  - file: missing.yaml
  - file: dir
  - file: link.yaml
  - file: a.yaml
  - population: 5
  - file: a.yaml
    indicators: {}
`);
    expect(codes(checkText(text, "/work/r/region.yaml", disk))).toEqual([
      "member-outside-folder@8:11",
      "member-outside-folder@9:11",
      "member-not-found@10:11",
      "member-not-a-file@11:11",
      "member-outside-folder@12:11",
      "duplicate-member@13:11",
      "missing-one-of@14:5",
      "conflicting-keys@16:5",
      "duplicate-member@15:11",
    ].sort((a, b) => Number(a.split("@")[1]!.split(":")[0]) - Number(b.split("@")[1]!.split(":")[0])));
  });

  it("reports every problem of a file in line order, each once", () => {
    const text = `${CITY}unknown: 1\nindicators:\n  integrated:\n    nope: 1\n    data-catalogue: x\n`;
    const found = checkText(text);
    const lines = found.map((f) => f.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(codes(found)).toEqual(["unknown-key@6:1", "unknown-indicator@9:5", "wrong-type@10:21"]);
  });
});

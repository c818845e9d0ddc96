import type { Code } from "../model/findings.js";

/** For each problem code, a short example of the mistake and of its fix, as the user writes them. */
export const RULE_EXAMPLES: Record<Code, { readonly lang: "yaml" | "sh"; readonly wrong: string; readonly right: string }> = {
  // reading the file
  "not-found": {
    lang: "sh",
    wrong: "npx smartregion validate asessments/riverton.yaml",
    right: "npx smartregion validate assessments/riverton.yaml",
  },
  "outside-config-folder": {
    lang: "yaml",
    wrong: "frameworks:\n  - ../shared/frameworks",
    right: "frameworks:\n  - frameworks/custom",
  },
  "not-a-file": {
    lang: "sh",
    wrong: "npx smartregion validate <(cat riverton.yaml)",
    right: "npx smartregion validate riverton.yaml",
  },
  "unreadable": {
    lang: "sh",
    wrong: "chmod a-r riverton.yaml\nnpx smartregion validate riverton.yaml",
    right: "chmod u+r riverton.yaml\nnpx smartregion validate riverton.yaml",
  },
  "too-large": {
    lang: "sh",
    wrong: "npx smartregion validate region-export.yaml --max-file-size 1",
    right: "npx smartregion validate region-export.yaml --max-file-size 20",
  },
  "binary-file": {
    lang: "sh",
    wrong: "npx smartregion validate riverton.yaml.gz",
    right: "gunzip riverton.yaml.gz\nnpx smartregion validate riverton.yaml",
  },
  "bad-encoding": {
    lang: "sh",
    wrong: "npx smartregion validate riverton-latin1.yaml",
    right:
      "iconv -f ISO-8859-1 -t UTF-8 riverton-latin1.yaml > riverton.yaml\n" +
      "npx smartregion validate riverton.yaml",
  },
  "empty-file": {
    lang: "sh",
    wrong: "touch riverton.yaml\nnpx smartregion validate riverton.yaml",
    right: "npx smartregion init riverton.yaml --subject Riverton\nnpx smartregion validate riverton.yaml",
  },
  // YAML
  "yaml-syntax": {
    lang: "yaml",
    wrong: "subject:\n  name: Riverton\n kind: city",
    right: "subject:\n  name: Riverton\n  kind: city",
  },
  "duplicate-key": {
    lang: "yaml",
    wrong: "  integrated:\n    data-centres-networks: 3\n    data-centres-networks: 4",
    right: "  integrated:\n    data-centres-networks: 4",
  },
  "multiple-documents": {
    lang: "yaml",
    wrong: "date: 2026-06-30\n---\ndate: 2027-06-30",
    right: "date: 2027-06-30",
  },
  "unsupported-tag": {
    lang: "yaml",
    wrong: "    data-centres-networks: !!binary Mw==",
    right: "    data-centres-networks: 3",
  },
  "too-many-aliases": {
    lang: "yaml",
    wrong:
      "      evidence: &e\n" +
      "        - title: Internal audit IA-2024-17\n" +
      "        - *e",
    right:
      "      evidence:\n" +
      "        - title: Internal audit IA-2024-17",
  },
  "too-deep": {
    lang: "yaml",
    wrong:
      "      notes: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n" +
      "        ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    right: "      notes: Certified to ISO/IEC 27001 in 2027.",
  },
  "too-many-problems": {
    lang: "yaml",
    wrong:
      "members:\n" +
      "  - file: members/m0001.yaml\n" +
      "    populaton: 12000\n" +
      "  # m0002 to m0500, each with populaton",
    right:
      "members:\n" +
      "  - file: members/m0001.yaml\n" +
      "    population: 12000\n" +
      "  # m0002 to m0500, each with population",
  },
  "schema-line-missing": {
    lang: "yaml",
    wrong: "# yaml-language-server: $schema=schema/assessment.schema.json\nsmartregion: 1",
    right: "# yaml-language-server: $schema=../schema/assessment.schema.json\nsmartregion: 1",
  },
  "unsafe-workbook": {
    lang: "sh",
    wrong: "smartregion import answers-with-macros.xlsm -o city.yaml",
    right: "smartregion export city.yaml --format xlsx -o interview.xlsx\nsmartregion import interview.xlsx -o city.yaml",
  },
  "formula-cell": {
    lang: "sh",
    wrong: "# Integrated!E14 holds =MAX(D14,3)\nsmartregion import interview.xlsx -o city.yaml",
    right: "# Integrated!E14 holds 3\nsmartregion import interview.xlsx -o city.yaml",
  },
  "framework-file": {
    lang: "sh",
    wrong: "smartregion validate frameworks/tourism-destination.yaml",
    right: "smartregion frameworks lint frameworks/tourism-destination.yaml",
  },
  "not-a-mapping": {
    lang: "yaml",
    wrong: "- smartregion: 1\n  subject:\n    name: Riverton\n    kind: city\n  date: 2026-06-30",
    right: "smartregion: 1\nsubject:\n  name: Riverton\n  kind: city\ndate: 2026-06-30",
  },
  // schema
  "unknown-key": {
    lang: "yaml",
    wrong:
      "      evidence:\n" +
      "        - title: Riverton Open Data portal\n" +
      "          url: https://example.org/riverton/open-data",
    right:
      "      evidence:\n" +
      "        - title: Riverton Open Data portal\n" +
      "          link: https://example.org/riverton/open-data",
  },
  "unknown-framework": {
    lang: "yaml",
    wrong: "indicators:\n  opne:\n    open-data-portal: 3",
    right: "indicators:\n  open:\n    open-data-portal: 3",
  },
  "unknown-indicator": {
    lang: "yaml",
    wrong: "  integrated:\n    data-centre-networks: 3",
    right: "  integrated:\n    data-centres-networks: 3",
  },
  "missing-key": {
    lang: "yaml",
    wrong:
      "      evidence:\n" +
      "        - link: https://example.org/riverton/open-data\n" +
      "          date: 2026-05-31",
    right:
      "      evidence:\n" +
      "        - title: Riverton Open Data portal\n" +
      "          link: https://example.org/riverton/open-data\n" +
      "          date: 2026-05-31",
  },
  "missing-one-of": {
    lang: "yaml",
    wrong: "members:\n  - population: 330506",
    right: "members:\n  - file: members/fingal.yaml\n    population: 330506",
  },
  "wrong-type": {
    lang: "yaml",
    wrong: "subject:\n  name: Riverton\n  kind: city\n  population: 850,000",
    right: "subject:\n  name: Riverton\n  kind: city\n  population: 850000",
  },
  "out-of-range": {
    lang: "yaml",
    wrong: "    sharing-platform:\n      level: 6",
    right: "    sharing-platform:\n      level: 5",
  },
  "not-allowed-value": {
    lang: "yaml",
    wrong: "        - title: Riverton Open Data portal\n          method: audited",
    right: "        - title: Riverton Open Data portal\n          method: measured",
  },
  "bad-format": {
    lang: "yaml",
    wrong: "date: 30/06/2026",
    right: "date: 2026-06-30",
  },
  "empty-value": {
    lang: "yaml",
    wrong: "subject:\n  name: Riverton\n  kind: city\n  country: \"\"",
    right: "subject:\n  name: Riverton\n  kind: city\n  country: Exampleland",
  },
  "too-long": {
    lang: "yaml",
    wrong:
      "subject:\n" +
      "  name: Riverton City Council, Digital Office, Urban Observatory and Data\n" +
      "    Exchange Platform Programme Board, Riverton Harbour District Partnership,\n" +
      "    Riverton University Living Lab and the Riverton Open Data Portal Team",
    right: "subject:\n  name: Riverton",
  },
  "too-few-items": {
    lang: "yaml",
    wrong: "members: []",
    right: "members:\n  - file: members/fingal.yaml",
  },
  "too-many-items": {
    lang: "yaml",
    wrong:
      "members:\n" +
      "  - file: members/m001.yaml\n" +
      "  # m002.yaml to m501.yaml",
    right:
      "members:\n" +
      "  - file: members/m001.yaml\n" +
      "  # m002.yaml to m500.yaml",
  },
  "bad-key": {
    lang: "yaml",
    wrong: "  integrated:\n    [data-catalogue, field-platforms]: 3",
    right: "  integrated:\n    data-catalogue: 3\n    field-platforms: 3",
  },
  "conflicting-keys": {
    lang: "yaml",
    wrong:
      "members:\n" +
      "  - file: members/fingal.yaml\n" +
      "    indicators:\n" +
      "      integrated:\n" +
      "        data-catalogue: 3",
    right: "members:\n  - file: members/fingal.yaml",
  },
  "schema": {
    lang: "yaml",
    wrong: "  # A custom framework's rule with no code of its own, such as\n  # multipleOf: 2 on a level\n  tourism-destination:\n    destination-management: 3",
    right: "  # A custom framework's rule with no code of its own, such as\n  # multipleOf: 2 on a level\n  tourism-destination:\n    destination-management: 4",
  },
  // meaning
  "framework-kind": {
    lang: "yaml",
    wrong: "indicators:\n  core-led:\n    core-data-portal: 3",
    right: "indicators:\n  open:\n    open-data-portal: 3",
  },
  "members-in-city": {
    lang: "yaml",
    wrong: "subject:\n  name: Riverton\n  kind: city\nmembers:\n  - name: Harbour District",
    right: "subject:\n  name: Riverton\n  kind: city",
  },
  "region-without-members": {
    lang: "yaml",
    wrong: "subject:\n  name: Dublin region\n  kind: region\ndate: 2026-06-30",
    right: "subject:\n  name: Dublin region\n  kind: region\ndate: 2026-06-30\nmembers:\n  - file: members/fingal.yaml",
  },
  "member-outside-folder": {
    lang: "yaml",
    wrong: "members:\n  - file: ../fingal.yaml",
    right: "members:\n  - file: members/fingal.yaml",
  },
  "member-not-found": {
    lang: "yaml",
    wrong: "members:\n  - file: members/fingall.yaml",
    right: "members:\n  - file: members/fingal.yaml",
  },
  "member-not-a-file": {
    lang: "yaml",
    wrong: "members:\n  - file: members",
    right: "members:\n  - file: members/fingal.yaml",
  },
  "duplicate-member": {
    lang: "yaml",
    wrong: "members:\n  - file: members/fingal.yaml\n  - file: ./members/fingal.yaml",
    right: "members:\n  - file: members/fingal.yaml\n  - file: members/south-dublin.yaml",
  },
  "duplicate-core": {
    lang: "yaml",
    wrong:
      "members:\n" +
      "  - file: members/dublin-city.yaml\n" +
      "    core: true\n" +
      "  - file: members/fingal.yaml\n" +
      "    core: true",
    right:
      "members:\n" +
      "  - file: members/dublin-city.yaml\n" +
      "    core: true\n" +
      "  - file: members/fingal.yaml",
  },
  "member-cycle": {
    lang: "yaml",
    wrong: "members:\n  - file: region.yaml\n  - file: members/fingal.yaml",
    right: "members:\n  - file: members/dublin-city.yaml\n  - file: members/fingal.yaml",
  },
  "member-is-region": {
    lang: "yaml",
    wrong: "members:\n  - file: greater-dublin.yaml",
    right: "members:\n  - file: members/fingal.yaml",
  },
  "member-invalid": {
    lang: "yaml",
    wrong: "subject:\n  name: Fingal\n  kind: county",
    right: "subject:\n  name: Fingal\n  kind: city",
  },
  "framework-version": {
    lang: "yaml",
    wrong: "frameworks:\n  integrated: 2.0.0",
    right: "frameworks:\n  integrated: 1.0.0",
  },
  "evidence-after-assessment": {
    lang: "yaml",
    wrong:
      "date: 2026-06-30\n" +
      "indicators:\n" +
      "  open:\n" +
      "    open-data-portal:\n" +
      "      level: 3\n" +
      "      evidence: [{title: Riverton Open Data portal, date: 2026-09-30}]",
    right:
      "date: 2026-06-30\n" +
      "indicators:\n" +
      "  open:\n" +
      "    open-data-portal:\n" +
      "      level: 3\n" +
      "      evidence: [{title: Riverton Open Data portal, date: 2026-05-31}]",
  },
  "target-before-assessment": {
    lang: "yaml",
    wrong: "targets:\n  stage: open\n  by: 2025-12-31",
    right: "targets:\n  stage: open\n  by: 2028-12-31",
  },
  // evidence (report)
  "evidence-missing": {
    lang: "yaml",
    wrong: "    data-centres-networks: 4",
    right:
      "    data-centres-networks:\n" +
      "      level: 4\n" +
      "      evidence:\n" +
      "        - title: Data centre consolidation audit 2025\n" +
      "          date: 2025-11-20\n" +
      "          method: measured",
  },
  "evidence-stale": {
    lang: "yaml",
    wrong:
      "    open-data-portal:\n" +
      "      level: 3\n" +
      "      evidence:\n" +
      "        - title: Riverton Open Data portal\n" +
      "          date: 2021-05-31",
    right:
      "    open-data-portal:\n" +
      "      level: 3\n" +
      "      evidence:\n" +
      "        - title: Riverton Open Data portal\n" +
      "          date: 2026-05-31",
  },
  "evidence-self-reported": {
    lang: "yaml",
    wrong:
      "    security-privacy:\n" +
      "      level: 3\n" +
      "      evidence:\n" +
      "        - title: Information security self-assessment 2026\n" +
      "          method: self-reported",
    right:
      "    security-privacy:\n" +
      "      level: 3\n" +
      "      evidence:\n" +
      "        - title: Information security self-assessment 2026\n" +
      "          method: self-reported\n" +
      "        - title: External ISO/IEC 27001 audit 2026\n" +
      "          method: measured",
  },
  // gates (score)
  "gate-failed": {
    lang: "sh",
    wrong: "npx smartregion score riverton.yaml --min-stage open",
    right: "npx smartregion score riverton.yaml --min-stage integrated",
  },
  // frameworks
  "unknown-dimension": {
    lang: "yaml",
    wrong:
      "  sharing-platform:\n" +
      "    $ref: https://smartregion.dev/schema/answer.json\n" +
      "    x-indicator:\n" +
      "      dimension: share",
    right:
      "  sharing-platform:\n" +
      "    $ref: https://smartregion.dev/schema/answer.json\n" +
      "    x-indicator:\n" +
      "      dimension: sharing",
  },
  "empty-dimension": {
    lang: "yaml",
    wrong:
      "  dimensions:\n" +
      "    - id: sharing\n" +
      "      title: {en: Information resource sharing}\n" +
      "    - id: cloud\n" +
      "      title: {en: Cloud services}",
    right:
      "  dimensions:\n" +
      "    - id: sharing\n" +
      "      title: {en: Information resource sharing}",
  },
  "duplicate-id": {
    lang: "yaml",
    wrong:
      "  dimensions:\n" +
      "    - id: sharing\n" +
      "      title: {en: Information resource sharing, zh-CN: 信息资源共享}\n" +
      "    - id: sharing\n" +
      "      title: {en: Business integration within fields, zh-CN: 领域内业务协同}",
    right:
      "  dimensions:\n" +
      "    - id: sharing\n" +
      "      title: {en: Information resource sharing, zh-CN: 信息资源共享}\n" +
      "    - id: field-integration\n" +
      "      title: {en: Business integration within fields, zh-CN: 领域内业务协同}",
  },
  "kind-fields": {
    lang: "yaml",
    wrong: "x-framework:\n  id: core-led\n  kind: model\n  order: 4",
    right: "x-framework:\n  id: core-led\n  kind: model",
  },
  "reserved-id": {
    lang: "yaml",
    wrong: "properties:\n  constructor:\n    $ref: https://smartregion.dev/schema/answer.json",
    right: "properties:\n  construction-permits:\n    $ref: https://smartregion.dev/schema/answer.json",
  },
  "duplicate-schema-id": {
    lang: "yaml",
    wrong: "$id: https://smartregion.dev/frameworks/integrated.json\nx-framework:\n  id: riverton-integrated",
    right: "$id: https://example.org/frameworks/riverton-integrated.json\nx-framework:\n  id: riverton-integrated",
  },
  "missing-translation": {
    lang: "yaml",
    wrong: "      title:\n        en: Data sharing and exchange platform",
    right: "      title:\n        en: Data sharing and exchange platform\n        zh-CN: 数据共享交换平台",
  },
  "vague-descriptor": {
    lang: "yaml",
    wrong: "        3:\n          en: Several departments exchange data through the platform.",
    right: "        3:\n          en: All departments exchange data through the platform.",
  },
  "framework-replaced": {
    lang: "yaml",
    wrong: "$id: https://example.org/frameworks/integrated.json\nx-framework:\n  id: integrated",
    right: "$id: https://example.org/frameworks/riverton-integrated.json\nx-framework:\n  id: riverton-integrated",
  },
  "exception-expired": {
    lang: "yaml",
    wrong: "exceptions:\n  - code: evidence-stale\n    reason: The 2023 survey is redone in spring\n    approved-by: Amira Hollis\n    expires: 2026-03-31",
    right: "exceptions:\n  - code: evidence-stale\n    reason: The 2023 survey is redone in autumn\n    approved-by: Amira Hollis\n    expires: 2026-10-31",
  },
  "exception-unused": {
    lang: "yaml",
    wrong: "exceptions:\n  - code: evidence-stale\n    indicator: integrated.data-catalogue  # its evidence was renewed in May\n    reason: The catalogue audit is redone in autumn\n    approved-by: Amira Hollis\n    expires: 2026-10-31",
    right: "exceptions: []  # nothing left to accept",
  },
  "disputed-answer": {
    lang: "yaml",
    wrong: "    data-catalogue:\n      level: 1\n      reconciled:\n        answers:\n          Ann Lee: 3\n          Bo Chen: 1\n        disputed: true",
    right: "    data-catalogue:\n      level: 2\n      notes: Agreed at the review of 14 July\n      reconciled:\n        answers:\n          Ann Lee: 3\n          Bo Chen: 1",
  },
  "replaced-term": {
    lang: "yaml",
    wrong: "      title:\n        en: Life events online\n        zh-CN: 人生事件网上办",
    right: "      title:\n        en: Life events online\n        zh-CN: 一件事网上办",
  },
};

/** The words of the workshop workbook: its cover, its column heads and its notes to the reader. */
export interface WorkbookWords {
  readonly cover: string;
  readonly field: string;
  readonly value: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly assessor: (n: number) => string;
  readonly member: (n: number) => string;
  readonly head: {
    readonly id: string;
    readonly dimension: string;
    readonly indicator: string;
    readonly question: string;
    readonly level: string;
    readonly reason: string;
    readonly notes: string;
    readonly evidence: string;
    readonly where: string;
    readonly date: string;
    readonly method: string;
    readonly descriptor: (level: number, name: string) => string;
  };
  readonly notApplicable: string;
  readonly moreEvidence: string;
  readonly howTo: string;
}

export const EN_WORKBOOK: WorkbookWords = {
  cover: "Cover",
  field: "field",
  value: "value",
  fields: {
    "subject.name": "Subject",
    "subject.kind": "Kind (city or region)",
    "subject.country": "Country",
    "subject.population": "Population",
    "subject.description": "Description",
    date: "Date of the assessment (YYYY-MM-DD)",
    "targets.stage": "Target stage (id)",
    "targets.by": "Target date (YYYY-MM-DD)",
  },
  assessor: (n) => `Assessor ${n}: name, organisation, role`,
  member: (n) => `Member ${n}: name, file, population, weight`,
  head: {
    id: "id",
    dimension: "Dimension",
    indicator: "Indicator",
    question: "Question",
    level: "Level (0–5 or n/a)",
    reason: "Why not applicable",
    notes: "Notes",
    evidence: "Evidence: title",
    where: "Evidence: link or document",
    date: "Evidence: date",
    method: "Evidence: method",
    descriptor: (level, name) => `Level ${level} (${name})`,
  },
  notApplicable: "n/a",
  moreEvidence: "+ evidence",
  howTo:
    "Choose a level for each indicator from the list (0–5, or n/a with the reason), by the descriptors to the right. Add notes and evidence beside it; a row marked “+ evidence” under an indicator holds one more piece. Leave a level empty while it is unanswered. Do not change the grey id column.",
};

export const ZH_WORKBOOK: WorkbookWords = {
  cover: "封面",
  field: "字段",
  value: "内容",
  fields: {
    "subject.name": "评估对象",
    "subject.kind": "类型（city 城市或 region 区域）",
    "subject.country": "国家",
    "subject.population": "人口",
    "subject.description": "简介",
    date: "评估日期（YYYY-MM-DD）",
    "targets.stage": "目标阶段（编号）",
    "targets.by": "目标日期（YYYY-MM-DD）",
  },
  assessor: (n) => `评估人员${n}：姓名、单位、角色`,
  member: (n) => `成员${n}：名称、文件、人口、权重`,
  head: {
    id: "编号",
    dimension: "维度",
    indicator: "指标",
    question: "问题",
    level: "等级（0～5或 n/a）",
    reason: "不适用的理由",
    notes: "备注",
    evidence: "佐证材料：标题",
    where: "佐证材料：链接或文件",
    date: "佐证材料：日期",
    method: "佐证材料：取得方式",
    descriptor: (level, name) => `${level}级（${name}）`,
  },
  notApplicable: "n/a",
  moreEvidence: "+ 佐证材料",
  howTo: "请对照右侧各级描述，从下拉列表中为每项指标选择等级（0～5；不适用选 n/a 并填写理由）。备注与佐证材料填在同一行；指标下方标有“+ 佐证材料”的行可再填一份。尚未作答的等级留空。请勿改动灰色的编号列。",
};

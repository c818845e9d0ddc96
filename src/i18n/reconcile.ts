/**
 * The words of `reconcile` and of the disputes a report shows. Values passed in are already made
 * safe by the format.
 */
export interface ReconcileWords {
  readonly title: (name: string) => string;
  readonly assessorsHead: string;
  readonly assessor: string;
  /** Between the names of the people of one file. */
  readonly nameSep: string;
  readonly file: string;
  readonly date: string;
  readonly rule: (rule: "median" | "min") => string;
  readonly agreementHead: string;
  readonly scope: string;
  readonly whole: string;
  readonly alpha: string;
  readonly units: string;
  readonly exact: string;
  readonly noAlpha: string;
  readonly alphaNote: string;
  readonly disputesHead: (n: number) => string;
  readonly noDisputes: string;
  readonly indicator: string;
  readonly merged: string;
  readonly spread: string;
  readonly why: string;
  readonly reason: { readonly spread: string; readonly applicability: string };
  readonly own: string;
  readonly notApplicable: string;
  readonly none: string;
  readonly allHead: string;
  readonly reportHead: (n: number) => string;
  readonly reportIntro: string;
}

export const EN_RECONCILE: ReconcileWords = {
  title: (name) => `Reconciled assessments: ${name}`,
  assessorsHead: "Assessors",
  assessor: "assessor",
  nameSep: " & ",
  file: "file",
  date: "date",
  rule: (rule) => (rule === "median" ? "Merged level: the median of the levels given (the lower of the two middle ones on an even count)." : "Merged level: the lowest level given."),
  agreementHead: "Agreement",
  scope: "over",
  whole: "the whole assessment",
  alpha: "alpha",
  units: "levels compared",
  exact: "same level",
  noAlpha: "—",
  alphaNote: "Krippendorff's alpha for ordinal data: 1 is full agreement, 0 what chance gives; 0.8 or more is usually taken as reliable, under 0.667 as not. It is shown as — where fewer than two assessors gave levels, or every level is the same.",
  disputesHead: (n) => (n === 1 ? "1 indicator in dispute" : `${n} indicators in dispute`),
  noDisputes: "No indicator in dispute: no two levels are two or more apart, and no one says not applicable where another gives a level.",
  indicator: "indicator",
  merged: "merged",
  spread: "spread",
  why: "why",
  reason: { spread: "2+ levels apart", applicability: "n/a against a level" },
  own: "own answers",
  notApplicable: "n/a",
  none: "–",
  allHead: "Every answered indicator",
  reportHead: (n) => (n === 1 ? "1 answer in dispute among the assessors" : `${n} answers in dispute among the assessors`),
  reportIntro: "This assessment reconciles several assessors' answers. Where they dispute a level, each one's answer is below, with the level the assessment takes; settle these before the plan is relied on.",
};

export const ZH_RECONCILE: ReconcileWords = {
  title: (name) => `评估合并：${name}`,
  assessorsHead: "评估人员",
  assessor: "评估人员",
  nameSep: "、",
  file: "文件",
  date: "日期",
  rule: (rule) => (rule === "median" ? "合并等级：取各评估人员等级的中位数（偶数个时取中间两个中较低者）。" : "合并等级：取各评估人员给出的最低等级。"),
  agreementHead: "一致性",
  scope: "范围",
  whole: "整份评估",
  alpha: "α系数",
  units: "可比指标数",
  exact: "等级相同",
  noAlpha: "—",
  alphaNote: "Krippendorff α系数（序数数据）：1为完全一致，0相当于随机水平；一般认为0.8及以上可信，低于0.667不可信。少于两位评估人员给出等级或所有等级相同时记为“—”。",
  disputesHead: (n) => `${n}项指标存在分歧`,
  noDisputes: "各指标均无分歧：没有相差两级及以上的等级，也没有一方认定不适用而另一方给出等级的情况。",
  indicator: "指标",
  merged: "合并结果",
  spread: "极差",
  why: "分歧原因",
  reason: { spread: "相差两级及以上", applicability: "适用与否不一" },
  own: "区域层面作答",
  notApplicable: "不适用",
  none: "—",
  allHead: "全部已作答指标",
  reportHead: (n) => `评估人员之间有${n}项作答存在分歧`,
  reportIntro: "本评估由多位评估人员的作答合并而成。以下列出存在分歧的指标、每位评估人员的作答及本评估采用的等级；在依据本评估制定计划之前，应先协商解决这些分歧。",
};

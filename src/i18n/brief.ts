import { chineseDate } from "./dates.js";
/**
 * The words of a report written for people to read as a document: its summary, who assessed
 * it, the evidence register, the method and glossary, and the appendix. Values passed in are
 * already made safe by the format.
 */
export interface BriefWords {
  readonly summary: string;
  /** Between two sentences: a space in English, nothing after a Chinese full stop. */
  readonly sentenceSep: string;
  readonly cityStands: (name: string, stage: string) => string;
  readonly nextHeldBack: (next: string, blockers: string) => string;
  readonly everyStage: string;
  readonly regionStands: (name: string, stage: string) => string;
  readonly fits: (model: string, fit: string) => string;
  readonly ties: (models: string) => string;
  readonly noneFits: string;
  readonly tooLittle: (answered: string, needed: string) => string;
  readonly aims: (target: string, by: string | undefined) => string;
  readonly targetReached: (target: string) => string;
  readonly distance: (stages: number) => string;
  readonly timeLeft: (years: number, months: number) => string;
  readonly overdue: string;
  readonly planSize: (levels: number, indicators: number) => string;
  readonly membersBehind: (behind: number, members: number, stage: string) => string;
  readonly mattersMost: string;
  readonly raise: (indicator: string, from: number, to: number) => string;
  readonly raiseIn: (member: string, indicator: string, from: number, to: number) => string;
  readonly answer: (indicator: string, target: number) => string;
  readonly aboutTitle: string;
  readonly country: string;
  readonly population: string;
  readonly assessedOn: string;
  /** A day in running text and in a fact's value (tables keep YYYY-MM-DD). */
  readonly day: (iso: string) => string;
  readonly assessors: string;
  readonly frameworks: string;
  readonly sourceFile: string;
  readonly noAssessors: string;
  readonly assessor: (name: string, role: string | undefined, organisation: string | undefined) => string;
  /** Between assessors, each with role and organisation. */
  readonly assessorSep: string;
  readonly assessedBy: (date: string, assessors: string) => string;
  readonly whoAssessed: string;
  readonly withEvidence: string;
  readonly registerTitle: string;
  readonly registerIntro: string;
  readonly ownAnswers: (name: string) => string;
  readonly regionLevel: (name: string) => string;
  readonly partSummary: (answered: number, evidenced: number) => string;
  readonly checksSummary: (missing: number, stale: number, selfReported: number) => string;
  readonly noChecks: string;
  readonly nothingListed: string;
  readonly evidenceHead: string;
  readonly notesHead: string;
  readonly checkHead: string;
  readonly notApplicable: (reason: string) => string;
  readonly method: { readonly measured: string; readonly estimated: string; readonly "self-reported": string };
  readonly check: {
    readonly "evidence-missing": (level: string, from: string) => string;
    readonly "evidence-stale": (date: string, months: string) => string;
    readonly "evidence-self-reported": string;
  };
  readonly document: (name: string) => string;
  readonly methodTitle: string;
  /** The method, paragraph by paragraph; the second is on reaching a stage. */
  readonly methodText: readonly string[];
  /** Said after the paragraph on reaching a stage where a radar chart is drawn (HTML). */
  readonly radarNote: string;
  readonly methodRegion: readonly string[];
  readonly glossaryTitle: string;
  readonly glossary: readonly (readonly [string, string])[];
  readonly glossaryRegion: readonly (readonly [string, string])[];
  readonly appendixTitle: string;
  readonly appendixIntro: string;
  readonly problemsIntro: string;
  readonly file: string;
  readonly line: string;
  readonly problem: string;
}

const ago = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const EN_BRIEF: BriefWords = {
  summary: "Summary",
  sentenceSep: " ",
  cityStands: (name, stage) => `${name} stands at ${stage}.`,
  nextHeldBack: (next, blockers) => ` The next stage, ${next}, is held back by ${blockers}.`,
  everyStage: " It has reached every stage.",
  regionStands: (name, stage) => `${name} stands at ${stage}, the stage its weakest member has reached.`,
  fits: (model, fit) => ` Its members work together most like a ${model} (fit ${fit} on the 0–5 scale).`,
  ties: (models) => ` Its answers fit ${models} equally well, so no single formation model can be named.`,
  noneFits: " No formation model fits yet: each is below its floor on the indicators that carry it.",
  tooLittle: (answered, needed) => ` Too little is answered to say which formation model fits (${answered} of the indicators that carry a model, ${needed} needed).`,
  aims: (target, by) => `It aims to reach ${target}${by === undefined ? "" : ` by ${by}`}`,
  targetReached: (target) => `It has reached its target, ${target}.`,
  distance: (stages) => `, ${ago(stages, "stage", "stages")} on from where it stands`,
  timeLeft: (years, months) => `, which leaves ${[years > 0 ? ago(years, "year", "years") : "", months > 0 || years === 0 ? ago(months, "month", "months") : ""].filter((x) => x !== "").join(" and ")} from the assessment`,
  overdue: "; that date was not after the assessment, so the target is overdue",
  planSize: (levels, indicators) => ` The plan below gets there in ${ago(levels, "level step", "level steps")} on ${ago(indicators, "indicator", "indicators")}.`,
  membersBehind: (behind, members, stage) => ` ${behind} of its ${members} members must still reach ${stage}.`,
  mattersMost: "What matters most",
  raise: (indicator, from, to) => `Raise ${indicator} from level ${from} to ${to}`,
  raiseIn: (member, indicator, from, to) => `${member}: raise ${indicator} from level ${from} to ${to}`,
  answer: (indicator, target) => `Answer ${indicator}, then bring it to level ${target}`,
  aboutTitle: "About this assessment",
  country: "Country",
  population: "Population",
  assessedOn: "Assessed",
  day: (iso) => iso,
  assessors: "Assessors",
  frameworks: "Frameworks",
  sourceFile: "Source file",
  noAssessors: "not named",
  assessor: (name, role, organisation) => `${name}${role === undefined ? "" : `, ${role}`}${organisation === undefined ? "" : ` (${organisation})`}`,
  assessorSep: "; ",
  assessedBy: (date, assessors) => `Assessed ${date}${assessors === "" ? "" : ` by ${assessors}`}`,
  whoAssessed: "Who assessed what, and when",
  withEvidence: "with evidence",
  registerTitle: "Evidence register",
  registerIntro:
    "Every answer that carries evidence, notes or a reason it is not applicable, by member and indicator. Web links open the source; other references are shown as written.",
  ownAnswers: (name) => `${name}: answers for the region as a whole`,
  regionLevel: (name) => `${name} (region level)`,
  partSummary: (answered, evidenced) => `${ago(answered, "indicator", "indicators")} answered with a level, ${evidenced} with evidence.`,
  checksSummary: (missing, stale, selfReported) =>
    ` Levels to check: ${[missing > 0 ? `${missing} without evidence` : "", stale > 0 ? `${stale} with only old evidence` : "", selfReported > 0 ? `${selfReported} backed only by self-reported evidence` : ""].filter((x) => x !== "").join(", ")}; each is listed in the appendix.`,
  noChecks: " Every level that needs evidence has it.",
  nothingListed: "No answer carries evidence or notes.",
  evidenceHead: "evidence",
  notesHead: "notes",
  checkHead: "to check",
  notApplicable: (reason) => `Not applicable: ${reason}`,
  method: { measured: "measured", estimated: "estimated", "self-reported": "self-reported" },
  check: {
    "evidence-missing": (level, from) => `Level ${level} has no evidence (expected from level ${from})`,
    "evidence-stale": (date, months) => `Newest evidence is from ${date}, more than ${months} months before the assessment`,
    "evidence-self-reported": "Backed only by self-reported evidence",
  },
  document: (name) => `document: ${name}`,
  methodTitle: "How to read this report",
  methodText: [
    "Each indicator is answered with a level from 0 to 5. A dimension's score is the weighted mean of its answered indicators, and a stage's score the weighted mean of its dimensions. An unanswered indicator is left out of the mean and shown as unanswered, never as 0.",
    "A stage is reached when every one of its dimensions scores at least the stage's bar, enough of its indicators are answered, and the stage before it is reached.",
    "The plan lists the level increases of least effort that reach the next stage; a roadmap does so for every stage up to the target, with dates shared out by effort. A gap is the distance from an indicator's level to its target, and its priority is its weight times the gap.",
  ],
  radarNote: " On the radar charts the bar is the dashed ring.",
  methodRegion: [
    "A region's stage is the lowest stage all its members have reached. Readiness is a formation model's score over all its indicators; fit is its score over the indicators that set that model apart. A model is named the best fit only when enough is answered, it clears its floor and it leads the next model by more than the tie margin.",
  ],
  glossaryTitle: "Glossary",
  glossary: [
    ["Informatization", "The starting point before the first stage: systems are digital but not yet joined up."],
    ["Bar", "The score every dimension of a stage must reach for the stage to count as reached."],
    ["Answered", "The share of applicable indicators that have a level."],
    ["Evidence", "A document, link or figure behind a level, with how it was obtained: measured, estimated or self-reported."],
  ],
  glossaryRegion: [
    ["Formation model", "One of the ways cities form a smart region: led by a core city, as a contiguous federation of neighbours, or as a networked alliance of distant cities."],
    ["Fit", "How closely the region's answers match a formation model, on the 0–5 scale."],
    ["Readiness", "How far the region is along a formation model as a whole, on the 0–5 scale."],
    ["Weighted mean", "The members' scores averaged with their weights (population, when given)."],
  ],
  appendixTitle: "Appendix: levels to check",
  appendixIntro: "Each level whose evidence is missing, old or only self-reported, by member and indicator.",
  problemsIntro: "These files could not be scored:",
  file: "file",
  line: "line",
  problem: "problem",
};

const count = (n: number, unit: string) => `${n}${unit}`;

export const ZH_BRIEF: BriefWords = {
  summary: "摘要",
  sentenceSep: "",
  cityStands: (name, stage) => `${name}目前处于${stage}阶段。`,
  nextHeldBack: (next, blockers) => `迈向下一阶段（${next}）的制约在于：${blockers}。`,
  everyStage: "各阶段均已达到。",
  regionStands: (name, stage) => `${name}目前处于${stage}阶段，以发展水平最低的成员计（短板原则）。`,
  fits: (model, fit) => `成员之间的协作方式最接近“${model}”（匹配度${fit}，满分5）。`,
  ties: (models) => `${models}的匹配度不相上下，暂无法确定最适合的形成模式。`,
  noneFits: "目前尚无适合的形成模式：各模式的关键指标均未达到其最低分。",
  tooLittle: (answered, needed) => `作答不足，尚无法判断最适合的形成模式（关键指标的作答比例为${answered}，至少需要${needed}）。`,
  aims: (target, by) => `目标是${by === undefined ? "" : `在${chineseDate(by)}前`}达到${target}阶段`,
  targetReached: (target) => `已达到目标阶段：${target}。`,
  distance: (stages) => `，比现状高${count(stages, "个阶段")}`,
  timeLeft: (years, months) => `，距目标期限还有${years > 0 ? `${years}年` : ""}${months > 0 || years === 0 ? `${months}个月` : ""}`,
  overdue: "；该日期不晚于评估日期，目标已逾期",
  planSize: (levels, indicators) => `按下文计划，需在${indicators}项指标上共提升${levels}级。`,
  membersBehind: (behind, members, stage) => (behind === members ? `${members}个成员均尚未达到${stage}阶段。` : `${members}个成员中仍有${behind}个尚未达到${stage}阶段。`),
  mattersMost: "优先事项",
  raise: (indicator, from, to) => `将“${indicator}”从${from}级提升到${to}级`,
  raiseIn: (member, indicator, from, to) => `${member}：将“${indicator}”从${from}级提升到${to}级`,
  answer: (indicator, target) => `补充作答“${indicator}”，并提升到${target}级`,
  aboutTitle: "评估概况",
  country: "国家",
  population: "人口",
  assessedOn: "评估日期",
  day: chineseDate,
  assessors: "评估人员",
  frameworks: "评估框架",
  sourceFile: "源文件",
  noAssessors: "未注明",
  // The organisation first, as a Chinese writer introduces a person: 姓名（单位，职务）.
  assessor: (name, role, organisation) => {
    const about = [organisation, role].filter((x) => x !== undefined);
    return about.length === 0 ? name : `${name}（${about.join("，")}）`;
  },
  assessorSep: "、",
  assessedBy: (date, assessors) => `评估日期：${chineseDate(date)}${assessors === "" ? "" : `；评估人员：${assessors}`}`,
  whoAssessed: "评估分工与时间",
  withEvidence: "有佐证",
  registerTitle: "佐证材料清单",
  registerIntro: "按成员与指标列出附有佐证材料、备注或不适用说明的全部作答。网址可直接打开来源，其他引用按原文列出。",
  ownAnswers: (name) => `${name}：区域整体层面的作答`,
  regionLevel: (name) => `${name}（区域层面）`,
  partSummary: (answered, evidenced) => `共有${answered}项指标给出了等级，其中${evidenced}项附有佐证材料。`,
  checksSummary: (missing, stale, selfReported) =>
    `需核实的等级：${[missing > 0 ? `${missing}项无佐证` : "", stale > 0 ? `${stale}项佐证过旧` : "", selfReported > 0 ? `${selfReported}项仅有自报材料` : ""].filter((x) => x !== "").join("，")}，明细见附录。`,
  noChecks: "凡需佐证的等级均已附佐证材料。",
  nothingListed: "没有附佐证材料或备注的作答。",
  evidenceHead: "佐证材料",
  notesHead: "备注",
  checkHead: "待核实",
  notApplicable: (reason) => `不适用：${reason}`,
  method: { measured: "实测", estimated: "估算", "self-reported": "自报" },
  check: {
    "evidence-missing": (level, from) => `${level}级无佐证材料（${from}级及以上须附佐证）`,
    "evidence-stale": (date, months) => `最新佐证材料日期为${chineseDate(date)}，早于评估日期${months}个月以上`,
    "evidence-self-reported": "仅有自报材料",
  },
  document: (name) => `文件：${name}`,
  methodTitle: "阅读说明",
  methodText: [
    "每项指标按0～5级作答。维度得分为该维度已作答指标的加权平均，阶段得分为各维度得分的加权平均。未作答的指标不计入平均，并标为“未作答”，不按0分计。",
    "一个阶段的每个维度得分均达到达标线、作答比例足够，且上一阶段已经达到时，即视为达到该阶段。",
    "计划列出以最小投入达到下一阶段所需提升的等级；路线图则对目标之前的每个阶段逐一给出计划，并按投入分配时间节点。差距为指标现状等级与目标等级之差，优先级为权重乘以差距。",
  ],
  radarNote: "雷达图中的虚线环即为达标线。",
  methodRegion: [
    "区域所处阶段为全体成员均已达到的最低阶段。就绪度是某一形成模式全部指标的得分；匹配度是区分该模式的关键指标的得分。只有关键指标作答足够、匹配度不低于最低分，且领先其他模式超过规定幅度时，才认定为最适合的模式。",
  ],
  glossaryTitle: "术语",
  glossary: [
    ["信息化", "第一阶段之前的起点，即各系统已经数字化，但尚未互联互通。"],
    ["达标线", "达到一个阶段时，该阶段每个维度须达到的最低得分。"],
    ["作答比例", "适用指标中已给出等级的比例。"],
    ["佐证材料", "支撑某一等级的文件、链接或数据，并注明取得方式：实测、估算或自报。"],
  ],
  glossaryRegion: [
    ["形成模式", "若干城市形成智慧区域的方式：核心引领型、连片联合型或网络联盟型。"],
    ["匹配度", "区域在某一形成模式关键指标上的得分，即区域与该模式的吻合程度（0～5）。"],
    ["就绪度", "区域在某一形成模式全部指标上的得分，即整体进展（0～5）。"],
    ["加权平均", "按成员权重（给出人口时按人口）计算的平均得分。"],
  ],
  appendixTitle: "附录：需核实的等级",
  appendixIntro: "按成员与指标列出佐证材料缺失、过旧或仅有自报材料的等级。",
  problemsIntro: "以下文件未能评分：",
  file: "文件",
  line: "行",
  problem: "问题",
};

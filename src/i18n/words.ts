import { EN_BRIEF, ZH_BRIEF } from "./brief.js";
import { chineseDate } from "./dates.js";
import { EN_RECONCILE, ZH_RECONCILE } from "./reconcile.js";
import type { ReconcileWords } from "./reconcile.js";
import { EN_WORKBOOK, ZH_WORKBOOK } from "./workbook.js";
import type { WorkbookWords } from "./workbook.js";
import type { BriefWords } from "./brief.js";
import type { Locale } from "./locale.js";

/** Why the secret the cache is signed with cannot be trusted. */
export type SecretProblem = "link" | "not-a-file" | "not-a-folder" | "not-owned" | "open-to-others" | "damaged" | "unavailable";

/**
 * Every word the reports, tables and summaries print, in each language.
 *
 * The Chinese follows one rule for spaces, the rule the framework texts follow too: no space
 * between Chinese and a number, a date, a unit or an ordinary Latin word ("3个问题", "版本1.0.0",
 * "共3个问题", "YAML文件", "评估日期：2026-06-30"). One space stays on each side of what a user
 * types or copies as it is, where it stands between Chinese: a file path, a command, an option
 * and its value, a key or a code ("已写入 a.yaml：", "达标检查 --min-stage merged 未通过", "由
 * smartregion 生成"). Nothing stands beside full-width punctuation. Punctuation in Chinese is
 * full-width (，；：（）？！); a list of titles, which may hold 、 themselves, is joined with "；"
 * (`listSep`), people's names with "、" (`nameSep`), short facts in brackets with "，"
 * (`factSep`). Levels read "2级", a change of level "从2级提升到3级". Texts that come from the
 * frameworks (titles, questions, descriptors, advice) are not here: the frameworks carry their
 * own. Values passed in are already made safe by the format.
 */
export interface Words {
  readonly locale: Locale;
  // Punctuation and joins, which differ between the languages.
  readonly colon: string;
  /** Between the items of a list of titles, which may hold 、 themselves. */
  readonly listSep: string;
  /** Between people's names: "Amira Hollis、Tomas Brandt". */
  readonly nameSep: string;
  /** Between short facts in one bracket: "(integrated, stage 1, version 1.0.0)". */
  readonly factSep: string;
  readonly clauseSep: string;
  readonly period: string;
  /** After a label that ends in a colon: a space in English, nothing after a full-width colon. */
  readonly afterLabel: string;
  readonly paren: (text: string) => string;
  readonly quote: (text: string) => string;
  /** A table heading as a Markdown or HTML table starts it. */
  readonly heading: (text: string) => string;
  /** A level of the scale with its name: "3 defined", "3级（稳健级）". */
  readonly levelName: (level: number, name: string) => string;

  readonly kind: { readonly city: string; readonly region: string };
  readonly severity: { readonly error: string; readonly warning: string };
  readonly none: string;
  readonly informatization: string;
  readonly assessed: (date: string) => string;
  readonly target: string;
  readonly targetValue: (stage: string, date: string | undefined) => string;
  readonly stageReached: string;
  readonly nextStage: string;
  readonly heldBackBy: (blockers: string) => string;
  readonly reached: string;
  readonly notReached: string;
  readonly noAnswers: string;
  readonly bestFit: string;
  readonly verdict: {
    readonly none: string;
    readonly noneDetail: string;
    readonly tooLittle: string;
    readonly tooLittleDetail: (answered: string, needed: string) => string;
    readonly tie: (models: string) => string;
    readonly tieDetail: (margin: string) => string;
    readonly tooLittleShort: string;
    readonly belowFloor: (floor: string) => string;
    readonly coreNotLeading: string;
    readonly fits: string;
    readonly fitsLessWell: string;
    readonly ties: string;
    readonly core: string;
    readonly coreNamed: string;
    readonly coreMostAdvanced: string;
    readonly coreLeads: string;
    readonly coreTrails: (member: string, stage: string) => string;
  };
  readonly fitLine: (fit: string, runnerUp: string | undefined, runnerUpFit: string | undefined, readiness: string) => string;
  readonly deciding: string;
  /** A framework and the version of it an assessment answers. */
  readonly withVersion: (framework: string, version: string) => string;
  /** An indicator and the level it has (none: unanswered). */
  readonly atLevel: (indicator: string, level: number | null | undefined) => string;
  readonly lacks: (model: string) => string;
  readonly regionStage: string;
  readonly equalWeight: string;
  /** A member weighted by its population, in a column of weights. */
  readonly populationWeight: (population: string) => string;
  readonly notScored: (problem: string) => string;
  readonly blocker: {
    readonly coverage: (dimension: string, share: string, minimum: string) => string;
    readonly belowBar: (dimension: string, score: string, bar: string) => string;
    readonly nothingAnswered: string;
    readonly notAnswered: (dimension: string) => string;
    readonly stageNotReached: (stage: string) => string;
  };
  readonly head: {
    readonly stageDimension: string;
    readonly modelDimension: string;
    readonly score: string;
    readonly answered: string;
    readonly status: string;
    readonly model: string;
    readonly fit: string;
    readonly readiness: string;
    readonly min: string;
    readonly weightedMean: string;
    readonly max: string;
    readonly spread: string;
    readonly reachedBy: string;
    /** The column of a score as a share of the scale's top (5). */
    readonly percent: string;
    readonly member: string;
    readonly weight: string;
    /** The members' column when each member's weight is its population. */
    readonly population: string;
    readonly stageReached: string;
    readonly framework: string;
    readonly indicator: string;
    readonly dimension: string;
    readonly level: string;
    readonly target: string;
    readonly gap: string;
    readonly priority: string;
    readonly from: string;
    readonly to: string;
    readonly newLevel: string;
    readonly newLevelAndHow: string;
    readonly advice: string;
    readonly before: string;
    readonly after: string;
    readonly change: string;
  };
  readonly gates: {
    readonly title: string;
    readonly gate: string;
    readonly onFile: (gate: string, file: string) => string;
    readonly noScore: string;
    readonly passed: string;
    /** "FAILED, short by …" */
    readonly failedBy: (amount: string) => string;
    readonly stages: (n: number) => string;
    readonly points: (n: string) => string;
    /** A gate's line: the gate on its file, what the file has, and whether it passed. */
    readonly line: <T>(gate: string, actual: string, verdict: T) => (string | T)[];
  };
  readonly plan: {
    readonly toReach: (stage: string) => string;
    readonly steps: (levels: number, indicators: number) => string;
    readonly levelLabel: (level: number) => string;
    /** A step of a plan in one line: the indicator, what it belongs to, the change of level. */
    readonly step: <T>(title: T, aside: T, from: number, to: number) => (string | T)[];
    readonly adviceLabel: string;
    readonly answerMore: (needed: number, dimension: string, indicators: string) => string;
    readonly outOfReach: string;
    readonly nothingToRaise: string;
    readonly everyStageReached: string;
    readonly holdingBack: (stage: string) => string;
    readonly roadmap: (target: string, by: string | undefined) => string;
    readonly milestone: (n: number, stage: string, by: string | undefined) => string;
    readonly overdue: (by: string) => string;
    readonly targetReached: string;
    readonly memberToReach: (member: string, current: string, next: string) => string;
  };
  readonly gaps: {
    readonly unanswered: string;
    readonly cityTitle: string;
    readonly regionTitle: string;
    readonly ownTargets: string;
    readonly evidence: string;
    readonly problems: string;
    readonly chartTitle: (title: string) => string;
    readonly chartCaption: (n: number) => string;
  };
  /** A report read as a document: summary, register, method and appendix. */
  readonly brief: BriefWords;
  readonly reconcile: ReconcileWords;
  readonly excepted: {
    /** In place of the severity. */
    readonly mark: string;
    readonly why: (reason: string, approvedBy: string, expires: string) => string;
    readonly count: (n: number, shown: boolean) => string;
    readonly gate: (reason: string, expires: string) => string;
  };
  /** The workshop workbook of `export` and `import`. */
  readonly workbook: WorkbookWords;
  readonly documents: {
    readonly scores: string;
    readonly gapReport: string;
    readonly gapReportOf: (name: string) => string;
    readonly scale: (levels: string) => string;
    readonly madeWith: string;
    readonly members: string;
    /** How many members a region has. */
    readonly memberCount: (n: number) => string;
    readonly seriesScore: string;
    readonly seriesMean: string;
    readonly seriesWeakest: string;
    readonly radarCity: string;
    readonly radarCityCaption: string;
    readonly radarRegion: string;
    readonly radarRegionCaption: string;
    readonly memberChart: string;
    readonly memberChartCaption: string;
    readonly languages: string;
  };
  readonly diff: {
    readonly older: string;
    readonly title: (name: string) => string;
    readonly radar: string;
    readonly radarCaption: string;
    readonly newer: string;
    readonly backwards: string;
    readonly membersMean: string;
    readonly member: string;
    readonly joined: string;
    readonly left: string;
    readonly unscorable: string;
    readonly noRegressions: string;
    readonly regressions: (n: number) => string;
    readonly noIndicatorMoved: string;
    readonly added: string;
    readonly withdrawn: string;
    readonly evidenceFor: (indicator: string) => string;
    readonly new: string;
    readonly noLongerScored: string;
    readonly notApplicable: string;
    readonly up: string;
    readonly down: string;
    readonly answered: string;
    readonly answerWithdrawn: string;
    readonly newAnswers: string;
    readonly nowNotApplicable: string;
    readonly applicableAgain: string;
    readonly unchanged: string;
    readonly stage: string;
    readonly regionStage: string;
    readonly level: string;
    /** Something that went down: "stage Open → Integrated", "阶段从开放创新降至集成创新". */
    readonly fell: (what: string, before: string, after: string) => string;
    /** An indicator's level, as the subject of `fell`. */
    readonly levelOf: (indicator: string) => string;
    /** The level an answer had before it was withdrawn. */
    readonly was: (level: string) => string;
    /** A verb and the quoted titles it acts on: "withdrawn "A"", "撤回“A”". */
    readonly act: (verb: string, quoted: string) => string;
  };
  readonly validate: {
    readonly valid: (files: number) => string;
    readonly problems: (problems: number, errors: number, warnings: number, invalid: number, files: number) => string;
    readonly errorCount: (n: number) => string;
  };
  readonly frameworks: {
    readonly listHead: readonly string[];
    readonly stage: (order: string) => string;
    readonly model: string;
    readonly version: (v: string) => string;
    readonly case: string;
    readonly ready: (bar: string) => string;
    readonly reachedWhen: (bar: string, coverage: string | undefined, afterPrevious: boolean) => string;
    readonly weight: (w: string) => string;
    readonly seeAlso: string;
  };
  /** The comments of a template written by `init`. */
  readonly template: {
    /** The subject's name until the user writes it. */
    readonly placeholder: { readonly city: string; readonly region: string };
    /** `command`: how the tool is run where the template was made (`npx smartregion`, `smartregion`). */
    /** The template's first line: `kind` is the subject's, `file` the name the template was written as (FILE when unknown). */
    readonly intro: (subject: string, kind: "city" | "region", command: string, file: string) => string;
    /** A value a field may take, as the comment beside an example lists it: glossed where the language needs it. */
    readonly choice: (value: string, gloss: string) => string;
    /** What separates those values. */
    readonly choiceSep: string;
    readonly howTo: string;
    readonly exampleTitle: string;
    readonly exampleDocument: string;
    readonly exampleNotes: string;
    readonly exampleNotApplicable: string;
    readonly model: string;
    readonly models: string;
    readonly members: string;
    readonly describedUnder: (member: string) => string;
  };
  readonly cli: {
    readonly configUnusable: string;
    readonly frameworkBroken: string;
    readonly internalError: string;
    readonly runWithDebug: string;
    readonly tooManyWarnings: (warnings: number, max: number) => string;
    readonly tooManyDisputed: (disputed: number, max: number) => string;
    readonly cacheUnsaved: (location: string, reason: string) => string;
    /** The cache's secret cannot be trusted, so the run goes on without the cache. */
    readonly cacheUntrusted: (location: string, problem: SecretProblem, detail: string) => string;
    readonly wroteTemplate: (file: string, indicators: number, command: string) => string;
    readonly relinked: (files: number) => string;
    readonly exported: (file: string, indicators: number, sheets: number, command: string) => string;
    readonly imported: (file: string, answered: number) => string;
    readonly reconciledInto: (file: string, disputed: number) => string;
    readonly schemaNotShared: (path: string) => string;
    readonly editorSettings: (file: string, globs: string) => string;
    readonly progress: (verb: "checked" | "scored" | "reported on", count: number, total: number, percent: number) => string;
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const EN: Words = {
  locale: "en",
  colon: ": ",
  listSep: ", ",
  nameSep: ", ",
  factSep: ", ",
  clauseSep: "; ",
  period: ".",
  afterLabel: " ",
  paren: (text) => ` (${text})`,
  quote: (text) => `“${text}”`,
  heading: (text) => text.charAt(0).toUpperCase() + text.slice(1),
  levelName: (level, name) => `${level} ${name}`,

  kind: { city: "city", region: "region" },
  severity: { error: "error", warning: "warning" },
  none: "none",
  informatization: "Informatization",
  assessed: (date) => `Assessed ${date}`,
  target: "Target",
  targetValue: (stage, date) => `${stage}${date !== undefined ? ` by ${date}` : ""}`,
  stageReached: "Stage reached",
  nextStage: "Next stage",
  heldBackBy: (blockers) => `, held back by ${blockers}`,
  reached: "reached",
  notReached: "not reached",
  noAnswers: "no answers",
  bestFit: "Best-fit model",
  verdict: {
    none: "no model fits yet",
    noneDetail: "; none reaches its floor on the indicators that carry it",
    tooLittle: "too little answered to tell",
    tooLittleDetail: (answered, needed) => `; ${answered} of the indicators that carry a model are answered, ${needed} are needed`,
    tie: (models) => `a tie between ${models}`,
    tieDetail: (margin) => `; their fits are within ${margin} of each other`,
    tooLittleShort: "too little answered",
    belowFloor: (floor) => `below its floor of ${floor}`,
    coreNotLeading: "the core does not lead",
    fits: "fits",
    fitsLessWell: "fits less well",
    ties: "ties",
    core: "Core city",
    coreNamed: "named by the region",
    coreMostAdvanced: "the most advanced member",
    coreLeads: "leads the other members on every stage",
    coreTrails: (member, stage) => `does not lead: ${member} scores higher on ${stage}`,
  },
  fitLine: (fit, runnerUp, runnerUpFit, readiness) =>
    `, fit ${fit}${runnerUp !== undefined ? ` against ${runnerUpFit ?? ""} for ${runnerUp}` : ""}; readiness ${readiness}`,
  deciding: "Key indicators",
  atLevel: (indicator, level) => `${indicator} (${level === null || level === undefined ? "unanswered" : `level ${level}`})`,
  withVersion: (framework, version) => `${framework} ${version}`,
  lacks: (model) => `Where ${model} falls short`,
  regionStage: "Region stage (weakest member)",
  equalWeight: "1 (equal)",
  populationWeight: (population) => `${population} (population)`,
  notScored: (problem) => `not scored (${problem})`,
  blocker: {
    coverage: (dimension, share, minimum) => `${dimension} only ${share} answered (needs ${minimum})`,
    belowBar: (dimension, score, bar) => `${dimension} ${score} < ${bar}`,
    nothingAnswered: "nothing answered",
    notAnswered: (dimension) => `${dimension} not answered`,
    stageNotReached: (stage) => `${stage} not reached`,
  },
  head: {
    stageDimension: "stage / dimension",
    modelDimension: "formation model / dimension",
    score: "score",
    answered: "answered",
    status: "status",
    model: "formation model",
    fit: "fit",
    readiness: "readiness",
    min: "min",
    weightedMean: "weighted mean",
    max: "max",
    spread: "spread",
    reachedBy: "reached by",
    percent: "%",
    member: "member",
    weight: "weight",
    population: "population",
    stageReached: "stage reached",
    framework: "framework",
    indicator: "indicator",
    dimension: "dimension",
    level: "level",
    target: "target",
    gap: "gap",
    priority: "priority",
    from: "from",
    to: "to",
    newLevel: "what the new level looks like",
    newLevelAndHow: "what the new level looks like, and how to get there",
    advice: "advice",
    before: "before",
    after: "after",
    change: "change",
  },
  gates: {
    title: "Gates",
    gate: "gate",
    onFile: (gate, file) => `${gate} on ${file}`,
    noScore: "no score",
    passed: "passed",
    failedBy: (amount) => `FAILED, short by ${amount}`,
    stages: (n) => plural(n, "stage"),
    points: (n) => `${n} points`,
    line: (gate, actual, verdict) => [gate, ": ", actual, " ", verdict],
  },
  plan: {
    toReach: (stage) => `Plan to reach ${stage}`,
    steps: (levels, indicators) => `${plural(levels, "level step")} on ${plural(indicators, "indicator")}`,
    levelLabel: (level) => `Level ${level}:`,
    step: (title, aside, from, to) => [title, ` ${from} → ${to}  `, aside],
    adviceLabel: "Advice:",
    answerMore: (needed, dimension, indicators) => `Answer at least ${needed} more in ${dimension}: ${indicators}`,
    outOfReach: "Out of reach even at level 5",
    nothingToRaise: "Nothing to raise: answer the open questions and the stage is in reach.",
    everyStageReached: "Every stage is reached.",
    holdingBack: (stage) => `Members holding the region back from ${stage}`,
    roadmap: (target, by) => `Roadmap to ${target}${by === undefined ? "" : ` by ${by}`}`,
    milestone: (n, stage, by) => `${n}. ${stage}${by === undefined ? "" : `, by ${by}`}`,
    overdue: (by) => `The target date, ${by}, is not after the assessment's date: every stage below is due now.`,
    targetReached: "The target stage is reached.",
    memberToReach: (member, current, next) => `${member} (${current}), to reach ${next}`,
  },
  gaps: {
    unanswered: "unanswered",
    cityTitle: "Gaps, most urgent first",
    regionTitle: "Region-level gaps to the best-fit model",
    ownTargets: "Targets marked * are the assessment's own.",
    evidence: "Evidence",
    problems: "Problems",
    chartTitle: (title) => `${title}: level and target`,
    chartCaption: (n) => `The ${n} most urgent gaps: the bar is the level, the red line the target.`,
  },
  brief: EN_BRIEF,
  reconcile: EN_RECONCILE,
  excepted: {
    mark: "excepted",
    why: (reason, approvedBy, expires) => `(${reason}; approved by ${approvedBy}, until ${expires})`,
    count: (n, shown) => `${n === 1 ? "1 finding" : `${n} findings`} excepted${shown ? "" : " (--show-excepted lists them)"}`,
    gate: (reason, expires) => `excepted until ${expires}: ${reason}`,
  },
  workbook: EN_WORKBOOK,
  documents: {
    scores: "Smart-city assessment scores",
    gapReport: "Gap report",
    gapReportOf: (name) => `Gap report: ${name}`,
    scale: (levels) => `Scores on the 0–5 scale: ${levels}.`,
    madeWith: "Made with smartregion.",
    members: "Members",
    memberCount: (n) => String(n),
    seriesScore: "score",
    seriesMean: "weighted mean",
    seriesWeakest: "weakest member",
    radarCity: "Dimension scores of every stage",
    radarCityCaption: "Every dimension of the stages on the 0–5 scale; the dashed ring is the bar a dimension must reach.",
    radarRegion: "Region roll-up of every stage dimension",
    radarRegionCaption: "The weighted mean of the members (blue) and the weakest member (green) on every stage dimension; the dashed ring is the bar.",
    memberChart: "Stage scores of each member city",
    memberChartCaption: "Each member's stage scores, 0–5.",
    languages: "Languages",
  },
  diff: {
    older: "Older",
    title: (name) => `Progress of ${name}`,
    radar: "Every stage dimension, before and after",
    radarCaption: "Each stage dimension's score (0–5) in the older assessment (green) and the newer one (blue); for a region, the members' weighted mean.",
    newer: "newer",
    backwards: "The older assessment is dated after the newer one: every change below reads backwards.",
    membersMean: "Members' stages, weighted mean",
    member: "Member",
    joined: "Joined the region since the older assessment.",
    left: "Left the region since the older assessment.",
    unscorable: "Could not be scored in one of the two assessments.",
    noRegressions: "No regressions",
    regressions: (n) => `Regressions (${n})`,
    noIndicatorMoved: "No indicator moved.",
    added: "added",
    withdrawn: "withdrawn",
    evidenceFor: (indicator) => `Evidence for ${indicator}`,
    new: "new",
    noLongerScored: "no longer scored",
    notApplicable: "n/a",
    up: "up",
    down: "down",
    answered: "answered",
    answerWithdrawn: "answer withdrawn",
    newAnswers: "new answers, none lower",
    nowNotApplicable: "now not applicable",
    applicableAgain: "applicable again",
    unchanged: "unchanged",
    stage: "stage",
    regionStage: "region stage",
    level: "level",
    fell: (what, before, after) => `${what} ${before} → ${after}`,
    levelOf: (indicator) => `${indicator} level`,
    was: (level) => `level ${level}`,
    act: (verb, quoted) => `${verb} ${quoted}`,
  },
  validate: {
    valid: (files) => `✔ ${plural(files, "file")} valid`,
    problems: (problems, errors, warnings, invalid, files) =>
      `${plural(problems, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}); ${invalid} of ${plural(files, "file")} invalid`,
    errorCount: (n) => `${n} error(s)`,
  },
  frameworks: {
    listHead: ["id", "kind", "title", "dimensions", "indicators", "version"],
    stage: (order) => `stage ${order}`,
    model: "model",
    version: (v) => `version ${v}`,
    case: "Case",
    ready: (bar) => `Ready when every dimension scores at least ${bar} of 5.`,
    reachedWhen: (bar, coverage, afterPrevious) =>
      `Reached when every dimension scores at least ${bar} of 5` +
      (coverage !== undefined ? ` with at least ${coverage} of its indicators answered` : "") +
      (afterPrevious ? ", and the stage before it is reached." : "."),
    weight: (w) => `weight ${w}`,
    seeAlso: "See also:",
  },
  template: {
    placeholder: { city: "Name of the city", region: "Name of the region" },
    intro: (subject, kind, command, file) =>
      `Self-assessment of ${subject} (${kind}). Check it with \`${command} validate ${file}\`, score it with \`${command} score ${file}\`, and see what to do next with \`${command} report ${file}\`.`,
    choice: (value) => value,
    choiceSep: " | ",
    howTo:
      "Under each indicator, set `level` to 0-5 by the descriptors written above it; leave it empty while unanswered (the scores show this as coverage, not as an error). Back a level with evidence and notes, or say why an indicator does not apply:",
    exampleTitle: "What shows it",
    exampleDocument: "or document: a paper that is not online",
    exampleNotes: "Why this level and not the next one.",
    exampleNotApplicable: "Why it does not apply here.",
    model: "formation model",
    models: "The formation models, answered for the region as a whole.",
    members:
      "The member cities. Each answers the stages here, or points at its own assessment with `file: its-file.yaml` (relative to this file) instead of `indicators`. Population, or a `weight`, sets each member's share of the region's roll-up.",
    describedUnder: (member) => `The level descriptors are written out under ${member}.`,
  },
  cli: {
    configUnusable: "the configuration file cannot be used",
    frameworkBroken: "a framework is broken",
    internalError: "internal error",
    runWithDebug: "Run again with --debug to see where, and please report it.",
    tooManyWarnings: (warnings, max) => `${warnings} warnings, more than --max-warnings ${max}`,
    tooManyDisputed: (disputed, max) => `${plural(disputed, "answer")} disputed among the assessors, more than --max-disputed ${max} allows`,
    cacheUnsaved: (location, reason) => `cannot write the cache ${location}: ${reason}`,
    cacheUntrusted: (location, problem, detail) =>
      `the cache is not used: its key ${location} ${
        {
          link: "is a symbolic link",
          "not-a-file": "is not a regular file",
          "not-a-folder": "is not a folder",
          "not-owned": "belongs to another user",
          "open-to-others": "is open to other users",
          damaged: "is not a key this tool made (delete it to have a new one made)",
          unavailable: `cannot be made or read (${detail})`,
        }[problem]
      }`,
    wroteTemplate: (file, indicators, command) => `Wrote ${file}: ${indicators} indicators to answer. Check it with: ${command} validate ${file}`,
    relinked: (files) => `Pointed the schema line of ${plural(files, "file")} at the schema`,
    exported: (file, indicators, sheets, command) => `Wrote ${file}: ${plural(indicators, "indicator")} on ${plural(sheets, "framework sheet")}, and a cover. Fill it in, then: ${command} import ${file} -o FILE.yaml`,
    imported: (file, answered) => `Wrote ${file}: ${plural(answered, "answer")} from the workbook`,
    reconciledInto: (file, disputed) => `Wrote ${file}, the assessment the files reconcile into${disputed > 0 ? `, with ${plural(disputed, "disputed answer")} to settle` : ""}`,
    editorSettings: (file, globs) => `Wrote the schema for ${globs} into ${file} (yaml.schemas)`,
    schemaNotShared: (path) =>
      `Note: the schema line points at ${path}, where this copy of smartregion is installed; teammates will not have it there. To share it, install smartregion as a dev dependency of the repository, or keep a schema in it (smartregion schema -o schema/assessment.schema.json) and give init --schema-ref.`,
    progress: (verb, count, total, percent) => `${verb} ${count}/${total} files (${percent}%)`,
  },
};

/** The numbers a Chinese text writes in characters where it counts in order (第一阶段), up to ten. */
const CHINESE_ORDINALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export const ZH: Words = {
  locale: "zh-CN",
  colon: "：",
  // Titles may hold 、 themselves ("新服务、新业态、新模式"): a list of them is joined with ；.
  listSep: "；",
  nameSep: "、",
  factSep: "，",
  clauseSep: "；",
  period: "。",
  afterLabel: "",
  paren: (text) => `（${text}）`,
  quote: (text) => `“${text}”`,
  heading: (text) => text,
  levelName: (level, name) => `${level}级（${name}）`,

  kind: { city: "城市", region: "区域" },
  severity: { error: "错误", warning: "警告" },
  none: "无",
  informatization: "信息化",
  assessed: (date) => `评估日期：${chineseDate(date)}`,
  target: "目标",
  targetValue: (stage, date) => (date !== undefined ? `${chineseDate(date)}前达到${stage}` : stage),
  stageReached: "已达阶段",
  nextStage: "下一阶段",
  heldBackBy: (blockers) => `，制约因素：${blockers}`,
  reached: "已达到",
  notReached: "未达到",
  noAnswers: "尚无作答",
  bestFit: "最适合的形成模式",
  verdict: {
    none: "暂无适合的形成模式",
    noneDetail: "；各模式的关键指标均未达到其最低分",
    tooLittle: "作答不足，尚无法判断",
    tooLittleDetail: (answered, needed) => `；关键指标的作答比例为${answered}，至少需要${needed}`,
    tie: (models) => `${models}不相上下`,
    tieDetail: (margin) => `；匹配度相差不超过${margin}`,
    tooLittleShort: "作答不足",
    belowFloor: (floor) => `未达最低分（${floor}）`,
    coreNotLeading: "核心城市未居领先",
    fits: "适合",
    fitsLessWell: "匹配度较低",
    ties: "不相上下",
    core: "核心城市",
    coreNamed: "由区域指定",
    coreMostAdvanced: "发展水平最高的成员",
    coreLeads: "在各阶段均领先于其他成员",
    coreTrails: (member, stage) => `未居领先：${member}在“${stage}”阶段得分更高`,
  },
  fitLine: (fit, runnerUp, runnerUpFit, readiness) =>
    `，匹配度${fit}${runnerUp !== undefined ? `（次选${runnerUp}为${runnerUpFit ?? ""}）` : ""}；就绪度${readiness}`,
  deciding: "关键指标",
  withVersion: (framework, version) => `${framework}（${version}版）`,
  atLevel: (indicator, level) => `${indicator}（${level === null || level === undefined ? "未作答" : `${level}级`}）`,
  lacks: (model) => `${model}的短板`,
  regionStage: "区域阶段（按短板成员）",
  equalWeight: "1（等权）",
  populationWeight: (population) => `${population}（人口）`,
  notScored: (problem) => `未评分（${problem}）`,
  blocker: {
    coverage: (dimension, share, minimum) => `${dimension}仅作答${share}（须达${minimum}）`,
    // No-break spaces: a comparison is read whole, never across two lines.
    belowBar: (dimension, score, bar) => `${dimension}（${score}\u00a0<\u00a0${bar}）`,
    nothingAnswered: "尚无作答",
    notAnswered: (dimension) => `${dimension}未作答`,
    stageNotReached: (stage) => `未达到${stage}`,
  },
  head: {
    stageDimension: "阶段/维度",
    modelDimension: "形成模式/维度",
    score: "得分",
    answered: "已作答",
    status: "状态",
    model: "形成模式",
    fit: "匹配度",
    readiness: "就绪度",
    min: "最低",
    weightedMean: "加权平均",
    max: "最高",
    spread: "极差",
    reachedBy: "已达到的成员数",
    percent: "得分率",
    member: "成员",
    weight: "权重",
    population: "人口",
    stageReached: "已达阶段",
    framework: "评估框架",
    indicator: "指标",
    dimension: "维度",
    level: "等级",
    target: "目标",
    gap: "差距",
    priority: "优先级",
    from: "现状",
    to: "目标",
    newLevel: "目标等级描述",
    newLevelAndHow: "目标等级描述与改进建议",
    advice: "改进建议",
    before: "之前",
    after: "之后",
    change: "变化",
  },
  gates: {
    title: "达标检查",
    gate: "达标检查",
    onFile: (gate, file) => `${file} 的达标检查 ${gate}`,
    noScore: "无得分",
    passed: "通过",
    failedBy: (amount) => `未通过，差${amount}`,
    stages: (n) => `${n}个阶段`,
    points: (n) => `${n}个百分点`,
    line: (gate, actual, verdict) => [gate, " ", verdict, actual === "无得分" ? "（尚无得分）" : `（当前为${actual}）`],
  },
  plan: {
    toReach: (stage) => `迈向${stage}的计划`,
    steps: (levels, indicators) => `共需提升${levels}个等级，涉及${indicators}项指标`,
    levelLabel: (level) => `${level}级：`,
    step: (title, aside, from, to) => [title, aside, `：从${from}级提升到${to}级`],
    adviceLabel: "建议：",
    answerMore: (needed, dimension, indicators) => `在“${dimension}”中至少再作答${needed}项：${indicators}`,
    outOfReach: "即使全部达到5级仍无法达标",
    nothingToRaise: "无需提升等级：作答其余问题即可达到该阶段。",
    everyStageReached: "所有阶段均已达到。",
    holdingBack: (stage) => `影响区域整体达到${stage}的成员`,
    roadmap: (target, by) => `${by === undefined ? "" : `${chineseDate(by)}前`}迈向${target}的路线图`,
    milestone: (n, stage, by) => `第${CHINESE_ORDINALS[n] ?? n}步：${stage}${by === undefined ? "" : `（${chineseDate(by)}前）`}`,
    overdue: (by) => `目标日期（${chineseDate(by)}）不晚于评估日期，以下各阶段均已到期。`,
    targetReached: "已达到目标阶段。",
    memberToReach: (member, current, next) => `${member}：从${current}迈向${next}`,
  },
  gaps: {
    unanswered: "未作答",
    cityTitle: "差距（按紧迫程度排序）",
    regionTitle: "区域层面的差距（对照最适合的形成模式）",
    ownTargets: "标“*”的目标由本评估自行设定。",
    evidence: "佐证材料",
    problems: "问题",
    chartTitle: (title) => `${title}：现状等级与目标`,
    chartCaption: (n) => `最紧迫的${n}项差距：条形为现状等级，红线为目标。`,
  },
  brief: ZH_BRIEF,
  reconcile: ZH_RECONCILE,
  excepted: {
    mark: "已豁免",
    why: (reason, approvedBy, expires) => `（${reason}；批准人：${approvedBy}，有效期至${expires}）`,
    count: (n, shown) => `${n}个问题已豁免${shown ? "" : "（加 --show-excepted 可列出）"}`,
    gate: (reason, expires) => `已豁免，有效期至${expires}：${reason}`,
  },
  workbook: ZH_WORKBOOK,
  documents: {
    scores: "智慧城市评估得分",
    gapReport: "差距报告",
    gapReportOf: (name) => `差距报告：${name}`,
    scale: (levels) => `得分采用0～5级：${levels}。`,
    madeWith: "由 smartregion 生成。",
    members: "成员城市",
    memberCount: (n) => `${n}个`,
    seriesScore: "得分",
    seriesMean: "加权平均",
    seriesWeakest: "最弱成员",
    radarCity: "各阶段维度得分",
    radarCityCaption: "各阶段每个维度的得分（0～5）；虚线环为维度须达到的达标线。",
    radarRegion: "区域各阶段维度汇总",
    radarRegionCaption: "各维度上成员的加权平均（蓝）与最弱成员（绿）；虚线环为达标线。",
    memberChart: "各成员城市的阶段得分",
    memberChartCaption: "各成员的阶段得分（0～5）。",
    languages: "语言",
  },
  diff: {
    older: "较早",
    title: (name) => `${name}进展对比`,
    radar: "各阶段维度前后对比",
    radarCaption: "各阶段维度在较早一次评估（绿色）与较近一次评估（蓝色）中的得分（0～5）；区域为各成员的加权平均。",
    newer: "较新",
    backwards: "较早评估的日期晚于较新评估：以下变化的方向均相反。",
    membersMean: "成员各阶段得分（加权平均）",
    member: "成员",
    joined: "在较早评估之后加入本区域。",
    left: "在较早评估之后退出本区域。",
    unscorable: "两次评估中有一次无法评分。",
    noRegressions: "没有下降项",
    regressions: (n) => `下降项（共${n}项）`,
    noIndicatorMoved: "没有指标发生变化。",
    added: "新增",
    withdrawn: "撤回",
    evidenceFor: (indicator) => `${indicator}的佐证材料`,
    new: "新计分",
    noLongerScored: "不再计分",
    notApplicable: "不适用",
    up: "上升",
    down: "下降",
    answered: "新作答",
    answerWithdrawn: "撤回作答",
    newAnswers: "新增作答所致，原有作答未降低",
    nowNotApplicable: "改为不适用",
    applicableAgain: "恢复适用",
    unchanged: "未变",
    stage: "阶段",
    regionStage: "区域阶段",
    level: "等级",
    fell: (what, before, after) => `${what}从${before}降至${after}`,
    levelOf: (indicator) => `${indicator}的等级`,
    was: (level) => `原为${level}级`,
    act: (verb, quoted) => `${verb}${quoted}`,
  },
  validate: {
    valid: (files) => (files === 1 ? "✔ 文件有效" : `✔ ${files}个文件均有效`),
    problems: (problems, errors, warnings, invalid, files) =>
      `共${problems}个问题（${errors}个错误，${warnings}个警告）；${invalid === 0 ? (files === 1 ? "文件有效" : `${files}个文件均有效`) : files === 1 ? "文件无效" : `${files}个文件中有${invalid}个无效`}`,
    errorCount: (n) => `${n}个错误`,
  },
  frameworks: {
    listHead: ["标识", "类型", "名称", "维度", "指标", "版本"],
    // An ordinal of a sequence, as Chinese documents number their stages: 第一阶段.
    stage: (order) => `第${CHINESE_ORDINALS[Number(order)] ?? order}阶段`,
    model: "形成模式",
    version: (v) => `版本${v}`,
    case: "案例",
    ready: (bar) => `每个维度得分均不低于${bar}（满分5）即为就绪。`,
    reachedWhen: (bar, coverage, afterPrevious) =>
      `每个维度得分均不低于${bar}（满分5）` + (coverage !== undefined ? `且作答指标不少于${coverage}` : "") + (afterPrevious ? "，并已达到前一阶段，即为达到本阶段。" : "，即为达到本阶段。"),
    weight: (w) => `权重${w}`,
    seeAlso: "参见：",
  },
  template: {
    placeholder: { city: "城市名称", region: "区域名称" },
    // A city needs no word for its kind (its name says it, 杭州市); a region's is said unless its name has it.
    intro: (subject, kind, command, file) =>
      `${kind === "city" || subject.includes("区域") ? subject : `${subject}（区域）`}自评估。用 \`${command} validate ${file}\` 检查，用 \`${command} score ${file}\` 评分，用 \`${command} report ${file}\` 生成差距报告。`,
    choice: (value, gloss) => `${value}（${gloss}）`,
    choiceSep: "、",
    howTo:
      "在每项指标下，对照其上方的等级描述，把 `level` 填为0～5；尚未作答时留空（评分时计入作答比例，不视为错误）。请用佐证材料和说明支撑所填等级，或说明某项指标为何不适用：",
    exampleTitle: "能说明该等级的材料",
    exampleDocument: "或 document: 未在网上公开的文件",
    exampleNotes: "说明为何评为这一等级，而不是更高一级。",
    exampleNotApplicable: "说明不适用的理由。",
    model: "形成模式",
    models: "各形成模式的指标，由区域整体作答。",
    members:
      "成员城市。每个成员在此回答各阶段的指标，或者不写 `indicators`，改用 `file: 成员文件.yaml`（相对于本文件）指向其单独的评估文件。人口或 `weight` 决定各成员在区域汇总中的比重。",
    describedUnder: (member) => `各等级的描述见成员“${member}”。`,
  },
  cli: {
    configUnusable: "配置文件无法使用",
    frameworkBroken: "评估框架有错误，无法加载",
    internalError: "内部错误",
    runWithDebug: "请加 --debug 重新运行以查看出错位置，并报告此问题。",
    tooManyWarnings: (warnings, max) => `${warnings}个警告，超过 --max-warnings ${max}`,
    tooManyDisputed: (disputed, max) => `评估人员之间有分歧的作答共${disputed}项，超过 --max-disputed 允许的${max}项`,
    cacheUnsaved: (location, reason) => `无法写入缓存 ${location}：${reason}`,
    cacheUntrusted: (location, problem, detail) =>
      `本次未使用缓存：缓存密钥 ${location} ${
        {
          link: "是符号链接",
          "not-a-file": "不是普通文件",
          "not-a-folder": "不是文件夹",
          "not-owned": "属于其他用户",
          "open-to-others": "其他用户也可访问",
          damaged: "不是本工具生成的密钥（删除后将自动重新生成）",
          unavailable: `无法创建或读取（${detail}）`,
        }[problem]
      }`,
    wroteTemplate: (file, indicators, command) => `已写入 ${file}：共${indicators}项指标待作答。填写后可用 ${command} validate ${file} 检查`,
    relinked: (files) => `已将${files}个文件的 $schema 行重新指向JSON Schema文件`,
    exported: (file, indicators, sheets, command) => `已写入 ${file}：${sheets}个框架工作表共${indicators}项指标，另有封面页。填写后运行：${command} import ${file} -o FILE.yaml`,
    imported: (file, answered) => `已写入 ${file}：来自工作簿的${answered}项作答`,
    reconciledInto: (file, disputed) => `已写入 ${file}，即各文件合并后的评估${disputed > 0 ? `，其中${disputed}项有分歧的作答待协商` : ""}`,
    editorSettings: (file, globs) => `已将 ${globs} 所用的JSON Schema写入 ${file}（yaml.schemas）`,
    schemaNotShared: (path) =>
      `提示：$schema 行指向 ${path}，即本机 smartregion 的安装位置；其他同事的电脑上没有这个路径。如需共用，请把 smartregion 装为仓库的开发依赖，或在仓库中保存一份JSON Schema文件（smartregion schema -o schema/assessment.schema.json），并在 init 时用 --schema-ref 指定。`,
    progress: (verb, count, total, percent) => `${{ checked: "已检查", scored: "已评分", "reported on": "已生成报告" }[verb]}${count}/${total}个文件（${percent}%）`,
  },
};

const WORDS: Record<Locale, Words> = { en: EN, "zh-CN": ZH };

export function words(locale: string): Words {
  return WORDS[locale as Locale] ?? EN;
}

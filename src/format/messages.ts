import type { Code, Facts, Finding } from "../model/findings.js";
import { chineseDate } from "../i18n/dates.js";
import { rangeWords } from "../model/ranges.js";

const q = (value: string | undefined) => `"${value ?? ""}"`;
const list = (values: readonly string[] | undefined, max = 8) => {
  if (values === undefined || values.length === 0) return "";
  const shown = values.slice(0, max).map((v) => q(v)).join(", ");
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
};
const didYouMean = (f: Facts) => (f.suggestion !== undefined ? `; did you mean ${q(f.suggestion)}?` : "");
const allowedOrSuggestion = (f: Facts) =>
  f.suggestion !== undefined ? didYouMean(f) : f.allowed !== undefined && f.allowed.length > 0 ? `; expected one of ${list(f.allowed)}` : "";
const bytes = (n: number | undefined) => `${((n ?? 0) / 1024 / 1024).toFixed(1)} MB`;

/** The one place where findings become words. */
const MESSAGES: Record<Code, (f: Facts) => string> = {
  "not-found": (f) => (f.reason?.[0] === "no-yaml-files" ? "The folder holds no YAML file (*.yaml or *.yml)" : "No such file or folder"),
  "outside-config-folder": (f) => `Folder ${q(f.value)} is outside the folder of .smartregion.yaml, or leads out of it through a link`,
  "not-a-file": () => "Not a regular file",
  "unreadable": (f) => `Cannot be read (${f.detail ?? "unknown reason"})`,
  "too-large": (f) => `File is larger than the ${bytes(f.limit)} limit (--max-file-size)`,
  "binary-file": () => "Binary data, not YAML text",
  "bad-encoding": () => "Text is not valid UTF-8 from here on",
  "empty-file": () => "File holds no YAML document; an assessment is a mapping that starts with `smartregion: 1`",
  "yaml-syntax": (f) => `YAML syntax error: ${f.detail ?? ""}`,
  "duplicate-key": () => "Key appears twice in the same mapping",
  "multiple-documents": () => "More than one YAML document in the file; write one assessment per file",
  "unsupported-tag": (f) => `Tag ${f.value ?? f.detail ?? ""} is not supported; only plain YAML values are`,
  "too-many-aliases": (f) =>
    f.detail === "cycle"
      ? "An alias stands inside the node it names, so it would expand without end"
      : f.detail === "expansion"
        ? `Aliases expand the document by more than ${f.limit ?? 0} nodes and characters (an alias-expansion bomb?)`
        : `An alias is used more than ${f.limit ?? 0} times (an alias-expansion bomb?)`,
  "too-deep": (f) => `Nesting is deeper than ${f.limit ?? 0} levels`,
  "too-many-problems": (f) => `More than ${f.limit ?? 0} problems in this file; the other ${f.value ?? ""} from here on are not listed`,
  "not-a-mapping": (f) => `The document is a ${f.actual ?? "value"}; an assessment is a mapping`,
  "framework-file": () => "This is a framework, not an assessment: check it with smartregion frameworks lint",
  "unsafe-workbook": (f) =>
    ({ macros: "The workbook holds macros; it was not opened", "external-links": "The workbook links to other workbooks; it was not opened", "too-large": "The workbook unpacks to too much; it was not opened", "no-cover": "The workbook has no cover sheet (its first cell reads smartregion): it was not made by smartregion export" })[f.reason?.[0] ?? ""] ??
    `Not a workbook that can be read${f.detail !== undefined && f.detail !== "" ? ` (${f.detail})` : ""}`,
  "formula-cell": () => "A formula stands where a value belongs; type the value itself (formulas are never calculated)",
  "schema-line-missing": (f) => `The editor schema ${q(f.value)} this line names does not exist here (was the file moved?); the editor checks nothing until smartregion schema --relink FILE points it at the schema again`,
  "unknown-key": (f) => `Unknown key ${q(f.key)}${allowedOrSuggestion(f)}`,
  "unknown-framework": (f) => `Unknown framework ${q(f.key)}${allowedOrSuggestion(f)}`,
  "unknown-indicator": (f) => `Unknown indicator ${q(f.key)} in framework ${q(f.context)}${didYouMean(f)}`,
  "missing-key": (f) => `Missing required key ${q(f.key)}`,
  "missing-one-of": (f) => `Needs one of ${list(f.allowed)}`,
  "wrong-type": (f) => `Expected ${f.expected ?? "another type"}, found ${f.actual ?? "another type"}${f.value === undefined ? "" : ` ${f.found === "string" ? q(f.value) : f.value}`}`,
  "out-of-range": (f) => `Value ${f.value ?? ""} is out of range; expected ${f.expected ?? rangeWords(f.expects) ?? "another value"}`,
  "not-allowed-value": (f) => `Value ${q(f.value)} is not allowed${allowedOrSuggestion(f)}`,
  "bad-format": (f) => `Value ${q(f.value)} is not ${f.expected ?? "in the expected format"}`,
  "empty-value": () => "Value must not be empty",
  "too-long": (f) => `Value is longer than ${f.limit ?? 0} characters`,
  "too-few-items": (f) => `Needs at least ${f.limit ?? 1} item(s)`,
  "too-many-items": (f) => `Holds more than the ${f.limit ?? 0} items allowed`,
  "bad-key": (f) => `Key ${q(f.key)} is not allowed here; expected ${f.expected ?? "another key"}${didYouMean(f)}`,
  "conflicting-keys": (f) => `${q(f.key)} cannot be given together with ${q(f.context)}`,
  "schema": (f) => `Does not match the schema: ${f.detail ?? ""}`,
  "framework-kind": (f) =>
    f.expected === "stage"
      ? `Framework ${q(f.key)} is a region-formation model; a city answers the innovation stages`
      : `Framework ${q(f.key)} is an innovation stage; a region answers the formation models, and its stages come from its members`,
  "members-in-city": () => "A city has no members; set `subject.kind: region` to assess a region",
  "region-without-members": () => "A region needs `members`: its member cities, inline or as files",
  "member-outside-folder": (f) => `Member file ${q(f.value)} is outside the region file's folder`,
  "member-not-found": (f) => `Member file ${q(f.value)} does not exist`,
  "member-not-a-file": (f) => `Member ${q(f.value)} is not a regular file`,
  "member-cycle": (f) => `Member file ${q(f.value)} is the region file itself`,
  "member-is-region": (f) => `Member file ${q(f.value)} is a region; members must be cities`,
  "member-invalid": (f) => `Member file ${q(f.value)} has errors (listed under its own name); it is left out of the roll-up`,
  "duplicate-member": (f) => `Member ${q(f.value)} is listed twice (first at ${f.context ?? ""})`,
  "duplicate-core": (f) => `A second member marked as the core city (the first is at ${f.context ?? ""}); a region has one core at most`,
  "framework-version": (f) => `Written for version ${f.value ?? ""}, but the framework loaded is ${f.expected ?? ""}; check the answers still fit`,
  "evidence-after-assessment": (f) => `Evidence dated ${f.value ?? ""}, after the assessment date ${f.context ?? ""}`,
  "target-before-assessment": (f) => `Target date ${f.value ?? ""} is before the assessment date ${f.context ?? ""}`,
  "evidence-missing": (f) => `Level ${f.value ?? ""} has no evidence; levels of ${f.limit ?? 3} and above need some`,
  "evidence-stale": (f) => `Newest evidence is from ${f.value ?? ""}, more than ${f.limit ?? 0} months before the assessment (${f.context ?? ""})`,
  "evidence-self-reported": (f) => `Level ${f.value ?? ""} rests on self-reported evidence only`,
  "gate-failed": (f) => `Gate ${f.detail ?? ""} not met: ${f.titles?.["en"] ?? f.value ?? "no score"}, short by ${f.context ?? ""}`,
  "unknown-dimension": (f) => `Unknown dimension ${q(f.value)}; declared: ${list(f.allowed)}`,
  "empty-dimension": (f) => `Dimension ${q(f.value)} has no indicators`,
  "duplicate-id": (f) => `${q(f.value)} is used twice${f.context !== undefined ? ` (also in ${f.context})` : ""}`,
  "missing-translation": (f) => `No ${q(f.value)} text here, though the framework is written in ${q(f.value)} elsewhere; English is shown instead`,
  "vague-descriptor": (f) => `This level leans on ${q(f.value)}, which two assessors read differently; name a count, a share, a frequency or something a visitor can check`,
  "framework-replaced": (f) => `Framework ${q(f.key)} (version ${f.value ?? ""}) replaces the shipped one (version ${f.expected ?? ""}) in this run`,
  "replaced-term": (f) => `This Chinese text uses ${q(f.value)}, which the glossary replaces with ${q(f.expected)} (frameworks/meta/zh-terms.yaml)`,
  "exception-expired": (f) => `This exception expired on ${f.value ?? ""}: it covers nothing now. Settle what it covered, or agree a new expiry date`,
  "exception-unused": () => `This exception covered nothing in this run: remove it, or check what it names`,
  "disputed-answer": (f) => `The assessors dispute ${q(f.key)} (${(f.allowed ?? []).join(", ")}); the file takes ${f.value ?? ""}. Settle it, then remove disputed: true`,
  "kind-fields": (f) =>
    f.expected === "stage" ? `A stage needs ${q(f.key)}` : `${q(f.key)} belongs to stages, not to models`,
  "reserved-id": (f) => `${q(f.value)} is a name every JavaScript object already has and cannot be an id; choose another`,
  "duplicate-schema-id": (f) => `$id ${q(f.value)} is already the $id of ${f.context ?? "another schema"}; give this framework an $id of its own`,
};

// Chinese: every sentence from the facts' data, the input's own text as it was written.
/**
 * One assessor's answer of a disputed indicator, as the rules give it ("Amira Hollis & Tomas
 * Brandt: 3", the names reconcile joined, then the level), in Chinese: the names joined by 、,
 * a full-width colon, and the level as 3级, 不适用 or 未作答.
 */
const zhGiven = (given: string): string => {
  const at = given.lastIndexOf(": ");
  return at < 0 ? given : `${given.slice(0, at).split(" & ").join("、")}：${zhGivenLevel(given.slice(at + 2))}`;
};
const zhGivenLevel = (level: string): string => (level === "n/a" ? "不适用" : level === "–" ? "未作答" : /^[0-5]$/.test(level) ? `${level}级` : level);

const zq = (value: string | undefined) => `“${value ?? ""}”`;
const zlist = (values: readonly string[] | undefined, max = 8) => {
  if (values === undefined || values.length === 0) return "";
  const shown = values.slice(0, max).map((v) => zq(v)).join("、");
  return values.length > max ? `${shown}等${values.length}项` : shown;
};
const zDidYouMean = (f: Facts) => (f.suggestion !== undefined ? `；是否应为${zq(f.suggestion)}？` : "");
const zAllowedOrSuggestion = (f: Facts) =>
  f.suggestion !== undefined ? zDidYouMean(f) : f.allowed !== undefined && f.allowed.length > 0 ? `；应为以下之一：${zlist(f.allowed)}` : "";

/** JSON types, and the other kinds of value a finding names, in Chinese. */
const ZH_TYPES: Readonly<Record<string, string>> = {
  null: "空值",
  object: "映射",
  array: "列表",
  integer: "整数",
  number: "数字",
  boolean: "布尔值",
  string: "文本",
  scalar: "单个值",
};
// No space between the Chinese and what follows (the rule is in src/i18n/words.ts).
const ZH_FORMATS: Readonly<Record<string, string>> = { date: "有效日期（格式应为YYYY-MM-DD）", uri: "完整的网址（如 https://example.org/page）" };
const zType = (type: string) => ZH_TYPES[type] ?? type;

/**
 * What a value should have been, worded in Chinese from the facts' data (`expects`), never by
 * rewriting the English words: values and patterns from the input stay as they were written.
 */
function zExpects(expects: readonly string[] | undefined, otherwise: string): string {
  const [kind, ...values] = expects ?? [];
  switch (kind) {
    case "types": {
      const words = values.map(zType);
      return words.length <= 1 ? (words[0] ?? otherwise) : `${words.slice(0, -1).join("、")}或${words.at(-1)!}`;
    }
    case "range": {
      const [low = "", high = "", lowExclusive, highExclusive] = values;
      // Worded to follow "应" (not "应为"): "应在0至5之间", "应大于0".
      if (low !== "" && high !== "" && lowExclusive === "" && highExclusive === "") return `在${low}至${high}之间`;
      const ends = [low !== "" ? (lowExclusive === "exclusive" ? `大于${low}` : `不小于${low}`) : "", high !== "" ? (highExclusive === "exclusive" ? `小于${high}` : `不大于${high}`) : ""];
      return ends.filter((e) => e !== "").join("且");
    }
    case "format":
      return ZH_FORMATS[values[0] ?? ""] ?? ` ${values[0] ?? ""}`;
    case "pattern":
      return `符合${values[0] ?? ""}的文本`;
    case "one-of":
      return `以下之一：${zlist(values)}`;
    case "folder":
      return "文件夹";
    case "folders":
      return "文件夹或文件夹列表";
    case "plain-key":
      return "普通的键（文本或数字）";
    case "absolute-uri":
      return `完整的网址（如 ${values[0] ?? ""}）`;
    case "message":
      return ` ${values[0] ?? ""}`;
    default:
      return otherwise;
  }
}

/** Why, worded in Chinese from the facts' data (`reason`). */
function zReason(reason: readonly string[] | undefined): string {
  const [kind, value = ""] = reason ?? [];
  switch (kind) {
    case "no-yaml-files":
      return "其中没有YAML文件";
    case "no-folder":
      return `没有文件夹 ${value}`;
    case "stages":
      return `${value}个阶段`;
    case "points":
      return `${value}个百分点`;
    default:
      return "";
  }
}

/** The YAML parser's errors in Chinese, by its code; a code not here keeps the parser's own words. */
const ZH_YAML: Readonly<Record<string, string>> = {
  BAD_INDENT: "缩进不正确，或括号未闭合",
  TAB_AS_INDENT: "不能用制表符缩进，请改用空格",
  MISSING_CHAR: "缺少配对的字符（如未闭合的引号或括号）",
  UNEXPECTED_TOKEN: "此处出现了不应有的字符",
  BLOCK_AS_IMPLICIT_KEY: "多行的列表或映射不能用作键",
  BLOCK_IN_FLOW: "方括号或花括号内不能写多行的列表或映射",
  MULTILINE_IMPLICIT_KEY: "键不能跨行，请在键后加冒号",
  BAD_SCALAR_START: "值不能以此字符开头，请给值加上引号",
  BAD_DQ_ESCAPE: "双引号中的转义序列无效",
  KEY_OVER_1024_CHARS: "键超过1024个字符",
  BAD_ALIAS: "别名无效",
  MULTIPLE_ANCHORS: "同一节点有多个锚点",
  MULTIPLE_TAGS: "同一节点有多个标签",
  BAD_DIRECTIVE: "YAML指令无效",
};

const MESSAGES_ZH: Record<Code, (f: Facts) => string> = {
  "not-found": (f) => (f.reason?.[0] === "no-yaml-files" ? "该文件夹中没有YAML文件（*.yaml 或 *.yml）" : `没有这个文件或文件夹${f.reason !== undefined ? `（${zReason(f.reason).trim()}）` : ""}`),
  "not-a-file": () => "不是普通文件",
  "outside-config-folder": (f) => `文件夹${zq(f.value)}不在 .smartregion.yaml 所在的文件夹内，或经符号链接越出该文件夹`,
  "unreadable": (f) => `无法读取（${f.detail ?? "原因不明"}）`,
  "too-large": (f) => `文件超过${bytes(f.limit)}的上限（--max-file-size）`,
  "binary-file": () => "这是二进制数据，不是YAML文本",
  "bad-encoding": () => "从此处起不是有效的UTF-8文本",
  "empty-file": () => "文件中没有YAML文档；评估文件是以 `smartregion: 1` 开头的映射",
  "yaml-syntax": (f) => `YAML语法错误：${ZH_YAML[f.reason?.[0] ?? ""] ?? f.detail ?? ""}`,
  "duplicate-key": () => "同一映射中出现重复的键",
  "multiple-documents": () => "文件中有多个YAML文档；每个文件只写一份评估",
  "unsupported-tag": (f) => `不支持标签 ${f.value ?? f.detail ?? ""}；只能使用普通的YAML值`,
  "too-many-aliases": (f) =>
    f.detail === "cycle"
      ? "别名位于其所引用的节点内部，展开时会无限循环"
      : f.detail === "expansion"
        ? `别名展开后使文档增加超过${f.limit ?? 0}个节点和字符（疑似别名展开炸弹）`
        : `同一别名被引用超过${f.limit ?? 0}次（疑似别名展开炸弹）`,
  "too-deep": (f) => `嵌套超过${f.limit ?? 0}层`,
  "too-many-problems": (f) => `本文件的问题超过${f.limit ?? 0}个；自此处起其余${f.value ?? ""}个不再列出`,
  "not-a-mapping": (f) => `文档是${f.found !== undefined ? zType(f.found) : "一个值"}；评估文件应为映射`,
  "framework-file": () => "这是评估框架文件，不是评估文件：请用 smartregion frameworks lint 检查",
  "unsafe-workbook": (f) =>
    ({ macros: "工作簿含有宏，未予打开", "external-links": "工作簿链接到其他工作簿，未予打开", "too-large": "工作簿解压后过大，未予打开", "no-cover": "工作簿没有封面页（首个单元格为 smartregion），并非由 smartregion export 生成" })[f.reason?.[0] ?? ""] ??
    `无法读取的工作簿${f.detail !== undefined && f.detail !== "" ? `（${f.detail}）` : ""}`,
  "formula-cell": () => "此处应填写数值，却是公式；请直接填写数值（公式从不计算）",
  "schema-line-missing": (f) => `此行所指的JSON Schema文件${zq(f.value)}不存在（文件是否移动过？）；在用 smartregion schema --relink FILE 重新指向之前，编辑器不做任何检查`,
  "unknown-key": (f) => `未知字段${zq(f.key)}${zAllowedOrSuggestion(f)}`,
  "unknown-framework": (f) => `未知的评估框架${zq(f.key)}${zAllowedOrSuggestion(f)}`,
  "unknown-indicator": (f) => `评估框架${zq(f.context)}中没有指标${zq(f.key)}${zDidYouMean(f)}`,
  "missing-key": (f) => `缺少必填字段${zq(f.key)}`,
  "missing-one-of": (f) => `须填写以下之一：${zlist(f.allowed)}`,
  "wrong-type": (f) => `应为${zExpects(f.expects, "其他类型")}，实际为${f.found !== undefined ? zType(f.found) : "其他类型"}${f.value === undefined ? "" : f.found === "string" ? zq(f.value) : `（${f.value}）`}`,
  "out-of-range": (f) => `取值${f.value ?? ""}超出范围，${f.expects?.[0] === "range" ? `应${zExpects(f.expects, "")}` : `应为${zExpects(f.expects, "其他值")}`}`,
  "not-allowed-value": (f) => `不允许的值${zq(f.value)}${zAllowedOrSuggestion(f)}`,
  "bad-format": (f) => `值${zq(f.value)}不是${zExpects(f.expects, "所要求的格式")}`,
  "empty-value": () => "值不能为空",
  "too-long": (f) => `值超过${f.limit ?? 0}个字符`,
  "too-few-items": (f) => `至少需要${f.limit ?? 1}项`,
  "too-many-items": (f) => `超过允许的${f.limit ?? 0}项`,
  "bad-key": (f) => `此处不允许字段${zq(f.key)}；应为${zExpects(f.expects, "其他字段")}${zDidYouMean(f)}`,
  "conflicting-keys": (f) => `${zq(f.key)}不能与${zq(f.context)}同时填写`,
  "schema": (f) => `不符合JSON Schema：${f.detail ?? ""}`,
  "framework-kind": (f) =>
    f.expected === "stage"
      ? `评估框架${zq(f.key)}是区域形成模式；城市应回答创新阶段的指标`
      : `评估框架${zq(f.key)}是创新阶段；区域回答形成模式的指标，阶段得分来自其成员城市`,
  "members-in-city": () => "城市评估不应填写 `members`；评估区域时请设置 `subject.kind: region`",
  "region-without-members": () => "区域须填写 `members`：其成员城市，可直接写在文件中，也可引用单独的文件",
  "member-outside-folder": (f) => `成员文件${zq(f.value)}不在区域文件所在的文件夹内`,
  "member-not-found": (f) => `成员文件${zq(f.value)}不存在`,
  "member-not-a-file": (f) => `成员${zq(f.value)}不是普通文件`,
  "member-cycle": (f) => `成员文件${zq(f.value)}就是区域文件本身`,
  "member-is-region": (f) => `成员文件${zq(f.value)}是区域；成员必须是城市`,
  "member-invalid": (f) => `成员文件${zq(f.value)}有错误（列在其文件名下）；未计入区域汇总`,
  "duplicate-member": (f) => `成员${zq(f.value)}重复列出（首次出现在 ${f.context ?? ""}）`,
  "duplicate-core": (f) => `该成员也被标为核心城市，而核心城市已指定为 ${f.context ?? ""}；一个区域只能有一个核心城市`,
  "framework-version": (f) => `本评估按${f.value ?? ""}版填写，而加载的评估框架为${f.expected ?? ""}版；请核对作答是否仍然适用`,
  "evidence-after-assessment": (f) => `佐证材料日期${chineseDate(f.value)}晚于评估日期${chineseDate(f.context)}`,
  "target-before-assessment": (f) => `目标日期${chineseDate(f.value)}早于评估日期${chineseDate(f.context)}`,
  "evidence-missing": (f) => `所填${f.value ?? ""}级没有佐证材料；${f.limit ?? 3}级及以上须附佐证材料`,
  "evidence-stale": (f) => `最新的佐证材料日期为${chineseDate(f.value)}，早于评估日期（${chineseDate(f.context)}）超过${f.limit ?? 0}个月`,
  "evidence-self-reported": (f) => `所填${f.value ?? ""}级仅有自报的佐证材料`,
  "gate-failed": (f) =>
    `达标检查 ${f.detail ?? ""} 未通过：${f.found === "null" || (f.titles?.["zh-CN"] ?? f.value) === undefined ? "尚无得分" : `当前为${f.titles?.["zh-CN"] ?? f.value ?? ""}`}${zReason(f.reason) === "" ? "" : `，还差${zReason(f.reason)}`}`,
  "unknown-dimension": (f) => `未知的维度${zq(f.value)}；已声明的维度：${zlist(f.allowed)}`,
  "empty-dimension": (f) => `维度${zq(f.value)}没有指标`,
  "duplicate-id": (f) => `${zq(f.value)}重复使用${f.context !== undefined ? `（另见 ${f.context}）` : ""}`,
  "missing-translation": (f) => `此处缺少${zq(f.value)}文本，而该评估框架其他地方有${zq(f.value)}文本；将以英文代替`,
  "vague-descriptor": (f) => `该等级描述使用了${zq(f.value)}，不同评估人员理解不一；请改为明确的数量、比例、频次或可现场核查的材料`,
  "framework-replaced": (f) => `本次运行以评估框架${zq(f.key)}（${f.value ?? ""}版）取代了内置的同名框架（${f.expected ?? ""}版）`,
  "replaced-term": (f) => `该中文文本使用了${zq(f.value)}，术语表规定以${zq(f.expected)}代替（见 frameworks/meta/zh-terms.yaml）`,
  "exception-expired": (f) => `此项豁免已于${chineseDate(f.value)}到期，不再覆盖任何问题。请解决其所涉问题，或重新商定有效期`,
  "exception-unused": () => `此项豁免在本次运行中没有覆盖任何问题：请删除，或核对其所指对象`,
  "disputed-answer": (f) => `评估人员对${zq(f.key)}意见不一（${(f.allowed ?? []).map(zhGiven).join("；")}），本文件暂取${zhGivenLevel(f.value ?? "")}。协商一致后请删除 disputed: true`,
  "kind-fields": (f) => (f.expected === "stage" ? `阶段须有${zq(f.key)}` : `${zq(f.key)}只用于阶段，不用于形成模式`),
  "reserved-id": (f) => `${zq(f.value)}是程序内部的保留名称，不能用作 id，请另取一个`,
  "duplicate-schema-id": (f) => `${zq(f.value)}已是 ${f.context ?? "另一个JSON Schema"} 的 $id；请为本评估框架另设一个 $id`,
};

/** A finding in words, in `locale` (English when the tool does not speak it). */
export function message(f: Finding, locale = "en"): string {
  return (locale === "zh-CN" ? MESSAGES_ZH : MESSAGES)[f.code](f.facts);
}

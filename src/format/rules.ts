import type { Code } from "../model/findings.js";
import { RULE_EXAMPLES } from "./rule-examples.js";

/** What each kind of problem means and how to fix it: the help text of SARIF rules and of docs. */
export const RULE_HELP: Record<Code, string> = {
  "not-found": "A path on the command line names no file, folder or matching glob, or a folder with no YAML file in it. Check the path.",
  "outside-config-folder": "The framework folders that .smartregion.yaml names must lie inside the folder it stands in, also after links are followed, so a repository cannot load files from elsewhere on the machine.",
  "not-a-file": "The path is not a regular file (a folder, a device, a pipe). Name the YAML file itself.",
  "unreadable": "The file exists but cannot be read. Check its permissions.",
  "too-large": "The file is over the size limit and was not read. Split it, or raise --max-file-size.",
  "binary-file": "The file holds binary data. An assessment is YAML text.",
  "bad-encoding": "The text is not valid UTF-8. Save the file as UTF-8 (or UTF-16 with a byte-order mark).",
  "empty-file": "The file holds no YAML document. Start from `smartregion init` or an example.",
  "yaml-syntax": "The YAML does not parse. Fix the syntax at the position shown.",
  "duplicate-key": "A key appears twice in one mapping; YAML keeps only one. Remove or rename one.",
  "multiple-documents": "The file holds several YAML documents (separated by ---). Write one assessment per file.",
  "unsupported-tag": "Custom and YAML 1.1 tags (!!binary, !foo) are refused. Write plain values.",
  "too-many-aliases": "An alias is used so often that expanding it could exhaust memory. Write the values out.",
  "too-deep": "The document nests deeper than the limit. An assessment needs only a few levels.",
  "too-many-problems": "A file has more problems than are listed (1,000 at most); fix the first ones, which often cause the rest, and check again.",
  "not-a-mapping": "The document is a list or a single value. An assessment is a mapping of keys.",
  "schema-line-missing": "The file's `# yaml-language-server: $schema=` line names a schema file that does not exist, relative to the file: usually the file was moved to another folder. Editors then give no diagnostics, hover or completion. Point the line at the schema again (`smartregion schema --relink FILE` rewrites it), or map the schema in the editor's settings.",
  "unsafe-workbook": "A workbook given to import is not one smartregion can read safely: not an XLSX file, one that unpacks to more than 32 MB (8 MB a part) or to more than 200 times an entry's packed size (a zip bomb), one with a sheet of more than 10,000 rows, one with macros or with links to other workbooks, or one without the cover sheet export writes. Nothing in it was opened, run or fetched. Export a fresh workbook and copy the answers into it.",
  "formula-cell": "A cell of the workbook that import reads holds a formula. Formulas are never calculated, so the value is unknown: type the level, date or text itself.",
  "framework-file": "The file is a framework (it has x-framework and no smartregion key), named on the command line as an assessment. Check frameworks with smartregion frameworks lint; a folder or glob leaves framework files out by itself.",
  "unknown-key": "A key the assessment format does not have. Check its spelling against the assessment format (docs/assessment-format.md).",
  "unknown-framework": "A framework id that is not loaded. Use an id from `smartregion frameworks list`.",
  "unknown-indicator": "An indicator id the framework does not have. Use an id from `smartregion frameworks show <id>`.",
  "missing-key": "A required key is missing from the mapping shown.",
  "missing-one-of": "The mapping needs at least one of the keys listed.",
  "wrong-type": "The value is of the wrong kind (text, number, list, mapping).",
  "out-of-range": "The number is outside the allowed range; levels go from 0 to 5.",
  "not-allowed-value": "The value is not one of those allowed.",
  "bad-format": "The value is not in the expected format (for instance a date as YYYY-MM-DD).",
  "empty-value": "The value is empty.",
  "too-long": "The value is longer than allowed.",
  "too-few-items": "The list or mapping has fewer items than required.",
  "too-many-items": "The list has more items than allowed (a region's members: 500).",
  "bad-key": "The key is not allowed at this place.",
  "conflicting-keys": "Two keys exclude each other: a level and not-applicable, or a member file and inline indicators.",
  "schema": "The value does not match the schema.",
  "framework-kind": "Cities answer the innovation stages; regions answer the formation models.",
  "members-in-city": "Only a region has members.",
  "region-without-members": "A region lists its member cities, inline or as files.",
  "member-outside-folder": "A member file must stay inside the region file's folder, also through symbolic links.",
  "member-not-found": "The member file does not exist.",
  "member-not-a-file": "The member path is not a regular file.",
  "duplicate-member": "The same member is listed twice.",
  "duplicate-core": "More than one member is marked as the region's core city.",
  "member-cycle": "A region cannot list itself as a member.",
  "member-is-region": "Members are cities; a region cannot be the member of another.",
  "member-invalid": "The member file has errors of its own and is left out of the roll-up.",
  "framework-version": "The answers were written for another major version of the framework; check they still fit.",
  "evidence-after-assessment": "Evidence is dated after the assessment it supports.",
  "target-before-assessment": "The target date is before the assessment date.",
  "evidence-missing": "A high level with no evidence behind it.",
  "evidence-stale": "The evidence is older than the age limit, counted from the assessment date.",
  "evidence-self-reported": "The level rests only on self-reported evidence.",
  "gate-failed": "A gate set on the command line (--min-stage, --fail-under) is not met.",
  "unknown-dimension": "An indicator names a dimension the framework does not declare.",
  "empty-dimension": "A dimension with no indicators.",
  "duplicate-id": "An id is used twice.",
  "kind-fields": "A field that the framework's kind needs, or must not have.",
  "missing-translation": "A text of a framework lacks a locale that its other texts have.",
  "vague-descriptor": "A level descriptor draws its boundary with a vague word (some, several, regularly; 部分, 定期) instead of a count, a share, a frequency or an artefact.",
  "framework-replaced": "A custom framework (from --frameworks or .smartregion.yaml) has the id of a shipped one and replaces it, so files are judged by other rules than the shipped ones. Check that the change meant to.",
  "replaced-term": "A Chinese text of a framework uses a term that the glossary (frameworks/meta/zh-terms.yaml) replaces, such as 人生事件 for 一件事; one idea should have one term, the one Chinese policy uses.",
  "exception-expired": "An exception in .smartregion.yaml has reached its expiry date (judged by --today, or else by the date of the assessment it was applied to) and covers nothing any more: what it covered counts again. Settle what it covered, or agree a new date and write it. With --strict-exceptions this is an error.",
  "exception-unused": "An exception in .smartregion.yaml covered no finding and no gate in this run: what it names may have been fixed, or it may be misspelt. Remove it, or correct its code, indicator, gate or files.",
  "disputed-answer": "An answer that reconcile merged from several assessors is marked disputed: their levels are two or more apart, or one says the indicator does not apply and another gives a level. The file takes the level the rule chose, but the plan rests on it: settle it with the assessors, write the agreed level, and remove `disputed: true`. validate --max-disputed N fails a run with more than N.",
  "reserved-id": "An id is a name every JavaScript object already has (constructor, toString and the like); the tool could not tell it from that name.",
  "duplicate-schema-id": "A framework's $id is already taken by a shipped framework, a meta schema or another custom framework; each schema needs its own.",
};

/** The same help in Chinese; the short description is the text up to the first 。 */
export const RULE_HELP_ZH: Record<Code, string> = {
  "not-found": "命令行中的路径没有对应的文件、文件夹或匹配的通配符，或所指文件夹中没有 YAML 文件。请检查路径。",
  "outside-config-folder": ".smartregion.yaml 指定的框架文件夹必须位于其所在文件夹之内，经符号链接也不得越出，以免仓库加载本机其他位置的文件。",
  "not-a-file": "该路径不是普通文件（而是文件夹、设备或管道）。请指明 YAML 文件本身。",
  "unreadable": "文件存在但无法读取。请检查文件权限。",
  "too-large": "文件超过大小上限，未被读取。请拆分文件，或调高 --max-file-size。",
  "binary-file": "文件中是二进制数据。评估文件应为 YAML 文本。",
  "bad-encoding": "文本不是有效的 UTF-8。请将文件另存为 UTF-8（或带字节顺序标记的 UTF-16）。",
  "empty-file": "文件中没有 YAML 文档。可从 `smartregion init` 或示例文件开始。",
  "yaml-syntax": "无法解析YAML。请在所示位置修正语法。",
  "duplicate-key": "同一映射中有重复的键，YAML只保留其一。请删除或改名其中一个。",
  "multiple-documents": "文件中有多个以 --- 分隔的YAML文档。每个文件只写一份评估。",
  "unsupported-tag": "不接受自定义标签和YAML 1.1标签（如 !!binary、!foo）。请写普通的值。",
  "too-many-aliases": "某个别名引用次数过多，展开后可能耗尽内存。请直接写出这些值。",
  "too-deep": "文档嵌套超过上限。评估文件只需要几层嵌套。",
  "too-many-problems": "文件的问题多于所列（最多列出1000个）；请先修正前面的问题（后面的往往由其引起），再重新检查。",
  "not-a-mapping": "文档是列表或单个值。评估文件应为键值映射。",
  "schema-line-missing": "文件中 `# yaml-language-server: $schema=` 一行所指的JSON Schema文件（路径相对于该文件）不存在，通常是文件被移到了别的文件夹。此时编辑器不再提示错误、悬停说明或自动补全。请重新指向JSON Schema文件（`smartregion schema --relink FILE` 可改写此行），或在编辑器设置中映射JSON Schema。",
  "unsafe-workbook": "交给 import 的工作簿无法安全读取：不是XLSX文件、解压后超过32 MB（单个部件超过8 MB）或某一项超过压缩大小的200倍（压缩炸弹）、某个工作表超过10000行、含有宏或链接到其他工作簿，或没有 export 生成的封面页。其中内容均未打开、运行或获取。请重新导出工作簿并把答案抄入。",
  "formula-cell": "import 读取的单元格中是公式。公式从不计算，因此其值未知：请直接填写等级、日期或文字。",
  "framework-file": "该文件是评估框架（含 x-framework 键而无 smartregion 键），却作为评估文件在命令行中给出。框架文件请用 smartregion frameworks lint 检查；按文件夹或通配符检查时会自动跳过框架文件。",
  "unknown-key": "评估格式中没有这个字段。请对照评估格式说明（docs/assessment-format.md）检查拼写。",
  "unknown-framework": "未加载这个评估框架 id。请使用 `smartregion frameworks list` 列出的 id。",
  "unknown-indicator": "评估框架中没有这个指标 id。请使用 `smartregion frameworks show <id>` 列出的 id。",
  "missing-key": "所示位置缺少必填字段。",
  "missing-one-of": "此处至少须填写所列字段中的一个。",
  "wrong-type": "值的类型不对（文本、数字、列表、映射）。",
  "out-of-range": "数值超出允许范围；等级应在0至5之间。",
  "not-allowed-value": "该值不在允许的取值之中。",
  "bad-format": "该值不符合所要求的格式（例如日期应写作YYYY-MM-DD格式）。",
  "empty-value": "该值为空。",
  "too-long": "该值超过允许的长度。",
  "too-few-items": "列表或映射的项数少于要求。",
  "too-many-items": "列表的项数超过上限（区域成员最多500个）。",
  "bad-key": "此处不允许这个字段。",
  "conflicting-keys": "两个字段互相排斥：等级与不适用，或成员文件与直接填写的指标。",
  "schema": "该值不符合JSON Schema。",
  "framework-kind": "城市回答创新阶段的指标；区域回答形成模式的指标。",
  "members-in-city": "只有区域才有成员。",
  "region-without-members": "区域须列出其成员城市，可直接写在文件中，也可引用单独的文件。",
  "member-outside-folder": "成员文件必须位于区域文件所在的文件夹内，经符号链接也不得越出。",
  "member-not-found": "成员文件不存在。",
  "member-not-a-file": "成员路径不是普通文件。",
  "duplicate-member": "同一成员列出了两次。",
  "duplicate-core": "区域中有多个成员被标为核心城市。",
  "member-cycle": "区域不能把自己列为成员。",
  "member-is-region": "成员是城市；区域不能作为另一个区域的成员。",
  "member-invalid": "成员文件本身有错误，未计入区域汇总。",
  "framework-version": "作答依据的是评估框架的另一个主版本；请核对作答是否仍然适用。",
  "evidence-after-assessment": "佐证材料的日期晚于其所支撑的评估。",
  "target-before-assessment": "目标日期早于评估日期。",
  "evidence-missing": "等级较高却没有佐证材料。",
  "evidence-stale": "佐证材料超过有效期限（从评估日期起算）。",
  "evidence-self-reported": "该等级仅有自报的佐证材料。",
  "gate-failed": "未通过命令行设置的达标检查（--min-stage、--fail-under）。",
  "unknown-dimension": "指标所属的维度未在评估框架中声明。",
  "empty-dimension": "维度中没有指标。",
  "duplicate-id": "同一 id 使用了两次。",
  "kind-fields": "缺少评估框架类型所需的字段，或有该类型不应有的字段。",
  "missing-translation": "评估框架的某段文本缺少其他文本已有的语言版本。",
  "vague-descriptor": "等级描述以模糊用语（如“部分”“定期”）划定界限，而非明确的数量、比例、频次或可核查材料。",
  "framework-replaced": "自定义评估框架（来自 --frameworks 或 .smartregion.yaml）与内置框架同名并取而代之，文件将按不同于内置框架的规则评判。请确认这是有意的变更。",
  "replaced-term": "评估框架的中文文本使用了术语表（frameworks/meta/zh-terms.yaml）已替换的用语，如以“人生事件”代替“一件事”；同一概念应只用一个术语，即政策文件所用的术语。",
  "exception-expired": ".smartregion.yaml 中的一项豁免已到期（按 --today 判断，未给出时按所适用评估的日期判断），不再覆盖任何问题，原先覆盖的问题重新计入。请解决这些问题，或商定新的有效期并写入。使用 --strict-exceptions 时此项为错误。",
  "exception-unused": ".smartregion.yaml 中的一项豁免在本次运行中没有覆盖任何问题或达标检查：其所指问题可能已解决，也可能写错了。请删除，或更正其代码、指标、达标检查或文件。",
  "disputed-answer": "reconcile 合并多位评估人员作答时标记为有分歧的作答：各人给出的等级相差两级及以上，或一方认定不适用而另一方给出等级。文件暂取规则选定的等级，但后续计划以此为据：请与评估人员协商一致，写入商定的等级并删除 `disputed: true`。validate --max-disputed N 在分歧多于 N 项时使运行失败。",
  "reserved-id": "id 使用了程序内部的保留名称（如 constructor、toString），程序无法把它与该名称区分开来。",
  "duplicate-schema-id": "评估框架的 $id 已被内置评估框架、内置的元Schema或另一个自定义评估框架占用；每个JSON Schema须有自己的 $id。",
};

/** The help of a rule in `locale`, and its first sentence as the short description. */
export function ruleHelp(code: Code, locale = "en"): { short: string; full: string } {
  if (locale === "zh-CN") {
    const full = RULE_HELP_ZH[code];
    return { short: full.split("。")[0]!, full };
  }
  const full = RULE_HELP[code];
  return { short: full.split(". ")[0]!.replace(/\.$/, ""), full };
}

/** A rule's help as plain text: what is wrong and how to fix it, then the example. */
export function ruleHelpText(code: Code, locale = "en"): string {
  const zh = locale === "zh-CN";
  const example = RULE_EXAMPLES[code];
  return `${ruleHelp(code, locale).full}\n\n${zh ? "错误示例：" : "Wrong:"}\n${example.wrong}\n\n${zh ? "正确示例：" : "Right:"}\n${example.right}`;
}

/** A fenced block of Markdown, its fence longer than any run of backticks in it. */
const fenced = (lang: string, text: string): string => {
  const fence = "`".repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((run) => run.length + 1)));
  return `${fence}${lang}\n${text}\n${fence}`;
};

/** A rule's help in Markdown: what is wrong and how to fix it, then an example of the mistake and of its fix. */
export function ruleHelpMarkdown(code: Code, locale = "en"): string {
  const zh = locale === "zh-CN";
  const example = RULE_EXAMPLES[code];
  return [
    ruleHelp(code, locale).full,
    `**${zh ? "错误示例" : "Wrong"}**`,
    fenced(example.lang, example.wrong),
    `**${zh ? "正确示例" : "Right"}**`,
    fenced(example.lang, example.right),
    `${zh ? "问题代码：" : "Problem code: "}\`${code}\``,
  ].join("\n\n");
}

import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { replacedTerms, replacedTermsIn } from "../../src/framework/translations.js";
import { ZH } from "../../src/i18n/words.js";
import { phrases, wrapText } from "../../src/format/wrap.js";
import { displayWidth } from "../../src/format/width.js";
import { ROOT, SHIPPED } from "../helpers.js";
import { smartregion } from "../cli/run.js";

/**
 * Every Chinese output of the shipped examples, as a user gets it (terminal at 80 columns,
 * Markdown, HTML, the template of init, the editor schema, the messages of validate on broken
 * files, reconcile, diff and the frameworks' own pages), framework texts and all: no half-width
 * punctuation where a Chinese writer puts full-width, no space between Chinese and a number, no
 * term the glossary replaces (frameworks/meta/zh-terms.yaml), and no line of a wrapped paragraph
 * broken between two characters of a phrase.
 */

const HAN = "\\u3400-\\u9fff\\uf900-\\ufaff";
const WIDE_MARKS = "\\u3000-\\u303f\\uff00-\\uffef";
/**
 * Half-width punctuation right after Chinese or a closing quote (spaces between allowed), or
 * right before Chinese or an opening quote. The input's own text inside quotes keeps its marks:
 * “Data register (v4)” is right.
 */
const AFTER = new RegExp(`[${HAN}${WIDE_MARKS}”’] *[,;:?!()\\[\\]]`, "gu");
const BEFORE = new RegExp(`[,;:?!()\\[\\]] *[${HAN}${WIDE_MARKS}“‘]`, "gu");
/** A space between a Chinese character and a number, either way round ("等级 2", "2 个"). */
const SPACED = new RegExp(`[${HAN}] +[0-9]|[0-9] +[${HAN}]`, "gu");

/** What may stand beside Chinese as it is typed: code spans, URLs, `file:line:col`, option names, command-line syntax (`[options]`, `<file>`, and in Chinese `[选项]`, `<文件>`), keys; and versions, where only punctuation is looked at. */
function allowed(line: string, versions = true): string {
  const typed = line
    .replace(/&nbsp;/g, " ")
    .replace(new RegExp(`[[<][\\w.=[\\]|${HAN}-]*[\\]>][\\w.]*`, "gu"), "_")
    .replace(/\[([^\]]*)\]\([^)\s]*\)/g, "$1")
    .replace(/`[^`]*`/g, "_")
    .replace(/https?:\/\/[^\s）)”"<]*/g, "_")
    .replace(/(?:^|\s)[\w./-]+:\d+(?::\d+)?(?=\s)/g, " _")
    .replace(/--[a-z][a-z-]*(?: [\w.-]+)?/g, "_")
    .replace(/(^|[\s#])[a-z][a-z-]*: /g, "$1_ ");
  return versions ? typed.replace(/\d+(?:\.\d+)+/g, "_") : typed;
}

/** Every place in `output` where half-width punctuation or a space before a number stands beside Chinese. */
export function typographyProblems(output: string): string[] {
  const problems: string[] = [];
  for (const raw of output.split("\n")) {
    for (const [line, pattern] of [[allowed(raw), AFTER], [allowed(raw), BEFORE], [allowed(raw, false), SPACED]] as const) {
      for (const match of line.matchAll(pattern)) problems.push(`${JSON.stringify(match[0])} in: ${raw.trim()}`);
    }
  }
  return problems;
}

const TERMS = replacedTerms(parse(readFileSync(join(SHIPPED, "meta", "zh-terms.yaml"), "utf8")));
/** Every term the glossary replaces that `output` uses. */
const replaced = (output: string) => replacedTermsIn(output, TERMS).map((t) => `${t.avoid} → ${t.use}`);

/**
 * Each 模式 that does not stand for a formation model: 模式 is 形成模式, or one named as such
 * (该模式, 其他模式, 最适合的模式), and the policy phrase 新业态、新模式 (in 新服务、新业态、新模式); a data schema is a
 * 数据标准 or 数据结构, an API pattern an 接口规范.
 */
const strayModes = (output: string) =>
  [...output.replace(/新业态、\s*(?:#\s*)?新模式/g, "").matchAll(/(.{0,6})模式/gu)].filter((m) => !/(?:形成|该|本|这一|其他|各|适合|的)$/u.test(m[1]!)).map((m) => m[0]);

/**
 * Lines of a wrapped paragraph (a line nearly as wide as the terminal, and the indented line
 * after it) that break between two Chinese characters: a break goes after punctuation, before an
 * opening mark, or after 的 in a phrase wider than a line.
 */
const indent = (line: string) => /^\s*/.exec(line)![0].length;

function brokenPhrases(output: string, width = 80): string[] {
  const lines = output.split("\n");
  const found: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const here = lines[i]!.replace(/^\s*#/, "").trimEnd();
    const next = lines[i + 1]!.replace(/^\s*#/, "").trim();
    // A table, a short line, and a problem's position and severity, which a space ends, are not paragraphs.
    if (/[│┌└├]/.test(here) || displayWidth(lines[i]!) < width - 30 || /(?:警告|错误)$/.test(here)) continue;
    if (indent(lines[i + 1]!) <= indent(lines[i]!)) continue;
    if (/[\u4e00-\u9fff]$/.test(here) && !here.endsWith("的") && /^[\u4e00-\u9fff]/.test(next)) found.push(`${here.slice(-6)}／${next.slice(0, 6)}`);
  }
  return found;
}

/** Lines, and lines of a table's cells, that start with closing punctuation or end with an opening mark: a break Chinese never makes. */
const badBreaks = (output: string) =>
  output
    .split("\n")
    .flatMap((line) => (line.includes("│") ? line.split("│").slice(1, -1) : [line.replace(/^\s*#/, "")]))
    .map((text) => text.trim())
    .filter((text) => /^[，。、；：！？）》」』〉]/.test(text) || /[（《「『〈“]$/.test(text));

/** The text of an HTML document, without its style and script, tags and the values of its attributes. */
const htmlText = (html: string) =>
  html
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]*>/g, "\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The descriptions and titles of a JSON Schema. */
const schemaTexts = (json: string) => {
  const texts: string[] = [];
  JSON.parse(json, (key, value: unknown) => {
    if ((key === "description" || key === "markdownDescription" || key === "title") && typeof value === "string") texts.push(value);
    return value;
  });
  return texts.join("\n");
};

const WIDE = { COLUMNS: "80" };
const run = (args: string[], cwd = ROOT) => {
  const result = smartregion(args, cwd, WIDE);
  expect(result.code, result.stderr).not.toBe(2);
  return result.stdout + result.stderr;
};

/** Broken assessments, each a few problems that validate words in Chinese. */
const BROKEN = mkdtempSync(join(tmpdir(), "smartregion-zh-"));
const broken: Record<string, string> = {
  "syntax.yaml": "smartregion: 1\nsubject: [1\n",
  "duplicate.yaml": "smartregion: 1\nsubject:\n  name: 甲市\n  name: 乙市\n",
  "city.yaml": [
    "smartregion: 1",
    "subject: {name: 甲市, kind: city}",
    "date: 2026-06-30",
    "frameworks: {integrated: 2.0.0, core-led: 1.0.0}",
    "targets: {stage: open, by: 2025-01-01}",
    "indicators:",
    "  integrated:",
    "    fundamental-databases:",
    "      level: 4",
    "      evidence:",
    "        - {title: 质量报告, link: 不是网址, date: 2027-01-01, method: self-reported}",
    "    business-databases: 9",
    "    sharing-platform: {level: 3, not-applicable: 由省级平台承担}",
    "members: []",
    "",
  ].join("\n"),
  "region.yaml": [
    "smartregion: 1",
    "subject: {name: 丙区域, kind: region}",
    "date: 2026-06-30",
    "frameworks: {core-led: 1.0.0, open: 1.0.0}",
    "members:",
    "  - file: nowhere.yaml",
    "  - {name: 甲市, core: true}",
    "  - {name: 甲市, core: true}",
    "",
  ].join("\n"),
  "stale.yaml": [
    "smartregion: 1",
    "subject: {name: 丁市, kind: city}",
    "date: 2026-06-30",
    "frameworks: {integrated: 1.0.0}",
    "indicators:",
    "  integrated:",
    "    fundamental-databases:",
    "      level: 3",
    "      evidence: [{title: 旧报告, link: https://example.org/old, date: 2019-01-01, method: measured}]",
    "    business-databases: 3",
    "",
  ].join("\n"),
};
for (const [name, text] of Object.entries(broken)) writeFileSync(join(BROKEN, name), text);

const EXAMPLES = ["examples/city.yaml", "examples/seattle-region.yaml", "examples/dublin-region/region.yaml", "examples/six-city-alliance.yaml"];
const FRAMEWORKS = readdirSync(SHIPPED).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ""));
const REVIEW = ["examples/city.yaml", "examples/riverton-review/second-assessor.yaml"];

/** Every command, for its help. */
const HELP = [[], ...["validate", "score", "report", "diff", "reconcile", "export", "import", "init", "schema", "frameworks"].map((c) => [c]), ...["list", "show", "lint"].map((c) => ["frameworks", c])];
/** A mistake of each kind commander reports: an unknown option and command, a missing argument, option value and required option, a value refused, too many arguments. */
const USAGE_ERRORS = [["--formt"], ["valdate"], ["diff"], ["validate", "--max-warnings"], ["export"], ["diff", "a", "b", "--format", "nope"], ["score", "--jobs", "x"], ["init", "a", "b"]];
/** A usage error's message and the help after it, which exit with 2. */
const usage = (args: readonly string[]) => {
  const result = smartregion([...args, "--lang", "zh-CN"], ROOT, WIDE);
  expect(result.code, args.join(" ")).toBe(2);
  return result.stderr;
};

/** Every Chinese output of the shipped examples, by the command that makes it, and the width it is drawn to, if it is. */
const OUTPUTS: [string, () => string, number?][] = [
  ...EXAMPLES.flatMap((file): [string, () => string, number?][] => [
    [`score ${file}`, () => run(["score", file, "--lang", "zh-CN", "--min-stage", "merged"]), 80],
    [`report ${file}`, () => run(["report", file, "--lang", "zh-CN"]), 80],
    [`report ${file} --format markdown`, () => run(["report", file, "--lang", "zh-CN", "--format", "markdown"]), undefined],
    [`report ${file} --format html`, () => htmlText(run(["report", file, "--lang", "zh-CN", "--format", "html"])), undefined],
  ]),
  // The template's comments keep to 100 columns, the notice on stderr to the terminal's 80.
  ["init city", () => run(["init", "--lang", "zh-CN", "-"]), 100],
  ["init region", () => run(["init", "--lang", "zh-CN", "--kind", "region", "--members", "甲市,乙市", "-"]), 100],
  ["schema --lang zh-CN", () => schemaTexts(run(["schema", "--lang", "zh-CN"])), undefined],
  ["schema/assessment.schema.zh-CN.json", () => schemaTexts(readFileSync(join(ROOT, "schema", "assessment.schema.zh-CN.json"), "utf8")), undefined],
  ["frameworks list", () => run(["frameworks", "list", "--lang", "zh-CN"]), 80],
  ...FRAMEWORKS.map((id): [string, () => string, number?] => [`frameworks show ${id}`, () => run(["frameworks", "show", id, "--lang", "zh-CN"]), 80]),
  ["frameworks lint frameworks", () => run(["frameworks", "lint", "frameworks", "--lang", "zh-CN"]), 80],
  ["validate examples/invalid.yaml", () => run(["validate", "examples/invalid.yaml", "--lang", "zh-CN"]), undefined],
  ["validate (broken files)", () => run(["validate", ...Object.keys(broken).map((f) => join(BROKEN, f)), "--lang", "zh-CN"]), undefined],
  ["report (broken evidence)", () => run(["report", join(BROKEN, "stale.yaml"), "--lang", "zh-CN"]), 80],
  ["reconcile", () => run(["reconcile", ...REVIEW, "--lang", "zh-CN"]), 80],
  ["reconcile --format markdown", () => run(["reconcile", ...REVIEW, "--lang", "zh-CN", "--format", "markdown"]), undefined],
  ["reconcile --format html", () => htmlText(run(["reconcile", ...REVIEW, "--lang", "zh-CN", "--format", "html"])), undefined],
  ["validate (an assessment reconciled with disputes)", () => {
    const agreed = join(BROKEN, "agreed.yaml");
    run(["reconcile", ...REVIEW, "-o", agreed]);
    const out = run(["validate", agreed, "--lang", "zh-CN"]);
    // The disputes are there to be worded: each assessor's level, and one who says the indicator does not apply.
    expect(out).toMatch(/disputed-answer/);
    expect(out).toMatch(/不适用/);
    return out;
  }, undefined],
  ["diff", () => run(["diff", ...REVIEW, "--lang", "zh-CN", "--force"]), 80],
  ["diff --format markdown", () => run(["diff", ...REVIEW, "--lang", "zh-CN", "--force", "--format", "markdown"]), undefined],
  ...HELP.map((command): [string, () => string, number?] => [`${[...command, "--help"].join(" ")}`, () => run([...command, "--help", "--lang", "zh-CN"]), 80]),
  ["usage errors", () => USAGE_ERRORS.map((args) => usage(args)).join("\n"), 80],
];

describe("the checker itself", () => {
  it("finds half-width marks and spaced numbers beside Chinese; allows paths, codes, options and versions", () => {
    expect(typographyProblems("集成创新  (integrated, 第1阶段)")).not.toHaveLength(0);
    expect(typographyProblems("信息资源共享  [sharing, 权重1]")).not.toHaveLength(0);
    expect(typographyProblems("门槛: 未通过")).not.toHaveLength(0);
    expect(typographyProblems("共需提升 2 个等级")).not.toHaveLength(0);
    expect(typographyProblems("撤回“open”, 见")).not.toHaveLength(0);
    expect(typographyProblems("撤回“Data register (version 4)”")).toEqual([]);
    expect(typographyProblems("等级 2.00")).not.toHaveLength(0);
    expect(typographyProblems("examples/invalid.yaml:6:9    错误  不允许的值")).toEqual([]);
    expect(typographyProblems("用 `smartregion validate FILE` 检查，门槛 --min-stage merged 未通过：版本1.0.0")).toEqual([]);
    expect(typographyProblems("见 https://example.org/a,b 与（yaml.schemas）")).toEqual([]);
    expect(typographyProblems("  diff [options] <older> [newer]  比较两次评估，或写作 [framework[.dimension]=]percent 针对某一维度")).toEqual([]);
  });
  it("finds 模式 that is not a formation model", () => {
    expect(strayModes("统一的数据模式；标准接口（API）模式")).toHaveLength(2);
    expect(strayModes("形成模式；该模式的关键；本模式区别于其他模式；最适合的模式；新业态、新模式；新服务、新业态、新模式；新业态、\n  # 新模式")).toEqual([]);
  });
  it("finds a replaced term", () => {
    expect(replaced("区域组建模式")).toEqual(["组建模式 → 形成模式"]);
    expect(replaced("公共数据开放平台")).toEqual([]);
  });
  it("finds a wrapped line broken inside a phrase", () => {
    const wide = "一".repeat(35);
    expect(brokenPhrases(`${wide}数\n  据共享。`)).not.toEqual([]);
    expect(brokenPhrases(`${wide}数据共享。\n下一段。`)).toEqual([]);
    expect(brokenPhrases(`${wide}数据，\n  共享。`)).toEqual([]);
  });
});

describe("every Chinese output of the shipped examples", () => {
  for (const [name, output, width] of OUTPUTS) {
    it(name, () => {
      const text = output();
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(typographyProblems(text), "half-width punctuation or a spaced number").toEqual([]);
      expect(replaced(text), "a term the glossary replaces").toEqual([]);
      expect(strayModes(text), "模式 that is not a formation model").toEqual([]);
      if (width === undefined) return;
      // Wider than its width, a line would be broken by the terminal, wherever it falls.
      expect(text.split("\n").filter((line) => displayWidth(line) > width), "a line wider than the terminal").toEqual([]);
      expect(brokenPhrases(text, width), "a line broken inside a phrase").toEqual([]);
      expect(badBreaks(text), "a line broken before closing punctuation or after an opening mark").toEqual([]);
    });
  }
});

describe("the zh-CN editor schema describes the envelope in Chinese", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "schema", "assessment.schema.zh-CN.json"), "utf8")) as {
    properties: Record<string, { description?: string }>;
    $defs: Record<string, { properties?: Record<string, { description?: string }> }>;
  };
  const fields = ["smartregion", "subject", "date", "targets", "members", "assessors", "frameworks", "indicators"];
  for (const field of fields) {
    it(field, () => {
      expect(schema.properties[field]?.description ?? "").toMatch(/[\u4e00-\u9fff]/);
    });
  }
  it("every description of the envelope and of an answer is Chinese", () => {
    const english: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (node === null || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === "description" && typeof value === "string" && !/[\u4e00-\u9fff]/.test(value)) english.push(`${path}: ${value}`);
        else visit(value, `${path}/${key}`);
      }
    };
    visit(schema, "#");
    expect(english).toEqual([]);
  });
});

/** Two-character words the template's comments must never be broken inside. */
const WORDS = ["若干", "信息", "部门", "数据", "平台", "城市", "共享", "服务", "政务", "建设", "管理", "指标", "等级", "评估"];

describe("the template's comments break Chinese only between words", () => {
  for (const [name, args] of [
    ["city", ["init", "--lang", "zh-CN", "-"]],
    ["region", ["init", "--lang", "zh-CN", "--kind", "region", "--members", "甲市,乙市", "-"]],
  ] as const) {
    it(name, () => {
      const lines = run([...args]).split("\n");
      const split: string[] = [];
      for (let i = 0; i + 1 < lines.length; i++) {
        const here = /^\s*#\s?(.*)$/.exec(lines[i]!)?.[1]?.trimEnd();
        const next = /^\s*#\s*(.*)$/.exec(lines[i + 1]!)?.[1]?.trim();
        if (here === undefined || next === undefined || here === "" || next === "") continue;
        const joint = `${here.slice(-1)}${next.charAt(0)}`;
        if (WORDS.includes(joint)) split.push(`${here.slice(-6)}／${next.slice(0, 6)}`);
        // A line that ends in Chinese goes on in Chinese: it may end only after punctuation, or
        // after the particle 的 where a phrase is wider than a line.
        if (/[\u4e00-\u9fff]$/.test(here) && !here.endsWith("的") && /^[\u4e00-\u9fff]/.test(next)) split.push(`${here.slice(-6)}／${next.slice(0, 6)}`);
      }
      expect(split).toEqual([]);
    });
  }
});

describe("Chinese breaks between phrases", () => {
  it("after punctuation or before an opening quote, never between two characters of a word", () => {
    expect(phrases("已有若干部门接入平台，并对外开放“公共数据”。").map((p) => p.piece)).toEqual(["已有若干部门接入平台，", "并对外开放", "“公共数据”。"]);
    expect(wrapText("已有若干部门接入平台，并对外开放数据。", 24)).toEqual(["已有若干部门接入平台，", "并对外开放数据。"]);
  });
  it("a short bracket stays with the word before it: a level's name, a gloss, a score", () => {
    expect(phrases("已有若干部门接入（含政务信息平台），并对外开放。").map((p) => p.piece)).toEqual(["已有若干部门接入（含政务信息平台），", "并对外开放。"]);
    // A longer aside, or one with a clause in it, may start a line.
    expect(phrases("按已公布的目标运行（如在规定天数内完成更新的记录占比），并通报。").map((p) => p.piece)).toEqual(["按已公布的目标运行", "（如在规定天数内完成更新的记录占比），", "并通报。"]);
    expect(phrases("确立默认规则（除另有规定外，均可共享）。").map((p) => p.piece)).toEqual(["确立默认规则", "（除另有规定外，", "均可共享）。"]);
    expect(wrapText("所填等级为3级（规范）", 16)).toEqual(["所填等级为", "3级（规范）"]);
    expect(wrapText("机器可读格式与接口（API）", 20)).toEqual(["机器可读格式与接口", "（API）"]);
    expect(wrapText("制约因素：公共数据开放（2.78\u00a0<\u00a03.00）；多方参与（2.44\u00a0<\u00a03.00）", 44)).toEqual(["制约因素：公共数据开放（2.78\u00a0<\u00a03.00）；", "多方参与（2.44\u00a0<\u00a03.00）"]);
  });
  it("a term wider than its cell puts its gloss on the next line, a level's name with its number", () => {
    expect(wrapText("城市运行管理中心（城市大脑）", 26)).toEqual(["城市运行管理中心", "（城市大脑）"]);
    expect(wrapText("评估等级4级（量化管理）", 16)).toEqual(["评估等级", "4级（量化管理）"]);
  });
  it("a word cut at the line's end never leaves closing punctuation at the start of a line, an opening mark at its end, or a number apart from its unit", () => {
    const lineStarts = (lines: string[]) => lines.slice(1).map((l) => l.charAt(0));
    const lineEnds = (lines: string[]) => lines.slice(0, -1).map((l) => l.slice(-1));
    for (let width = 8; width <= 16; width++) {
      for (const text of ["信息资源共享与交换平台覆盖全部部门）。", "共享清单（所列数据均可调用", "年办件量12345件共计38个部门达到3级"]) {
        const lines = wrapText(text, width);
        expect(lineStarts(lines).filter((c) => /[，。、；：！？）》」』〉]/.test(c)), `${text} at ${width}`).toEqual([]);
        expect(lineEnds(lines).filter((c) => /[（《「『〈]/.test(c)), `${text} at ${width}`).toEqual([]);
        expect(lines.slice(0, -1).filter((l, i) => /[0-9]$/.test(l) && /^[0-9级个件]/.test(lines[i + 1]!)), `${text} at ${width}`).toEqual([]);
      }
    }
  });
  it("a code span stays whole; a backtick with no partner opens nothing", () => {
    expect(wrapText("用 `npx smartregion score FILE` 评分，再看。", 28)).toEqual(["用", "`npx smartregion score FILE`", "评分，再看。"]);
    expect(phrases("一个 `未闭合 的反引号").map((p) => p.piece)).toEqual(["一个", "`未闭合", "的反引号"]);
  });
  it("a phrase that does not fit fills the line up to a 的 it may break after", () => {
    expect(wrapText("由空间毗邻、共同覆盖一片连续地域的若干地方政府组成的区域。", 50)).toEqual(["由空间毗邻、共同覆盖一片连续地域的", "若干地方政府组成的区域。"]);
    // 的确 is one word: the phrase goes whole to the next line.
    expect(wrapText("各地已经完成、这的确是重要工作。", 20)).toEqual(["各地已经完成、", "这的确是重要工作。"]);
  });

  it("a phrase wider than a line breaks after 的; Latin words stay whole", () => {
    expect(wrapText("由市领导担任负责人的牵头机构审批项目，并公布。", 24)).toEqual(["由市领导担任负责人的", "牵头机构审批项目，", "并公布。"]);
    expect(wrapText("用 smartregion validate 检查，再评分。", 24)).toEqual(["用 smartregion validate", "检查，再评分。"]);
  });
});

describe("one rule for spaces between Chinese and digits or Latin", () => {
  it("no space between Chinese and a number; a space beside a command, an option or a path", () => {
    expect(ZH.frameworks.stage("1")).toBe("第一阶段");
    expect(ZH.frameworks.version("1.0.0")).toBe("版本1.0.0");
    expect(ZH.frameworks.weight("3")).toBe("权重3");
    expect(ZH.validate.problems(3, 2, 1, 1, 1)).toMatch(/^共3个问题（2个错误，1个警告）/);
    expect(ZH.cli.tooManyWarnings(12, 10)).toBe("12个警告，超过 --max-warnings 10");
    expect(ZH.cli.wroteTemplate("a.yaml", 13, "smartregion")).toContain("已写入 a.yaml：");
  });
});

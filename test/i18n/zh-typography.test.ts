import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { frameworkTexts } from "../../src/framework/translations.js";
import { ZH } from "../../src/i18n/words.js";
import { phrases, wrapText } from "../../src/format/wrap.js";
import { ROOT, SHIPPED } from "../helpers.js";
import { smartregion } from "../cli/run.js";

/**
 * The software's own Chinese, as every Chinese output prints it for the shipped examples: no
 * half-width punctuation where a Chinese writer puts full-width, and no line of the template's
 * comments broken inside a word. Framework texts (titles, questions, descriptors, advice) are
 * someone else's: a problem that lies inside one of them is not the UI's and is left out.
 */

const HAN = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK = `[${HAN}\\u3000-\\u303f\\uff00-\\uffef“”‘’]`;
/** Half-width punctuation right after Chinese (spaces between allowed), or right before it. */
const AFTER = new RegExp(`${CJK} *[,;:?!()\\[\\]]`, "gu");
const BEFORE = new RegExp(`[,;:?!()\\[\\]] *${CJK}`, "gu");

/** What may hold half-width punctuation beside Chinese: code spans, URLs, `file:line:col`, option names. */
function allowed(line: string): string {
  return line
    .replace(/&nbsp;/g, " ")
    .replace(/\[([^\]]*)\]\([^)\s]*\)/g, "$1")
    .replace(/`[^`]*`/g, "_")
    .replace(/https?:\/\/[^\s）)”"<]*/g, "_")
    .replace(/(?:^|\s)[\w./-]+:\d+(?::\d+)?(?=\s)/g, " _")
    .replace(/--[a-z][a-z-]*/g, "_")
    .replace(/(^|[\s#])[a-z][a-z-]*: /g, "$1_ ")
    .replace(/\d+(?:\.\d+)+/g, "_");
}

const frameworkZh: string[] = readdirSync(SHIPPED)
  .filter((f) => f.endsWith(".yaml"))
  .flatMap((f) => frameworkTexts(parse(readFileSync(join(SHIPPED, f), "utf8")) as Record<string, unknown>))
  .map(({ text }) => (typeof text === "string" ? text : (text["zh-CN"] ?? "")).replace(/\s+/g, " "));
/** Whether a stretch of output comes from a framework's own text. */
const fromFramework = (stretch: string) => frameworkZh.some((text) => text.includes(stretch));

/** Every place in `output` where half-width punctuation stands beside Chinese in the UI's words. */
export function halfWidthProblems(output: string): string[] {
  const problems: string[] = [];
  for (const raw of output.split("\n")) {
    const line = allowed(raw);
    for (const pattern of [AFTER, BEFORE]) {
      for (const match of line.matchAll(pattern)) {
        // The match with a little of what is around it, to tell framework text from the UI's.
        const start = match.index;
        const around = line.slice(Math.max(0, start - 3), start + match[0].length + 3);
        if (fromFramework(match[0]) || fromFramework(around.trim())) continue;
        problems.push(`${JSON.stringify(match[0])} in: ${raw.trim()}`);
      }
    }
  }
  return problems;
}

/** The text of an HTML document, without its style, script and tags. */
const htmlText = (html: string) =>
  html
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]*>/g, "\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

const WIDE = { COLUMNS: "80" };
const run = (args: string[]) => {
  const result = smartregion(args, ROOT, WIDE);
  expect(result.stderr.replace(/^提示：.*\n?/m, "")).not.toMatch(/Error|错误：/);
  return result.stdout + result.stderr;
};

const EXAMPLES = ["examples/city.yaml", "examples/seattle-region.yaml", "examples/dublin-region/region.yaml", "examples/six-city-alliance.yaml"];

describe("the software's Chinese uses full-width punctuation", () => {
  it("the checker itself: finds half-width marks beside Chinese, allows paths, codes, options and versions", () => {
    expect(halfWidthProblems("集成创新  (integrated, 第 1 阶段)")).not.toHaveLength(0);
    expect(halfWidthProblems("信息资源共享  [sharing, 权重 1]")).not.toHaveLength(0);
    expect(halfWidthProblems("门槛: 未通过")).not.toHaveLength(0);
    expect(halfWidthProblems("examples/invalid.yaml:6:9    错误  不允许的值")).toEqual([]);
    expect(halfWidthProblems("用 `smartregion validate FILE` 检查，门槛 --min-stage：版本1.0.0")).toEqual([]);
    expect(halfWidthProblems("见 https://example.org/a,b 与（yaml.schemas）")).toEqual([]);
  });

  const outputs: [string, () => string][] = [
    ...EXAMPLES.flatMap((file): [string, () => string][] => [
      [`score ${file}`, () => run(["score", file, "--lang", "zh-CN", "--min-stage", "merged"])],
      [`report ${file}`, () => run(["report", file, "--lang", "zh-CN"])],
      [`report ${file} --format markdown`, () => run(["report", file, "--lang", "zh-CN", "--format", "markdown"])],
      [`report ${file} --format html`, () => htmlText(run(["report", file, "--lang", "zh-CN", "--format", "html"]))],
    ]),
    ["init city", () => run(["init", "--lang", "zh-CN", "-"])],
    ["init region", () => run(["init", "--lang", "zh-CN", "--kind", "region", "--members", "甲市,乙市", "-"])],
    ["frameworks list", () => run(["frameworks", "list", "--lang", "zh-CN"])],
    ...["integrated", "core-led"].map((id): [string, () => string] => [`frameworks show ${id}`, () => run(["frameworks", "show", id, "--lang", "zh-CN"])]),
    ["validate examples/invalid.yaml", () => run(["validate", "examples/invalid.yaml", "--lang", "zh-CN"])],
  ];
  for (const [name, output] of outputs) {
    it(name, () => {
      const text = output();
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(halfWidthProblems(text)).toEqual([]);
    });
  }

  it("the zh-CN editor schema: every description", () => {
    const schema = readFileSync(join(ROOT, "schema", "assessment.schema.zh-CN.json"), "utf8");
    const descriptions: string[] = [];
    JSON.parse(schema, (key, value: unknown) => {
      if ((key === "description" || key === "markdownDescription" || key === "title") && typeof value === "string") descriptions.push(value);
      return value;
    });
    expect(halfWidthProblems(descriptions.join("\n"))).toEqual([]);
  });
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
  it("after punctuation or before an opening mark, never between two characters of a word", () => {
    expect(phrases("已有若干部门接入（含政务信息平台），并对外开放。").map((p) => p.piece)).toEqual(["已有若干部门接入", "（含政务信息平台），", "并对外开放。"]);
    expect(wrapText("已有若干部门接入平台，并对外开放数据。", 24)).toEqual(["已有若干部门接入平台，", "并对外开放数据。"]);
  });
  it("a phrase wider than a line breaks after 的; Latin words stay whole", () => {
    expect(wrapText("由市领导担任负责人的牵头机构审批项目，并公布。", 24)).toEqual(["由市领导担任负责人的", "牵头机构审批项目，", "并公布。"]);
    expect(wrapText("用 smartregion validate 检查，再评分。", 24)).toEqual(["用 smartregion validate", "检查，再评分。"]);
  });
});

describe("one rule for spaces between Chinese and digits or Latin", () => {
  it("no space between Chinese and a number; a space beside a command, an option or a path", () => {
    expect(ZH.frameworks.stage("1")).toBe("第1阶段");
    expect(ZH.frameworks.version("1.0.0")).toBe("版本1.0.0");
    expect(ZH.frameworks.weight("3")).toBe("权重3");
    expect(ZH.validate.problems(3, 2, 1, 1, 1)).toMatch(/^共3个问题（2个错误，1个警告）/);
    expect(ZH.cli.tooManyWarnings(12, 10)).toBe("12个警告，超过 --max-warnings 10");
    expect(ZH.cli.wroteTemplate("a.yaml", 13, "smartregion")).toContain("已写入 a.yaml：");
  });
});

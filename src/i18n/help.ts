/**
 * The words of the command line's help (what each command, argument and option does) and of its
 * usage errors, in each language. English is commander's own layout and errors; the Chinese
 * brings its own (`commander`), written to the rules of `words.ts`: full-width punctuation, no
 * space between Chinese and a number, one beside what a user types (an option, a value, a file).
 */
export interface HelpWords {
  readonly program: string;
  readonly global: {
    readonly frameworks: string;
    readonly noConfig: string;
    readonly jobs: string;
    readonly lang: (locales: readonly string[]) => string;
    /** After a usage error, in place of the whole help, which would push the error off the screen. */
    readonly helpHint: string;
    readonly debug: string;
  };
  /** Options and arguments several commands share. */
  readonly shared: {
    readonly paths: string;
    readonly formats: (names: readonly string[], fallback: string) => string;
    readonly format: string;
    readonly output: string;
    readonly maxFileSize: string;
    readonly base: string;
    readonly today: string;
    readonly showExcepted: string;
    readonly strictExceptions: string;
  };
  readonly validate: {
    readonly description: string;
    readonly paths: string;
    readonly staged: string;
    readonly quiet: string;
    readonly maxWarnings: string;
    readonly maxDisputed: string;
    readonly cache: string;
    readonly cacheLocation: (file: string) => string;
    readonly cacheStrategy: string;
  };
  readonly score: { readonly description: string; readonly minStage: string; readonly failUnder: string };
  readonly report: { readonly description: string; readonly evidenceMaxAge: string; readonly evidenceFromLevel: string; readonly strictEvidence: string };
  readonly diff: { readonly description: string; readonly older: string; readonly newer: string; readonly since: string; readonly failOnRegression: string; readonly force: string };
  readonly reconcile: { readonly description: string; readonly files: string; readonly output: string; readonly report: string; readonly rule: string; readonly maxDisputed: string; readonly force: string };
  readonly export: { readonly description: string; readonly assessment: string; readonly format: string; readonly output: string; readonly kind: string; readonly subject: string };
  readonly import: { readonly description: string; readonly workbook: string; readonly output: string; readonly into: string };
  readonly init: {
    readonly description: string;
    readonly file: string;
    readonly kind: string;
    readonly subject: string;
    readonly members: string;
    readonly only: string;
    readonly date: string;
    readonly schemaRef: string;
    readonly force: string;
  };
  readonly schema: { readonly description: string; readonly files: string; readonly output: string; readonly relink: string; readonly editorSettings: string; readonly to: string };
  readonly frameworks: {
    readonly description: string;
    readonly list: string;
    readonly show: string;
    readonly id: string;
    readonly lint: string;
    readonly paths: string;
    readonly strict: string;
  };
  /** Why a value given to an option is refused. */
  readonly expected: {
    readonly megabytes: string;
    readonly languages: (locales: readonly string[]) => string;
    readonly wholeNumber: string;
    readonly day: string;
  };
  /** An option's or argument's line: its description, then its choices and its default, if any. */
  readonly described: (description: string, choices: readonly string[] | undefined, shownDefault: string | undefined) => string;
  /** A default value as the help shows it. */
  readonly value: (value: unknown) => string;
  /** commander's own words, where they are not commander's English. */
  readonly commander?: CommanderWords;
}

/** What commander itself says: its headings, its own options and commands, and its usage errors. */
export interface CommanderWords {
  readonly titles: Readonly<Record<string, string>>;
  /**
   * The words of the placeholders in usage lines and option terms (`[options]`, `<file>`), as a
   * command line in the language names them; a word not here is shown as it is.
   */
  readonly placeholders: Readonly<Record<string, string>>;
  readonly help: string;
  readonly helpCommand: string;
  readonly version: string;
  readonly error: (message: string) => string;
  readonly unknownOption: (option: string, similar: readonly string[]) => string;
  readonly unknownCommand: (command: string, similar: readonly string[]) => string;
  readonly missingArgument: (argument: string) => string;
  readonly optionMissingArgument: (option: string) => string;
  readonly missingOption: (option: string) => string;
  readonly invalidOption: (option: string, value: string, reason: string) => string;
  readonly invalidArgument: (argument: string, value: string, reason: string) => string;
  readonly allowedChoices: (choices: readonly string[]) => string;
  readonly tooManyArguments: (command: string | undefined, expected: number, given: number) => string;
}

const OUTPUT = "write the output to a file instead of stdout";

export const EN_HELP: HelpWords = {
  program: "Validate, score and report on smart-city and smart-region self-assessments.",
  global: {
    frameworks: "also load the frameworks in this folder (repeatable); they replace shipped ones of the same id",
    noConfig: "ignore .smartregion.yaml",
    jobs: "threads for long runs, this one among them: 0 picks by cores and number of files, 1 uses no worker",
    lang: (locales) => `language of reports and messages: ${locales.join(" or ")}; zh-CN,en puts both in one HTML or Markdown document (default: from LC_ALL, LC_MESSAGES or LANG)`,
    debug: "show the stack of an internal error",
    helpHint: "(add --help to see the command's options)",
  },
  shared: {
    paths: "files, folders or glob patterns; none: the assessments .smartregion.yaml lists",
    formats: (names, fallback) => `output format, repeatable, each to stdout or its own file: ${names.join(", ")} (default: ${fallback})`,
    format: "output format",
    output: OUTPUT,
    maxFileSize: "refuse files larger than this",
    base: "the folder SARIF file paths are relative to (default: the top of the git repository, else the working folder)",
    today: "judge the exceptions' expiry dates on this day (default: each assessment's own date; never the clock)",
    showExcepted: "list the findings an exception covers (they are counted either way)",
    strictExceptions: "make an expired exception an error, not a warning",
  },
  validate: {
    description: "check assessment files against the frameworks",
    paths: "files, folders (walked for *.yaml and *.yml, framework files left out) or glob patterns; none: the assessments .smartregion.yaml lists",
    staged: "check the assessment files staged for the next commit, as a pre-commit hook does",
    quiet: "report errors only, not warnings",
    maxWarnings: "exit 1 when there are more warnings than this",
    maxDisputed: "exit 1 when more answers than this are disputed among assessors (a reconciled file)",
    cache: "remember the findings of unchanged files between runs",
    cacheLocation: (file) => `the cache file, or a folder to keep ${file} in (default: ./${file})`,
    cacheStrategy: "how a changed file is told: by size and modification time, or by content",
  },
  score: {
    description: "score assessments: stages, dimensions, formation models, region roll-up",
    minStage: "exit 1 unless this stage is reached (a region: by its weakest member)",
    failUnder: "exit 1 when a score is below this percent, of the subject or of [framework[.dimension]=]percent (repeatable)",
  },
  report: {
    description: "the gap report: prioritised gaps, the plan to the next stage, evidence to check",
    evidenceMaxAge: "evidence older than this, counted back from the assessment date, is stale (default: each framework's, 36 in the shipped ones)",
    evidenceFromLevel: "levels from this one up need evidence (default: each framework's, 3 in the shipped ones)",
    strictEvidence: "make evidence problems errors (exit 1)",
  },
  diff: {
    description: "progress between two assessments of one subject: indicators, evidence, scores and stages",
    older: "the earlier assessment (with --since, the one assessment to compare with itself)",
    newer: "the later assessment",
    since: "compare the file with itself at this git revision (a branch, tag or commit), its member files as they were there",
    failOnRegression: "exit 1 when any stage, score or indicator went down",
    force: "compare even when the two name different subjects",
  },
  reconcile: {
    description: "several assessors' files of one subject: their agreement, the indicators they dispute, and one merged assessment",
    files: "2 to 20 assessments of one city or region, one an assessor",
    output: "write the merged assessment here: each indicator at the rule's level, every assessor's evidence, disputes marked",
    report: "write the output (the format's) to a file instead of stdout",
    rule: "the merged level: the median of the levels given (the lower middle one on an even count), or the lowest",
    maxDisputed: "exit 1 when more indicators than this are in dispute",
    force: "reconcile even when the files name different subjects",
  },
  export: {
    description: "write the workshop workbook (XLSX) of an assessment, or of an empty one, to fill in in a spreadsheet",
    assessment: "the assessment whose answers fill the workbook; none: an empty one",
    format: "the workbook's format",
    output: "the workbook to write (.xlsx)",
    kind: "without an assessment: a city or a region",
    subject: "without an assessment: the city or region",
  },
  import: {
    description: "read a workshop workbook back into an assessment file that validates",
    workbook: "the workbook (.xlsx) made by export and filled in",
    output: "the new assessment file to write",
    into: "update this assessment in place, keeping its comments and every key the workbook does not hold",
  },
  init: {
    description: "write a template assessment: every indicator with its question and level descriptors as comments",
    file: "where to write it; - for stdout",
    kind: "what is assessed",
    subject: "the name of the city or region",
    members: "a region's member cities, separated by commas",
    only: "only these frameworks, separated by commas (default: every stage, and for a region every model)",
    date: "the day the assessment speaks for (default: today)",
    schemaRef: "what the editor schema line points at (default: the schema shipped with smartregion)",
    force: "replace the file if it exists",
  },
  schema: {
    description: "print the JSON Schema of an assessment, for editors (YAML language server) and other tools",
    files: "with --relink: the assessment files whose schema line to point at the schema again",
    output: "write the schema to a file instead of stdout",
    relink: "point the schema line of the files given at the schema again, relative to each (after a move)",
    editorSettings: "map the schema to the assessments .smartregion.yaml lists, in .vscode/settings.json beside it",
    to: "with --relink or --editor-settings: the schema file to point at (default: the one this install ships)",
  },
  frameworks: {
    description: "browse the frameworks",
    list: "list the frameworks and what each assesses",
    show: "show one framework: its dimensions, indicators and level descriptors",
    id: "framework id, as in `frameworks list`",
    lint: "check framework files: the meta-schema, unique ids, level descriptors, weights, thresholds, translations",
    paths: "framework files or folders",
    strict: "exit 1 on warnings (missing translations) too",
  },
  expected: {
    megabytes: "expected a positive number of megabytes",
    languages: (locales) => `expected ${locales.join(" or ")}, or several separated by commas`,
    wholeNumber: "expected a whole number",
    day: "expected a valid date written YYYY-MM-DD",
  },
  described: (description, choices, shownDefault) => {
    const extra = [...(choices === undefined ? [] : [`choices: ${choices.map((c) => JSON.stringify(c)).join(", ")}`]), ...(shownDefault === undefined ? [] : [`default: ${shownDefault}`])];
    return extra.length === 0 ? description : `${description} (${extra.join(", ")})`;
  },
  value: (value) => JSON.stringify(value),
};

/** The Chinese help, made only when a run speaks Chinese. */
/** The words of the Chinese help's placeholders (see CommanderWords). */
const ZH_PLACEHOLDERS: Readonly<Record<string, string>> = {
  options: "选项",
  command: "命令",
  assessment: "评估文件",
  dir: "文件夹",
  file: "文件",
  files: "文件",
  folder: "文件夹",
  format: "格式",
  framework: "框架",
  dimension: "维度",
  id: "标识",
  ids: "标识",
  kind: "类型",
  languages: "语言",
  level: "等级",
  months: "月数",
  n: "数量",
  name: "名称",
  names: "名称",
  newer: "新评估",
  older: "旧评估",
  "path-or-url": "路径或网址",
  path: "路径",
  paths: "路径",
  percent: "百分比",
  revision: "版本",
  rule: "规则",
  schema: "Schema文件",
  stage: "阶段",
  strategy: "方式",
  workbook: "工作簿",
};

export function zhHelp(): HelpWords {
  const output = "将结果写入文件，而不是标准输出";
  return {
    program: "检查智慧城市和智慧区域的自评估文件，计算得分，生成差距报告。",
    global: {
      frameworks: "另外加载该文件夹中的评估框架（可多次使用）；与内置框架标识相同的，取代内置框架",
      noConfig: "不读取 .smartregion.yaml",
      jobs: "文件较多时使用的线程数（含主线程）：取0时按CPU核数和文件数自动确定，取1时不启用工作线程",
      lang: (locales) => `报告和提示信息的语言：${locales.join(" 或 ")}，默认按 LC_ALL、LC_MESSAGES 或 LANG 确定；设为 zh-CN,en 时，HTML和Markdown文档中英文并列`,
      debug: "出现内部错误时显示调用栈",
      helpHint: "（加 --help 可查看该命令的选项）",
    },
    shared: {
      paths: "文件、文件夹或通配符；不给出时使用 .smartregion.yaml 所列的评估文件",
      formats: (names, fallback) => `输出格式，可多次使用，每种格式输出到标准输出或各自的文件：${names.join("、")}（默认：${fallback}）`,
      format: "输出格式",
      output,
      maxFileSize: "文件大小上限（MB），超过则不读取",
      base: "SARIF报告里文件路径的基准文件夹（默认为git仓库的根文件夹，否则为当前文件夹）",
      today: "以该日期判断豁免是否过期（默认以各评估文件的评估日期为准，不取系统时间）",
      showExcepted: "列出已豁免的问题（无论是否列出，均计入统计）",
      strictExceptions: "豁免过期时报错误，而不是警告",
    },
    validate: {
      description: "对照评估框架检查评估文件",
      paths: "文件、文件夹（查找其中的 *.yaml 和 *.yml，框架文件除外）或通配符；不给出时检查 .smartregion.yaml 所列的评估文件",
      staged: "检查已暂存、待下次提交的评估文件，供 pre-commit 钩子使用",
      quiet: "只报告错误，不报告警告",
      maxWarnings: "警告多于此数时，退出码为1",
      maxDisputed: "评估人员之间有分歧的作答多于此数时，退出码为1（用于合并后的评估文件）",
      cache: "缓存检查结果，再次运行时跳过未改动的文件",
      cacheLocation: (file) => `缓存文件的路径；给出文件夹时，缓存文件 ${file} 存放其中（默认：./${file}）`,
      cacheStrategy: "判断文件是否改动的方式：按大小和修改时间，或按内容",
    },
    score: {
      description: "计算评估得分：阶段、维度、形成模式和区域汇总",
      minStage: "未达到该阶段时，退出码为1（区域以发展水平最低的成员计）",
      failUnder: "得分低于该百分比时，退出码为1；可针对整体，或写作“框架标识=百分比”“框架标识.维度标识=百分比”针对某一框架或维度（如 integrated.sharing=60；可多次使用）",
    },
    report: {
      description: "生成差距报告：按优先级排列的差距、达到下一阶段的改进计划和需核实的佐证材料",
      evidenceMaxAge: "佐证材料早于评估日期超过此月数即视为过旧（默认按各框架的规定，内置框架为36个月）",
      evidenceFromLevel: "该等级及以上须有佐证材料（默认按各框架的规定，内置框架为3级）",
      strictEvidence: "将佐证材料问题视为错误（退出码为1）",
    },
    diff: {
      description: "比较同一对象的两次评估：指标、佐证材料、得分和阶段的变化",
      older: "较早的评估文件（使用 --since 时，为要与其历史版本比较的评估文件）",
      newer: "较新的评估文件",
      since: "与该文件在此git版本（分支、标签或提交）中的内容比较，成员文件也取该版本中的内容",
      failOnRegression: "任一阶段、得分或指标下降时，退出码为1",
      force: "两份文件的评估对象不同时也进行比较",
    },
    reconcile: {
      description: "汇总多位评估人员对同一对象的评估：一致性、存在分歧的指标，并合并为一份评估",
      files: "同一城市或区域的2至20份评估文件，每位评估人员一份",
      output: "将合并后的评估写入此文件：各指标取合并规则确定的等级，汇集各评估人员的佐证材料，并标出分歧",
      report: output,
      rule: "合并等级的取法：取各评估人员等级的中位数（偶数个时取中间两个中较低者），或取最低值",
      maxDisputed: "存在分歧的指标多于此数时，退出码为1",
      force: "各文件的评估对象不同时也进行合并",
    },
    export: {
      description: "导出评估填报工作簿（XLSX），按已有评估预填或为空白，供在电子表格软件中填写",
      assessment: "用于预填工作簿的评估文件；不给出时导出空白工作簿",
      format: "工作簿格式",
      output: "要写入的工作簿文件（.xlsx）",
      kind: "不给出评估文件时的评估对象类型：城市或区域",
      subject: "不给出评估文件时的城市或区域名称",
    },
    import: {
      description: "将填好的工作簿读回为可通过检查的评估文件",
      workbook: "由 export 导出并已填写的工作簿（.xlsx）",
      output: "要写入的新评估文件",
      into: "直接更新该评估文件，保留其中的注释和工作簿未涉及的所有键",
    },
    init: {
      description: "生成评估模板：列出全部指标，并以注释给出各指标的问题和等级描述",
      file: "写入的文件；为 - 时输出到标准输出",
      kind: "评估对象类型：城市或区域",
      subject: "城市或区域的名称",
      members: "区域的成员城市，以逗号分隔",
      only: "只包含这些评估框架，以逗号分隔（默认包含所有阶段，区域另含所有形成模式）",
      date: "评估日期（默认为当天）",
      schemaRef: "编辑器 $schema 行指向的路径或网址（默认为 smartregion 自带的JSON Schema文件）",
      force: "文件已存在时覆盖",
    },
    schema: {
      description: "输出评估文件的JSON Schema，供编辑器（YAML Language Server）和其他工具使用",
      files: "与 --relink 一起使用：要重新指向JSON Schema文件的评估文件",
      output: "将JSON Schema写入文件，而不是标准输出",
      relink: "将所给文件的 $schema 行重新指向JSON Schema文件，路径相对于各文件（用于文件移动之后）",
      editorSettings: "为 .smartregion.yaml 所列的评估文件关联JSON Schema，写入同一文件夹下的 .vscode/settings.json",
      to: "与 --relink 或 --editor-settings 一起使用时，指定要指向的JSON Schema文件（默认为本次安装自带的文件）",
    },
    frameworks: {
      description: "查看评估框架",
      list: "列出评估框架及各自评估的内容",
      show: "查看某个评估框架的维度、指标和等级描述",
      id: "框架标识，见 `frameworks list`",
      lint: "检查评估框架文件：框架结构、标识唯一性、等级描述、权重、阈值和译文",
      paths: "框架文件或文件夹",
      strict: "有警告（如缺少译文）时，退出码也为1",
    },
    expected: {
      megabytes: "应为大于0的数（单位MB）",
      languages: (locales) => `应为 ${locales.join(" 或 ")}，或以逗号分隔的多种语言`,
      wholeNumber: "应为0或正整数",
      day: "不是有效日期（格式应为YYYY-MM-DD）",
    },
    described: (description, choices, shownDefault) => {
      const extra = [...(choices === undefined ? [] : [`可选值：${choices.join("、")}`]), ...(shownDefault === undefined ? [] : [`默认：${shownDefault}`])];
      return extra.length === 0 ? description : `${description}（${extra.join("；")}）`;
    },
    value: (value) => (typeof value === "string" ? value : JSON.stringify(value)),
    commander: {
      titles: { "Usage:": "用法：", "Arguments:": "参数：", "Options:": "选项：", "Global Options:": "全局选项：", "Commands:": "命令：" },
      placeholders: ZH_PLACEHOLDERS,
      help: "显示帮助",
      helpCommand: "显示某个命令的帮助",
      version: "显示版本号",
      error: (message) => `错误：${message}`,
      unknownOption: (option, similar) => `未知选项 ${option}${similar.length === 0 ? "" : `（相近的选项：${similar.join("、")}）`}`,
      unknownCommand: (command, similar) => `未知命令 ${command}${similar.length === 0 ? "" : `（相近的命令：${similar.join("、")}）`}`,
      missingArgument: (argument) => `缺少参数“${ZH_PLACEHOLDERS[argument] ?? argument}”`,
      optionMissingArgument: (option) => `选项 ${option} 缺少取值`,
      missingOption: (option) => `缺少必需的选项 ${option}`,
      invalidOption: (option, value, reason) => `选项 ${option} 的值“${value}”无效：${reason}`,
      invalidArgument: (argument, value, reason) => `参数 ${argument} 的值“${value}”无效：${reason}`,
      allowedChoices: (choices) => `可选值为 ${choices.join("、")}`,
      tooManyArguments: (command, expected, given) => `参数过多：${command === undefined ? "" : `${command} `}最多接受${expected}个参数，实际给出${given}个`,
    },
  };
}

import { Help } from "commander";
import type { HelpConfiguration, Option, OutputConfiguration } from "commander";
import { EN_HELP, zhHelp } from "../i18n/help.js";
import type { CommanderWords, HelpWords } from "../i18n/help.js";
import { envLocale, parseLangs } from "../i18n/locale.js";
import type { Locale } from "../i18n/locale.js";
import { printable, printableLines } from "../format/printable.js";
import { displayWidth } from "../format/width.js";
import { wrapText } from "../format/wrap.js";
import { writeStdout } from "../node/output.js";

/**
 * The language of help and of usage errors, known before the command line is read: the last
 * `--lang` before `--` (the one commander keeps), else the environment's. A `--lang` it cannot
 * read leaves the one before it.
 */
export function helpLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  let found: Locale | undefined;
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const arg = argv[i]!;
    const value = arg === "--lang" ? argv[++i] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (value !== undefined) found = parseLangs(value)?.[0] ?? found;
  }
  return found ?? envLocale(env);
}

/** The words of the help in a language; the Chinese are made only when asked for. */
export const helpWords = (locale: Locale): HelpWords => (locale === "zh-CN" ? zhHelp() : EN_HELP);

/**
 * An option's line of help as commander writes it, less a default that tells the reader
 * nothing: the empty list a repeatable option starts from.
 */
function optionDescription(option: Option, h: HelpWords): string {
  const value: unknown = option.defaultValue;
  const empty = Array.isArray(value) && value.length === 0;
  const shown = value !== undefined && !empty && (option.required || option.optional || (option.isBoolean() && typeof value === "boolean"));
  return h.described(option.description, option.argChoices, shown ? (option.defaultValueDescription ?? h.value(value)) : undefined);
}

/**
 * How the help is laid out in a language. English is commander's own layout. Chinese has its
 * headings, choices and defaults, measures a character as the two columns a terminal gives it,
 * and wraps between phrases, not only at spaces (commander's wrap sees a Chinese sentence as one
 * word); its usage line has no space after the full-width colon.
 */
export function helpSettings(h: HelpWords): HelpConfiguration {
  const options: HelpConfiguration = { optionDescription: (option) => optionDescription(option, h) };
  const c = h.commander;
  if (c === undefined) return options;
  return {
    ...options,
    argumentDescription: (argument) => h.described(argument.description, argument.argChoices, argument.defaultValue === undefined ? undefined : (argument.defaultValueDescription ?? h.value(argument.defaultValue))),
    styleTitle: (title) => c.titles[title] ?? title,
    // The placeholders in the usage line, the command list and the option and argument terms.
    styleOptionText: (text) => placeholders(text, c),
    styleSubcommandText: (text) => placeholders(text, c),
    styleArgumentText: (text) => (/^[[<]/.test(text) ? placeholders(text, c) : (c.placeholders[text] ?? text)),
    displayWidth,
    boxWrap: (text, width) => (width < 40 ? text : text.split("\n").map((line) => wrapText(line, width).join("\n")).join("\n")),
    formatHelp: (command, helper) => Help.prototype.formatHelp.call(helper, command, helper).replace(/^(\S+：) /, "$1"),
  };
}

/**
 * The words of a term's placeholders (`<file>`, `[paths...]`, `[framework[.dimension]=]`) in the
 * language; the rest of the term (`--output`, `...`) as it is.
 */
const placeholders = (text: string, c: CommanderWords): string => text.replace(/([[<.=])([a-z][a-z-]*)(?=[\]>=.[])/g, (all, open: string, word: string) => (c.placeholders[word] === undefined ? all : `${open}${c.placeholders[word]}`));

/**
 * Where commander writes. An error is one line: what it quotes from the command line is shown
 * with its control characters as escapes, and in Chinese it is worded in Chinese. Help keeps its
 * own lines.
 */
export function outputSettings(h: HelpWords): OutputConfiguration {
  const c = h.commander;
  return {
    writeOut: writeStdout,
    writeErr: (text) => process.stderr.write(printableLines(text)),
    outputError: (text, write) => write(`${c === undefined ? englishError(text.trimEnd()) : printable(usageError(text.trimEnd(), c))}\n`),
  };
}

/**
 * commander's English error, escaped: its suggestion ("(Did you mean --format?)") stays on a line
 * of its own, as commander writes it, and every break in what the user typed is escaped.
 */
function englishError(text: string): string {
  const suggested = /^([\s\S]*)\n(\(Did you mean [\s\S]*\?\))$/.exec(text);
  return suggested === null ? printable(text) : `${printable(suggested[1]!)}\n${printable(suggested[2]!)}`;
}

/** The long flag of an option's flags ("-o, --output <file>" is --output), else the short one. */
const flag = (flags: string) => /--[^\s,<[]+/.exec(flags)?.[0] ?? flags.split(/[\s,]/)[0] ?? flags;
const similar = (list: string | undefined) => (list === undefined ? [] : list.split(", "));
/** Why a value is refused: the choices commander names, or the reason this command line's own parser gave, in the run's language. */
const reason = (text: string, c: CommanderWords) => {
  const choices = /^Allowed choices are (.*)\.$/s.exec(text);
  return choices === null ? text : c.allowedChoices(similar(choices[1]));
};

/** commander's English usage errors (commander 14), each with the facts it quotes. */
const USAGE_ERRORS: readonly [RegExp, (m: RegExpExecArray, c: CommanderWords) => string][] = [
  [/^error: unknown option '(.*)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s, (m, c) => c.unknownOption(m[1]!, similar(m[2]))],
  [/^error: unknown command '(.*)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s, (m, c) => c.unknownCommand(m[1]!, similar(m[2]))],
  [/^error: missing required argument '(.*)'$/s, (m, c) => c.missingArgument(m[1]!)],
  [/^error: option '(.*)' argument missing$/s, (m, c) => c.optionMissingArgument(flag(m[1]!))],
  [/^error: required option '(.*)' not specified$/s, (m, c) => c.missingOption(flag(m[1]!))],
  [/^error: option '(.*?)' argument '(.*)' is invalid\. (.*)$/s, (m, c) => c.invalidOption(flag(m[1]!), m[2]!, reason(m[3]!, c))],
  [/^error: command-argument value '(.*)' is invalid for argument '(.*?)'\. (.*)$/s, (m, c) => c.invalidArgument(m[2]!, m[1]!, reason(m[3]!, c))],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s, (m, c) => c.tooManyArguments(m[1], Number(m[2]), Number(m[3]))],
];

/** A usage error of commander's in the words of `c`; one it does not know stays as commander wrote it. */
export function usageError(message: string, c: CommanderWords): string {
  for (const [pattern, say] of USAGE_ERRORS) {
    const m = pattern.exec(message);
    if (m !== null) return c.error(say(m, c));
  }
  return message;
}

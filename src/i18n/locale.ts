/** The languages the tool speaks. English is the fallback of every text. */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

/** What `--lang` takes: one locale, or several for the formats that can show them side by side. */
export function parseLangs(value: string): Locale[] | undefined {
  const parts = value.split(",").map((v) => v.trim()).filter((v) => v !== "");
  const langs = parts.map(localeOf);
  if (parts.length === 0 || langs.some((l) => l === undefined)) return undefined;
  return [...new Set(langs as Locale[])];
}

/** A locale name as people write it (`zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `EN_us`), or undefined. */
export function localeOf(name: string): Locale | undefined {
  const base = name.replace(/[.@].*$/, "").replace(/_/g, "-").toLowerCase();
  if (base === "en" || base.startsWith("en-")) return "en";
  // Simplified Chinese is the only Chinese there is; a reader of Traditional is better served by it than by English.
  if (base === "zh" || base.startsWith("zh-")) return "zh-CN";
  return undefined;
}

/**
 * The locale of the environment, as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG; the
 * first that is set decides, and English stands for one the tool does not speak (C, POSIX, de_DE).
 */
export function envLocale(env: NodeJS.ProcessEnv): Locale {
  for (const key of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[key];
    if (value !== undefined && value !== "") return localeOf(value) ?? "en";
  }
  return "en";
}

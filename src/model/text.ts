/** Human text from a framework: a plain string (English) or one string per locale. */
export type Text = string | { readonly [locale: string]: string };

export const DEFAULT_LOCALE = "en";

/** The text in `locale`, falling back to English when that locale is missing. */
export function localize(text: Text, locale: string = DEFAULT_LOCALE): string {
  if (typeof text === "string") return text;
  return text[locale] ?? text[DEFAULT_LOCALE] ?? "";
}

/** The locales a text is written in. */
export function localesOf(text: Text): string[] {
  return typeof text === "string" ? [DEFAULT_LOCALE] : Object.keys(text);
}

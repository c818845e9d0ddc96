/** The formats the precompiled validator asks most often, answered quickly: links and days. */

/**
 * Links as evidence usually holds them, told quickly: every piece is one of the alternatives of
 * ajv-formats' RFC 3986 expression for the `uri` format (the scheme `http:` or `https:`, `//`, a
 * registered name of unreserved characters, a port, an absolute path, a query, a fragment, each
 * with the same characters), so this accepts a subset of what that one accepts. The precompiled
 * validator tries it first and hands anything else to ajv-formats: V8 compiles that large
 * expression on its first use, which cost a run of one file some 4 ms.
 */
export const URI_QUICK = /^https?:\/\/[a-z0-9\-._~]+(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/**
 * Whether `text` is a real calendar day written YYYY-MM-DD, told from its characters without a
 * regular expression or the array a match makes: the same answer as ajv-formats' `date` format
 * (RFC 3339 full-date), which the precompiled validator asks of every piece of evidence.
 * Self-contained, so the build can write its source into the validator's module.
 */
export function calendarDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const digit = (i: number): number => {
    const c = text.charCodeAt(i) - 48;
    return c >= 0 && c <= 9 ? c : NaN;
  };
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = digit(5) * 10 + digit(6);
  const day = digit(8) * 10 + digit(9);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

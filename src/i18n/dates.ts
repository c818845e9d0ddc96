/**
 * A day as Chinese prose writes it: 2026年6月30日 for 2026-06-30, months and days without a
 * leading zero, as in the dates of official documents. Anything that is not a YYYY-MM-DD day is
 * given back as it is. Tables and machine formats keep the ISO form.
 */
export function chineseDate(day: string | undefined): string {
  if (day === undefined) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match === null ? day : `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

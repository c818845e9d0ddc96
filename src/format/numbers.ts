/** Fixed precision everywhere, so the same input gives the same bytes. */
export const fixed = (value: number | undefined, digits = 2): string => (value === undefined ? "–" : value.toFixed(digits));
export const pct = (score: number | undefined): string => (score === undefined ? "–" : `${Math.round((score / 5) * 100)}%`);
export const share = (value: number): string => `${Math.round(value * 100)}%`;

/** A bar of `width` cells for a 0-5 score. */
export function bar(score: number | undefined, width = 20): string {
  if (score === undefined) return "·".repeat(width);
  const full = Math.round((Math.max(0, Math.min(5, score)) / 5) * width);
  return "█".repeat(full) + "░".repeat(width - full);
}

/**
 * Krippendorff's alpha: how far assessors agree beyond what chance would give, for any number of
 * assessors and with answers missing. 1 is perfect agreement, 0 what chance gives, below 0
 * systematic disagreement.
 *
 *   α = 1 − (n − 1) · Σ o(c,k) δ²(c,k) / Σ n(c) n(k) δ²(c,k)
 *
 * where o(c,k) is the coincidence matrix (each unit with m ≥ 2 values adds, for every ordered pair
 * of its values c and k from different assessors, 1 / (m − 1)), n(c) its row sums and n the total
 * of pairable values. For ordinal data (levels 0–5), δ²(c,k) = (Σ_{g=c..k} n(g) − (n(c) + n(k)) / 2)²:
 * the distance between two levels grows with how many answers lie between them.
 * See Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011).
 */

export type Metric = "nominal" | "ordinal" | "interval";

/** The values of one unit (an indicator), one an assessor; undefined where one gave none. */
export type Unit = readonly (number | undefined)[];

/** Alpha over the units, or undefined when fewer than two values pair up or all are the same. */
export function krippendorffAlpha(units: readonly Unit[], metric: Metric = "ordinal"): number | undefined {
  const coincidence = new Map<number, Map<number, number>>();
  const add = (c: number, k: number, w: number) => {
    const row = coincidence.get(c) ?? new Map<number, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincidence.set(c, row);
  };
  for (const unit of units) {
    const values = unit.filter((v): v is number => v !== undefined);
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i]!, values[j]!, 1 / (m - 1));
  }
  const categories = [...coincidence.keys()].sort((a, b) => a - b);
  const totals = new Map(categories.map((c) => [c, [...coincidence.get(c)!.values()].reduce((s, v) => s + v, 0)]));
  const n = [...totals.values()].reduce((s, v) => s + v, 0);
  if (n <= 1) return undefined;
  const distance = (c: number, k: number): number => {
    if (metric === "nominal") return c === k ? 0 : 1;
    if (metric === "interval") return (c - k) ** 2;
    const [lo, hi] = c <= k ? [c, k] : [k, c];
    let between = 0;
    for (const g of categories) if (g >= lo && g <= hi) between += totals.get(g)!;
    return (between - (totals.get(c)! + totals.get(k)!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (const c of categories) {
    for (const k of categories) {
      const d = distance(c, k);
      observed += (coincidence.get(c)!.get(k) ?? 0) * d;
      expected += totals.get(c)! * totals.get(k)! * d;
    }
  }
  if (expected === 0) return undefined;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * The allowed word closest to a misspelt one, if it is close enough to be a likely typo
 * (at most a third of the word's length in edits, and at most 3).
 */
export function nearest(given: string, allowed: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(given.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of [...allowed].sort()) {
    const distance = editDistance(given.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two adjacent
 * characters as one edit (optimal string alignment), stopping early once it must reach `ceiling`.
 */
export function editDistance(a: string, b: string, ceiling = Infinity): number {
  if (Math.abs(a.length - b.length) >= ceiling) return ceiling;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= ceiling) return ceiling;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

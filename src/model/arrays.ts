/**
 * Appends `items` to `target` one by one: `target.push(...items)` passes every item as an
 * argument, and past some 100,000 of them the call overflows the stack.
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The largest of `values`, or `floor` when there is none, without spreading them into a call. */
export function largest(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

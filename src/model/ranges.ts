/** A range in words, from its facts (["range", low, high, "exclusive" or "", "exclusive" or ""]): "from 0 to 5", "more than 0". */
export function rangeWords(expects: readonly string[] | undefined): string | undefined {
  if (expects?.[0] !== "range") return undefined;
  const [, low = "", high = "", lowOpen = "", highOpen = ""] = expects;
  if (low !== "" && high !== "" && lowOpen === "" && highOpen === "") return `from ${low} to ${high}`;
  const words = [low === "" ? "" : lowOpen === "" ? `at least ${low}` : `more than ${low}`, high === "" ? "" : highOpen === "" ? `at most ${high}` : `less than ${high}`];
  return words.filter(Boolean).join(" and ") || undefined;
}

import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/assessment/rules.js";

describe("isoDate", () => {
  it("takes real calendar days only", () => {
    const valid = ["2024-02-29", "2000-02-29", "2026-01-31", "2026-04-30", "2026-12-31", "0050-01-01"];
    const invalid = ["2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01", "26-01-01", "2026-01-01T00:00", 20260101, null];
    for (const value of valid) expect(isoDate(value), String(value)).toBe(value);
    for (const value of invalid) expect(isoDate(value), String(value)).toBeUndefined();
  });
});

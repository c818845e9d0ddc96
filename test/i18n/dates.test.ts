import { describe, expect, it } from "vitest";
import { chineseDate } from "../../src/i18n/dates.js";
import { smartregion } from "../cli/run.js";

describe("days in Chinese prose", () => {
  it("are written 年月日 without leading zeros, and anything that is not a day is left as it is", () => {
    expect(chineseDate("2028-12-31")).toBe("2028年12月31日");
    expect(chineseDate("2026-06-03")).toBe("2026年6月3日");
    expect(chineseDate("2026-6-3")).toBe("2026-6-3");
    expect(chineseDate(undefined)).toBe("");
  });

  it("read so in a Chinese report's summary and facts, while the English report keeps YYYY-MM-DD", () => {
    const zh = smartregion(["report", "examples/city.yaml", "--lang", "zh-CN", "--format", "markdown"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("2028年12月31日前");
    expect(zh.stdout).toContain("**评估日期**：2026年6月30日");
    expect(zh.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}前/);
    const en = smartregion(["report", "examples/city.yaml", "--format", "markdown"]);
    expect(en.stdout).toContain("by 2028-12-31");
    expect(en.stdout).not.toContain("年");
  });
});

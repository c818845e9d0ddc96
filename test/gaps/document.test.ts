import { describe, expect, it } from "vitest";
import { labelLines, textWidth } from "../../src/format/html.js";
import { grouped, monthsBetween } from "../../src/format/view/brief.js";
import { webLink } from "../../src/format/view/model.js";

describe("the pieces of a report document", () => {
  it("counts whole months between two dates, a month not yet complete not counted", () => {
    expect(monthsBetween("2026-06-30", "2029-12-31")).toBe(42);
    expect(monthsBetween("2026-06-30", "2026-07-29")).toBe(0);
    expect(monthsBetween("2026-06-30", "2026-07-30")).toBe(1);
    expect(monthsBetween("2026-01-31", "2027-01-31")).toBe(12);
    expect(monthsBetween("2026-06-30", "2026-01-01")).toBe(0);
  });

  it("groups thousands", () => {
    expect([0, 999, 1000, 330506, 1458154, 10000000000].map(grouped)).toEqual(["0", "999", "1,000", "330,506", "1,458,154", "10,000,000,000"]);
  });

  it("links http and https addresses only", () => {
    expect(webLink("https://data.smartdublin.ie")).toBe("https://data.smartdublin.ie/");
    expect(webLink("http://example.org/a b")).toBe("http://example.org/a%20b");
    for (const raw of ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "//example.org", "example.org", "JAVASCRIPT:x", " https://x"]) {
      expect(webLink(raw), raw).toBe(raw.trim().startsWith("https:") ? "https://x/" : undefined);
    }
  });

  it("breaks a chart label into lines that fit, at spaces or between Chinese characters, and ends what does not fit in an ellipsis", () => {
    const long = "Co-creation with residents, businesses and universities across every field of the city";
    for (const max of [80, 150, 250]) {
      const lines = labelLines(long, max);
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(max);
    }
    expect(labelLines(long, 150).at(-1)).toMatch(/…$/);
    expect(labelLines("Foundations", 150)).toEqual(["Foundations"]);
    // A word longer than a line is cut, so the label still fits.
    for (const line of labelLines("x".repeat(200), 100)) expect(textWidth(line)).toBeLessThanOrEqual(100);
    const zh = labelLines("跨领域数据与业务融合以及城市运行管理", 100);
    expect(zh.length).toBe(2);
    for (const line of zh) expect(textWidth(line)).toBeLessThanOrEqual(100);
    // An entity counts as one character, and is never split.
    expect(labelLines("Residents&#39; access to information", 120).join(" ")).toContain("&#39;");
  });
});

import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const load = createRequire(import.meta.url);
const ours = (load(join(ROOT, "dist", "shipped", "formats.cjs")) as { uri: (s: string) => boolean }).uri;
const theirs = (load("ajv-formats/dist/formats") as { fullFormats: { uri: (s: string) => boolean } }).fullFormats.uri;

describe("the precompiled validator's uri format", () => {
  it("answers as ajv-formats does, for links as written and for generated strings", () => {
    const written = [
      "https://example.org/riverton/data/fundamental-databases-quality-2025",
      "http://data.example.org:8080/a/b?x=1&y=%20#top",
      "https://example.org",
      "https://exa mple.org/",
      "https://example.org/%zz",
      "https://[::1]/",
      "https://user@example.org/",
      "HTTPS://EXAMPLE.ORG/A",
      "mailto:office@example.org",
      "urn:isbn:0451450523",
      "http:/relative",
      "https://例子.中国/",
      "https://example.org/\u0000",
      "https://",
      "http://:80/",
    ];
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = "ahtps:/.%-_~!$&'()*+,;=@?#[]0123456789Zz \u00e9";
    const generated = Array.from({ length: 20000 }, () => {
      const prefix = ["https://", "http://", "http:", "h", ""][Math.floor(next() * 5)]!;
      return prefix + Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    });
    const differing = [...written, ...generated].filter((s) => ours(s) !== theirs(s));
    expect(differing).toEqual([]);
    expect(ours(written[0]!)).toBe(true);
    expect(ours(written[3]!)).toBe(false);
  });
});

describe("the precompiled validator's date format", () => {
  const shipped = (load(join(ROOT, "dist", "shipped", "formats.cjs")) as { date: { validate: (s: string) => boolean } }).date.validate;
  const reference = (load("ajv-formats/dist/formats") as { fullFormats: { date: { validate: (s: string) => boolean } } }).fullFormats.date.validate;

  it("answers as ajv-formats does, on every day of four centuries' edges and on near misses", () => {
    const texts = ["2026-06-30", "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-04-30", "2026-1-01", "2026-01-01 ", " 2026-01-01", "2026-01-01\n", "２０２６-01-01", "2026/01/01", "20260101", "2026-01-0a", "0000-01-01", "9999-12-31", "", "2026-01-001"];
    for (const year of [1600, 1700, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2400]) {
      for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) texts.push(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
    }
    const differing = texts.filter((t) => shipped(t) !== reference(t));
    expect(differing).toEqual([]);
    expect(texts.filter((t) => shipped(t)).length).toBeGreaterThan(3000);
  });
});

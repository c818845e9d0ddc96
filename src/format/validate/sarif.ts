import { jsonPrintable } from "../printable.js";
import { compareText } from "../../model/findings.js";
import type { Code } from "../../model/findings.js";
import { message } from "../messages.js";
import { ruleHelp } from "../rules.js";
import type { ValidationResult } from "./model.js";

/** SARIF 2.1.0: each rule used is described once; every result points at file, line and column. */
export function formatSarif(result: ValidationResult, version: string, locale = "en"): string {
  const findings = result.files.flatMap((f) => f.findings);
  const codes = [...new Set(findings.map((f) => f.code))].sort(compareText) as Code[];
  const index = new Map(codes.map((c, i) => [c, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "smartregion",
            version,
            rules: codes.map((code) => ({
              id: code,
              name: code,
              shortDescription: { text: ruleHelp(code, locale).short },
              fullDescription: { text: ruleHelp(code, locale).full },
              help: { text: ruleHelp(code, locale).full },
              defaultConfiguration: { level: findings.find((f) => f.code === code)!.severity === "error" ? "error" : "warning" },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code)!,
          level: f.severity === "error" ? "error" : "warning",
          message: { text: message(f, locale) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriReference(f.file) },
                region: { startLine: f.line, startColumn: f.col },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${jsonPrintable(JSON.stringify(log, null, 2))}\n`;
}

/**
 * A relative path as an RFC 3986 URI reference: each segment percent-encoded, so `#`, `?`, `%`
 * and `:` stay part of the file's name instead of starting a fragment, a query or a scheme.
 */
export function uriReference(path: string): string {
  return path
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
}

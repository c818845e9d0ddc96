import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { jsonPrintable } from "../printable.js";
import { compareText } from "../../model/findings.js";
import type { Code, Finding } from "../../model/findings.js";
import { message } from "../messages.js";
import { fromRoot } from "../options.js";
import type { SarifBase } from "../options.js";
import { ruleHelp, ruleHelpMarkdown, ruleHelpText } from "../rules.js";
import type { ValidationResult } from "./model.js";

/** Where the tool and its problem codes are described. */
export const INFORMATION_URI = "https://smartregion.dev/";
export const helpUri = (code: Code): string => `${INFORMATION_URI}docs/problem-codes#${code}`;

/** A rule's name for people, distinct from its id: `unknown-key` is `UnknownKey`. */
export const ruleName = (code: string): string => code.replace(/(?:^|-)([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The base every URI of a repository's files is relative to. */
const ROOT_ID = "REPOROOT";

/**
 * Where a file is for SARIF: relative to the repository's top (with its base id) when it is
 * below it, else as an absolute file URI; without a base, the name as given.
 */
function artifact(file: string, base: SarifBase | undefined): { uri: string; uriBaseId?: string } {
  if (base === undefined) return { uri: uriReference(file) };
  const rel = fromRoot(file, base);
  return rel === undefined ? { uri: pathToFileURL(resolve(base.cwd, file)).href } : { uri: uriReference(rel), uriBaseId: ROOT_ID };
}

/**
 * A result's fingerprint: its rule, its file and its place in the document by keys (not by
 * line), and what it names, so that editing other parts of the file leaves it the same and code
 * scanning keeps tracking the alert; a second result with the same parts is told by its count.
 */
function fingerprint(f: Finding, uri: string, seen: Map<string, number>): string {
  const parts = [f.code, uri, f.path, f.facts.key ?? "", f.facts.value ?? ""].join("\u0000");
  const n = (seen.get(parts) ?? 0) + 1;
  seen.set(parts, n);
  const { createHash } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return `${createHash("sha256").update(parts).digest("hex").slice(0, 32)}:${n}`;
}

/**
 * SARIF 2.1.0 as code scanning reads it: each rule used described once (a name, a full
 * description, help in text and Markdown, a link); every result at its file, line and column,
 * relative to the repository's top, with a fingerprint that survives unrelated edits; and the
 * run's category (`smartregion/validate/`), so the runs of several commands do not replace
 * each other's alerts.
 */
export function formatSarif(result: ValidationResult, version: string, locale = "en", command = "validate", base?: SarifBase): string {
  const findings = result.files.flatMap((f) => f.findings);
  const codes = [...new Set(findings.map((f) => f.code))].sort(compareText) as Code[];
  const index = new Map(codes.map((c, i) => [c, i]));
  const seen = new Map<string, number>();
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "smartregion",
            version,
            informationUri: INFORMATION_URI,
            rules: codes.map((code) => {
              const help = ruleHelp(code, locale);
              return {
                id: code,
                name: ruleName(code),
                shortDescription: { text: help.short },
                fullDescription: { text: help.full },
                help: { text: ruleHelpText(code, locale), markdown: ruleHelpMarkdown(code, locale) },
                helpUri: helpUri(code),
                defaultConfiguration: { level: findings.find((f) => f.code === code)!.severity === "error" ? "error" : "warning" },
              };
            }),
          },
        },
        automationDetails: { id: `smartregion/${command.replace(/\s+/g, "-")}/` },
        ...(base === undefined ? {} : { originalUriBaseIds: { [ROOT_ID]: { uri: `${pathToFileURL(base.root).href.replace(/\/?$/, "/")}`, description: { text: "The top of the repository" } } } }),
        results: findings.map((f) => {
          const location = artifact(f.file, base);
          return {
            ruleId: f.code,
            ruleIndex: index.get(f.code)!,
            level: f.severity === "error" ? "error" : "warning",
            message: { text: message(f, locale) },
            locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: f.line, startColumn: f.col } } }],
            partialFingerprints: { "smartregion/v1": fingerprint(f, location.uri, seen) },
            // Accepted by an exception: code scanning shows it as dismissed, with the reason.
            ...(f.excepted === undefined ? {} : { suppressions: [{ kind: "external", status: "accepted", justification: `${f.excepted.reason} (approved by ${f.excepted.approvedBy}, until ${f.excepted.expires}; ${f.excepted.source})` }] }),
          };
        }),
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

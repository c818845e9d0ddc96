import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkAssessment } from "../src/assessment/check.js";
import type { MemberDisk } from "../src/assessment/members.js";
import { createSchemaCheck } from "../src/assessment/validator.js";
import { loadFrameworks } from "../src/framework/load.js";
import type { FrameworkFiles } from "../src/framework/load.js";
import type { FrameworkSet } from "../src/framework/model.js";
import type { Finding } from "../src/model/findings.js";
import { DEFAULT_LIMITS } from "../src/yaml/source.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const SHIPPED = join(ROOT, "frameworks");

export const diskFrameworkFiles: FrameworkFiles = {
  list: (dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .sort()
      .map((f) => join(dir, f)),
  read: (file) => readFileSync(file),
  display: (file) => file.slice(ROOT.length),
};

let shipped: FrameworkSet | undefined;
export function shippedFrameworks(): FrameworkSet {
  shipped ??= loadFrameworks({ shipped: SHIPPED }, diskFrameworkFiles);
  return shipped;
}

/** A disk where every member path is missing, unless listed. */
export function fakeDisk(files: Record<string, "file" | "directory" | "other"> = {}, links: Record<string, string> = {}): MemberDisk {
  return { kind: (p) => files[p] ?? "missing", realpath: (p) => links[p] ?? p, identity: () => undefined };
}

let check: ReturnType<typeof createSchemaCheck> | undefined;
/** Checks YAML text as the file `name`, with the shipped frameworks. */
export function checkText(text: string, name = "/work/a.yaml", disk: MemberDisk = fakeDisk()): readonly Finding[] {
  const frameworks = shippedFrameworks();
  check ??= createSchemaCheck(frameworks);
  return checkAssessment(name, new TextEncoder().encode(text), { frameworks, schemaCheck: check, disk, limits: DEFAULT_LIMITS }).findings;
}

/** `code@line:col` for each finding: what tests compare. */
export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.line}:${f.col}`);
}

/** A minimal valid city assessment, to which tests add lines. */
export const CITY = `smartregion: 1
subject:
  name: Testville
  kind: city
date: 2026-01-31
`;

import { finding } from "../model/findings.js";
import { append } from "../model/arrays.js";
import type { Finding } from "../model/findings.js";
import { locate } from "../yaml/locate.js";
import type { YamlSource } from "../yaml/source.js";
import type { CheckContext } from "./check.js";
import { checkAssessment } from "./check.js";
import { resolveMember } from "./members.js";
import type { Assessment, MemberEntry } from "./model.js";
import { toAssessment } from "./model.js";

/** How member files are read; tests pass an in-memory one. */
export interface MemberReader {
  /** The bytes of a file, or the reason it cannot be read. */
  read(absolute: string): Uint8Array | { readonly error: string };
  display(absolute: string): string;
}

export interface ResolvedMember {
  readonly entry: MemberEntry;
  /** The member's assessment: its own file, or built from the inline entry. */
  readonly assessment: Assessment | undefined;
  /** Why there is no assessment. */
  readonly problem: string | undefined;
  /** Where the member's answers are written, and the path to them there. */
  readonly source: { readonly yaml: YamlSource; readonly path: readonly (string | number)[] } | undefined;
}

/**
 * Reads each file member of a region and checks it like any assessment. A member that cannot
 * be used stays in the list with the reason, so the roll-up says who is missing.
 * Members are never followed further than one level: a member that is a region is refused,
 * so region files cannot form a cycle.
 */
export function resolveMembers(
  region: Assessment,
  regionSource: YamlSource,
  regionAbsolute: string,
  context: CheckContext,
  reader: MemberReader,
): { members: ResolvedMember[]; findings: Finding[] } {
  const findings: Finding[] = [];
  // Each member file is read once, however many names it is listed under.
  const read = new Set<string>();
  const members = region.members.map((entry): ResolvedMember => {
    if (entry.file === undefined) {
      return {
        entry,
        problem: undefined,
        source: { yaml: regionSource, path: ["members", entry.index, "indicators"] },
        assessment: { ...region, name: entry.name ?? "", kind: "city", population: entry.population, answers: entry.answers, members: [] },
      };
    }
    const at = (code: "member-is-region" | "member-invalid") => {
      const path = ["members", entry.index, "file"];
      findings.push(finding(code, region.file, locate(regionSource, path).value, path.join("."), { value: entry.file }));
    };
    const resolved = resolveMember(regionAbsolute, entry.file, context.disk);
    const none = { assessment: undefined, source: undefined };
    if (!resolved.ok) return { entry, ...none, problem: resolved.reason };
    if (read.has(resolved.identity)) return { entry, ...none, problem: "duplicate" };
    read.add(resolved.identity);
    const bytes = reader.read(resolved.path);
    if (!(bytes instanceof Uint8Array)) return { entry, ...none, problem: bytes.error };
    const check = checkAssessment(reader.display(resolved.path), bytes, context);
    append(findings, check.findings);
    if (check.source === undefined || check.findings.some((f) => f.severity === "error")) {
      at("member-invalid");
      return { entry, ...none, problem: "invalid" };
    }
    const assessment = toAssessment(check.file, check.source.data);
    if (assessment.kind === "region") {
      at("member-is-region");
      return { entry, ...none, problem: "region" };
    }
    return { entry, assessment, problem: undefined, source: { yaml: check.source, path: ["indicators"] } };
  });
  return { members, findings };
}

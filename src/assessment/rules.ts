import type { FrameworkSet } from "../framework/model.js";
import { calendarDate } from "../validation/formats.js";
import { finding } from "../model/findings.js";
import type { Code, Facts, Finding } from "../model/findings.js";
import { locate } from "../yaml/locate.js";
import type { YamlSource } from "../yaml/source.js";
import { resolveMember } from "./members.js";
import type { MemberDisk } from "./members.js";

type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * What the schema cannot say about an assessment: which frameworks fit a city and which a
 * region, members and their files, framework versions, and dates that contradict each other.
 * Written to cope with data the schema has already rejected.
 */
export function assessmentRules(source: YamlSource, set: FrameworkSet, disk: MemberDisk): Finding[] {
  const found: Finding[] = [];
  const report = (code: Code, path: (string | number)[], facts: Facts = {}, where: "key" | "value" = "value") => {
    const at = locate(source, path);
    found.push(finding(code, source.file, where === "key" ? (at.key ?? at.value) : at.value, path.join("."), facts));
  };
  if (!isObject(source.data)) return found;
  const data = source.data;
  const subject = isObject(data["subject"]) ? data["subject"] : {};
  const kind = text(subject["kind"]);
  const date = isoDate(data["date"]);

  // Frameworks of the wrong kind: stages are answered by cities, models by regions.
  const checkKinds = (indicators: unknown, path: (string | number)[], expected: "stage" | "model") => {
    if (!isObject(indicators)) return;
    for (const id of Object.keys(indicators)) {
      const framework = set.byId.get(id);
      if (framework !== undefined && framework.kind !== expected) {
        report("framework-kind", [...path, id], { key: id, expected, actual: framework.kind }, "key");
      }
    }
  };
  if (kind === "city") checkKinds(data["indicators"], ["indicators"], "stage");
  if (kind === "region") checkKinds(data["indicators"], ["indicators"], "model");

  if (kind === "city" && data["members"] !== undefined) report("members-in-city", ["members"], {}, "key");
  if (kind === "region" && data["members"] === undefined) report("region-without-members", ["subject", "kind"]);

  if (kind === "region" && Array.isArray(data["members"])) {
    const seen = new Map<string, number>();
    let core: number | undefined;
    data["members"].forEach((member: unknown, index) => {
      if (!isObject(member)) return;
      // A region has one core city at most: the core-led fit asks whether it leads the others.
      if (member["core"] === true) {
        if (core !== undefined) report("duplicate-core", ["members", index, "core"], { context: `members.${core}` }, "key");
        else core = index;
      }
      checkKinds(member["indicators"], ["members", index, "indicators"], "stage");
      const file = text(member["file"]);
      const once = (identity: string, path: (string | number)[], value: string) => {
        const first = seen.get(identity);
        if (first !== undefined) report("duplicate-member", path, { value, context: `members.${first}` });
        else seen.set(identity, index);
      };
      if (file === undefined) {
        const name = text(member["name"]) ?? "";
        once(`name:${name}`, ["members", index], name);
        return;
      }
      const resolved = resolveMember(source.file, file, disk);
      if (!resolved.ok) {
        const code = ({ outside: "member-outside-folder", missing: "member-not-found", "not-a-file": "member-not-a-file", itself: "member-cycle" } as const)[resolved.reason];
        report(code, ["members", index, "file"], { value: file });
        return;
      }
      // A file is one member however it is named: `m.yaml`, `./m.yaml`, `sub/../m.yaml`, a link.
      once(`file:${resolved.identity}`, ["members", index, "file"], file);
    });
  }

  // Versions: a different major version means the indicators may have changed meaning.
  if (isObject(data["frameworks"])) {
    for (const [id, version] of Object.entries(data["frameworks"])) {
      const loaded = set.byId.get(id)?.version;
      if (loaded !== undefined && typeof version === "string" && major(version) !== major(loaded)) {
        report("framework-version", ["frameworks", id], { value: version, expected: loaded });
      }
    }
  }

  // Answers reconciled from several assessors who dispute them: each is said at its line, so a
  // review (or a gate: validate --max-disputed) sees what is still to settle. Each assessor's
  // answer is "names: level" (n/a, or – for none), which the Chinese message words its own way.
  const disputes = (indicators: unknown, path: (string | number)[]) =>
    forEachAnswer(indicators, (framework, indicator, answer) => {
      const reconciled = isObject(answer["reconciled"]) ? answer["reconciled"] : undefined;
      if (reconciled?.["disputed"] !== true) return;
      const given = isObject(reconciled["answers"]) ? Object.entries(reconciled["answers"]).map(([name, v]) => `${name}: ${v === null ? "–" : String(v)}`) : [];
      const taken = answer["not-applicable"] !== undefined ? "n/a" : answer["level"] === undefined || answer["level"] === null ? "–" : String(answer["level"]);
      report("disputed-answer", [...path, framework, indicator, "reconciled", "disputed"], { key: `${framework}.${indicator}`, value: taken, allowed: given });
    });
  disputes(data["indicators"], ["indicators"]);
  if (Array.isArray(data["members"])) data["members"].forEach((m: unknown, i) => isObject(m) && disputes(m["indicators"], ["members", i, "indicators"]));

  if (date !== undefined) {
    const targets = isObject(data["targets"]) ? data["targets"] : {};
    const by = isoDate(targets["by"]);
    if (by !== undefined && by < date) report("target-before-assessment", ["targets", "by"], { value: by, context: date });
    forEachEvidence(data["indicators"], ["indicators"], (evidence, path) => {
      const when = isoDate(evidence["date"]);
      if (when !== undefined && when > date) report("evidence-after-assessment", [...path(), "date"], { value: when, context: date });
    });
  }
  return found;
}

const major = (version: string) => version.split(".")[0];

/** A real calendar date written as YYYY-MM-DD, else undefined. */
export function isoDate(value: unknown): string | undefined {
  return typeof value === "string" && calendarDate(value) ? value : undefined;
}

/** Visits each answer given as a mapping, by framework and indicator (no array of entries made for each). */
function forEachAnswer(indicators: unknown, visit: (framework: string, indicator: string, answer: Data) => void): void {
  if (!isObject(indicators)) return;
  for (const framework of Object.keys(indicators)) {
    const answers = indicators[framework];
    if (!isObject(answers)) continue;
    for (const indicator of Object.keys(answers)) {
      const answer = answers[indicator];
      if (isObject(answer)) visit(framework, indicator, answer);
    }
  }
}

/** Visits each piece of evidence; its path is made only when `visit` asks for it (most never do). */
function forEachEvidence(indicators: unknown, path: (string | number)[], visit: (evidence: Data, path: () => (string | number)[]) => void): void {
  forEachAnswer(indicators, (framework, indicator, answer) => {
    const list = answer["evidence"];
    if (!Array.isArray(list)) return;
    for (let index = 0; index < list.length; index++) {
      const evidence: unknown = list[index];
      if (isObject(evidence)) visit(evidence, () => [...path, framework, indicator, "evidence", index]);
    }
  });
}

import type { Code, Facts, Finding } from "../findings.js";

const q = (value: string | undefined) => `"${value ?? ""}"`;
const list = (values: readonly string[] | undefined, max = 8) => {
  if (values === undefined || values.length === 0) return "";
  const shown = values.slice(0, max).map((v) => q(v)).join(", ");
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
};
const didYouMean = (f: Facts) => (f.suggestion !== undefined ? `; did you mean ${q(f.suggestion)}?` : "");
const allowedOrSuggestion = (f: Facts) =>
  f.suggestion !== undefined ? didYouMean(f) : f.allowed !== undefined && f.allowed.length > 0 ? `; expected one of ${list(f.allowed)}` : "";
const bytes = (n: number | undefined) => `${((n ?? 0) / 1024 / 1024).toFixed(1)} MB`;

/** The one place where findings become words. */
const MESSAGES: Record<Code, (f: Facts) => string> = {
  "not-found": () => "No such file or folder",
  "not-a-file": () => "Not a regular file",
  "unreadable": (f) => `Cannot be read (${f.detail ?? "unknown reason"})`,
  "too-large": (f) => `File is larger than the ${bytes(f.limit)} limit (--max-file-size)`,
  "binary-file": () => "Binary data, not YAML text",
  "bad-encoding": () => "Text is not valid UTF-8 from here on",
  "empty-file": () => "File holds no YAML document; an assessment is a mapping that starts with `smartregion: 1`",
  "yaml-syntax": (f) => `YAML syntax error: ${f.detail ?? ""}`,
  "duplicate-key": () => "Key appears twice in the same mapping",
  "multiple-documents": () => "More than one YAML document in the file; write one assessment per file",
  "unsupported-tag": (f) => `Tag ${f.value ?? f.detail ?? ""} is not supported; only plain YAML values are`,
  "too-many-aliases": (f) => `An alias is used more than ${f.limit ?? 0} times (an alias-expansion bomb?)`,
  "too-deep": (f) => `Nesting is deeper than ${f.limit ?? 0} levels`,
  "not-a-mapping": (f) => `The document is a ${f.actual ?? "value"}; an assessment is a mapping`,
  "unknown-key": (f) => `Unknown key ${q(f.key)}${allowedOrSuggestion(f)}`,
  "unknown-framework": (f) => `Unknown framework ${q(f.key)}${allowedOrSuggestion(f)}`,
  "unknown-indicator": (f) => `Unknown indicator ${q(f.key)} in framework ${q(f.context)}${didYouMean(f)}`,
  "missing-key": (f) => `Missing required key ${q(f.key)}`,
  "missing-one-of": (f) => `Needs one of ${list(f.allowed)}`,
  "wrong-type": (f) => `Expected ${f.expected ?? "another type"}, found ${f.actual ?? "another type"}`,
  "out-of-range": (f) => `Value ${f.value ?? ""} is out of range; expected ${f.expected ?? "another value"}`,
  "not-allowed-value": (f) => `Value ${q(f.value)} is not allowed${allowedOrSuggestion(f)}`,
  "bad-format": (f) => `Value ${q(f.value)} is not ${f.expected ?? "in the expected format"}`,
  "empty-value": () => "Value must not be empty",
  "too-long": (f) => `Value is longer than ${f.limit ?? 0} characters`,
  "too-few-items": (f) => `Needs at least ${f.limit ?? 1} item(s)`,
  "too-many-items": (f) => `Holds more than the ${f.limit ?? 0} items allowed`,
  "bad-key": (f) => `Key ${q(f.key)} is not allowed here; expected ${f.expected ?? "another key"}${didYouMean(f)}`,
  "conflicting-keys": (f) => `${q(f.key)} cannot be given together with ${q(f.context)}`,
  "schema": (f) => `Does not match the schema: ${f.detail ?? ""}`,
  "framework-kind": (f) =>
    f.expected === "stage"
      ? `Framework ${q(f.key)} is a region-formation model; a city answers the innovation stages`
      : `Framework ${q(f.key)} is an innovation stage; a region answers the formation models, and its stages come from its members`,
  "members-in-city": () => "A city has no members; set `subject.kind: region` to assess a region",
  "region-without-members": () => "A region needs `members`: its member cities, inline or as files",
  "member-outside-folder": (f) => `Member file ${q(f.value)} is outside the region file's folder`,
  "member-not-found": (f) => `Member file ${q(f.value)} does not exist`,
  "member-not-a-file": (f) => `Member ${q(f.value)} is not a regular file`,
  "member-cycle": (f) => `Member file ${q(f.value)} is the region file itself`,
  "member-is-region": (f) => `Member file ${q(f.value)} is a region; members must be cities`,
  "member-invalid": (f) => `Member file ${q(f.value)} has errors (listed under its own name); it is left out of the roll-up`,
  "duplicate-member": (f) => `Member ${q(f.value)} is listed twice (first at ${f.context ?? ""})`,
  "framework-version": (f) => `Written for version ${f.value ?? ""}, but the framework loaded is ${f.expected ?? ""}; check the answers still fit`,
  "evidence-after-assessment": (f) => `Evidence dated ${f.value ?? ""}, after the assessment date ${f.context ?? ""}`,
  "target-before-assessment": (f) => `Target date ${f.value ?? ""} is before the assessment date ${f.context ?? ""}`,
  "evidence-missing": (f) => `Level ${f.value ?? ""} has no evidence; levels of ${f.limit ?? 3} and above need some`,
  "evidence-stale": (f) => `Newest evidence is from ${f.value ?? ""}, more than ${f.limit ?? 0} months before the assessment (${f.context ?? ""})`,
  "evidence-self-reported": (f) => `Level ${f.value ?? ""} rests on self-reported evidence only`,
  "gate-failed": (f) => `Gate ${f.detail ?? ""} not met: ${f.value ?? "no score"}, short by ${f.context ?? ""}`,
  "unknown-dimension": (f) => `Unknown dimension ${q(f.value)}; declared: ${list(f.allowed)}`,
  "empty-dimension": (f) => `Dimension ${q(f.value)} has no indicators`,
  "duplicate-id": (f) => `${q(f.value)} is used twice${f.context !== undefined ? ` (also in ${f.context})` : ""}`,
  "missing-translation": (f) => `No ${q(f.value)} text here, though the framework is written in ${q(f.value)} elsewhere; English is shown instead`,
  "kind-fields": (f) =>
    f.expected === "stage" ? `A stage needs ${q(f.key)}` : `${q(f.key)} belongs to stages, not to models`,
};

export function message(f: Finding): string {
  return MESSAGES[f.code](f.facts);
}

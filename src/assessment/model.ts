/** How the figures of an evidence were got. */
export const METHODS = ["measured", "estimated", "self-reported"] as const;

/** One piece of evidence behind a level. */
export interface Evidence {
  readonly title: string;
  readonly link: string | undefined;
  readonly document: string | undefined;
  readonly date: string | undefined;
  readonly method: (typeof METHODS)[number] | undefined;
}

/** One answer: a level, not applicable (with the reason), or nothing yet. */
export interface Answer {
  readonly level: number | undefined;
  readonly notApplicable: string | undefined;
  readonly evidence: readonly Evidence[];
  readonly notes: string | undefined;
  /** Where `reconcile` merged several assessors' answers: what each gave, and whether they dispute it. */
  readonly reconciled: Reconciled | undefined;
}

/** What each assessor gave an indicator (a level, "n/a", or undefined), by name. */
export interface Reconciled {
  readonly answers: ReadonlyMap<string, number | "n/a" | undefined>;
  readonly disputed: boolean;
}

/** Answers by framework id, then by indicator id. */
export type Answers = ReadonlyMap<string, ReadonlyMap<string, Answer>>;

export interface MemberEntry {
  /** Index in the region's `members` list. */
  readonly index: number;
  readonly name: string | undefined;
  readonly file: string | undefined;
  readonly population: number | undefined;
  readonly weight: number | undefined;
  /** Whether the region names this member as its core city. */
  readonly core: boolean;
  /** Inline members' answers. */
  readonly answers: Answers;
}

/** Who assessed: a name, and the organisation and role when given. */
export interface Assessor {
  readonly name: string;
  readonly organisation: string | undefined;
  readonly role: string | undefined;
}

/** A validated assessment as typed data: what scoring reads. */
export interface Assessment {
  readonly file: string;
  readonly name: string;
  readonly kind: "city" | "region";
  readonly country: string | undefined;
  readonly description: string | undefined;
  readonly assessors: readonly Assessor[];
  readonly population: number | undefined;
  readonly date: string;
  readonly targetStage: string | undefined;
  readonly targetDate: string | undefined;
  /** Target levels by framework, then indicator. */
  readonly targetLevels: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly answers: Answers;
  readonly members: readonly MemberEntry[];
}

type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Data) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Builds the typed assessment from data that passed validation. */
export function toAssessment(file: string, data: unknown): Assessment {
  const root = obj(data);
  const subject = obj(root["subject"]);
  const targets = obj(root["targets"]);
  const targetLevels = new Map(
    Object.entries(obj(targets["indicators"])).map(([fw, levels]) => [
      fw,
      new Map(Object.entries(obj(levels)).flatMap(([id, level]) => (num(level) === undefined ? [] : [[id, num(level)!] as const]))),
    ]),
  );
  const members = Array.isArray(root["members"]) ? root["members"] : [];
  return {
    file,
    name: str(subject["name"]) ?? "",
    kind: subject["kind"] === "region" ? "region" : "city",
    country: str(subject["country"]),
    description: str(subject["description"]),
    assessors: (Array.isArray(root["assessors"]) ? root["assessors"] : []).map((a) => {
      const assessor = obj(a);
      return { name: str(assessor["name"]) ?? "", organisation: str(assessor["organisation"]), role: str(assessor["role"]) };
    }),
    population: num(subject["population"]),
    date: str(root["date"]) ?? "",
    targetStage: str(targets["stage"]),
    targetDate: str(targets["by"]),
    targetLevels,
    answers: toAnswers(root["indicators"]),
    members: members.map((m, index) => {
      const member = obj(m);
      return {
        index,
        name: str(member["name"]),
        file: str(member["file"]),
        population: num(member["population"]),
        weight: num(member["weight"]),
        core: member["core"] === true,
        answers: toAnswers(member["indicators"]),
      };
    }),
  };
}

function toAnswers(indicators: unknown): Answers {
  return new Map(
    Object.entries(obj(indicators)).map(([framework, answers]) => [
      framework,
      new Map(Object.entries(obj(answers)).map(([id, answer]) => [id, toAnswer(answer)])),
    ]),
  );
}

function toAnswer(raw: unknown): Answer {
  if (typeof raw === "number") return { level: raw, notApplicable: undefined, evidence: [], notes: undefined, reconciled: undefined };
  const answer = obj(raw);
  const evidence = Array.isArray(answer["evidence"]) ? answer["evidence"] : [];
  return {
    level: num(answer["level"]),
    notApplicable: str(answer["not-applicable"]),
    notes: str(answer["notes"]),
    reconciled: toReconciled(answer["reconciled"]),
    evidence: evidence.map((e) => {
      const item = obj(e);
      const method = str(item["method"]);
      return {
        title: str(item["title"]) ?? "",
        link: str(item["link"]),
        document: str(item["document"]),
        date: str(item["date"]),
        method: method === "measured" || method === "estimated" || method === "self-reported" ? method : undefined,
      };
    }),
  };
}

function toReconciled(raw: unknown): Reconciled | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const r = obj(raw);
  return {
    answers: new Map(Object.entries(obj(r["answers"])).map(([name, given]) => [name, given === "n/a" ? "n/a" : num(given)] as const)),
    disputed: r["disputed"] === true,
  };
}

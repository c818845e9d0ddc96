import type { FrameworkSet } from "../framework/model.js";
import type { Text } from "../text.js";
import { localize } from "../text.js";
import { INFORMATIZATION } from "../scoring/model.js";
import type { Blocker } from "../scoring/model.js";
import { fixed, share } from "./numbers.js";

/** Titles from the frameworks in the reader's locale, passed through the format's escaping. */
export function namer(set: FrameworkSet, locale: string, clean: (text: string) => string) {
  const text = (t: Text) => clean(localize(t, locale));
  const indicatorOf = (framework: string, id: string) => set.byId.get(framework)?.indicators.find((x) => x.id === id);
  return {
    text,
    framework: (id: string) => {
      const f = set.byId.get(id);
      return f === undefined ? clean(id) : text(f.title);
    },
    dimension: (framework: string, id: string) => {
      const d = set.byId.get(framework)?.dimensions.find((x) => x.id === id);
      return d === undefined ? clean(id) : text(d.title);
    },
    indicator: (framework: string, id: string) => {
      const i = indicatorOf(framework, id);
      return i === undefined ? clean(id) : text(i.title);
    },
    advice: (framework: string, id: string) => {
      const i = indicatorOf(framework, id);
      return i === undefined ? "" : text(i.advice);
    },
    levelText: (framework: string, id: string, level: number) => {
      const t = indicatorOf(framework, id)?.levels[level as 0];
      return t === undefined ? "" : text(t);
    },
    stage: (id: string) =>
      set.byId.has(id) ? text(set.byId.get(id)!.title) : id === INFORMATIZATION ? "Informatization" : clean(id),
  };
}

export type Names = ReturnType<typeof namer>;

/** Why a stage is not reached, in words. */
export function blockerText(b: Blocker, names: Names, framework: string): string {
  switch (b.reason) {
    case "below-bar":
      return `${names.dimension(framework, b.dimension)} ${fixed(b.score)} < ${fixed(b.bar)}`;
    case "coverage":
      return `${names.dimension(framework, b.dimension)} only ${share(b.share)} answered (needs ${share(b.minimum)})`;
    case "unscored":
      return b.dimension === "*" ? "nothing answered" : `${names.dimension(framework, b.dimension)} not answered`;
    case "previous-stage":
      return `${names.stage(b.stage)} not reached`;
  }
}

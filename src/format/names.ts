import type { FrameworkSet } from "../framework/model.js";
import type { Text } from "../model/text.js";
import { localize } from "../model/text.js";
import { INFORMATIZATION } from "../scoring/model.js";
import type { Blocker } from "../scoring/model.js";
import { fixed, share } from "./numbers.js";
import { words } from "../i18n/words.js";

/** Titles from the frameworks in the reader's locale, passed through the format's escaping. */
export function namer(set: FrameworkSet, locale: string, clean: (text: string) => string) {
  const text = (t: Text) => clean(localize(t, locale));
  const indicatorOf = (framework: string, id: string) => set.byId.get(framework)?.indicators.find((x) => x.id === id);
  const w = words(locale);
  return {
    /** The fixed words of the reports, in the same locale. */
    w,
    /** Text from the input, made safe for the format. */
    clean,
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
      set.byId.has(id) ? text(set.byId.get(id)!.title) : id === INFORMATIZATION ? w.informatization : clean(id),
    /** The names of the scale's levels: "0 none, 1 initial, …". */
    scale: () => Object.entries(set.levelNames).map(([level, name]) => w.levelName(Number(level), text(name))).join(w.listSep),
  };
}

export type Names = ReturnType<typeof namer>;

/** Why a stage is not reached, in words. */
export function blockerText(b: Blocker, names: Names, framework: string): string {
  const w = names.w.blocker;
  switch (b.reason) {
    case "below-bar":
      return w.belowBar(names.dimension(framework, b.dimension), fixed(b.score), fixed(b.bar));
    case "coverage":
      return w.coverage(names.dimension(framework, b.dimension), share(b.share), share(b.minimum));
    case "unscored":
      return b.dimension === "*" ? w.nothingAnswered : w.notAnswered(names.dimension(framework, b.dimension));
    case "previous-stage":
      return w.stageNotReached(names.stage(b.stage));
  }
}

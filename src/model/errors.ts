import type { Finding } from "./findings.js";

/** The command line asked for something that cannot be done as asked (exit 2); said in English and, when given, in Chinese. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    readonly zh?: string,
  ) {
    super(message);
  }

  /** The message in `locale`, English when there is none in it. */
  say(locale: string): string {
    return locale === "zh-CN" && this.zh !== undefined ? this.zh : this.message;
  }
}

/** A framework, shipped or custom, is broken; its findings say where (exit 2). */
export class FrameworkError extends Error {
  override readonly name = "FrameworkError";
  constructor(readonly findings: readonly Finding[]) {
    super(`${findings.length} problem(s) in frameworks`);
  }
}

/** The project's `.smartregion.yaml` cannot be used; its findings say where (exit 2). */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly findings: readonly Finding[]) {
    super(`${findings.length} problem(s) in the configuration file`);
  }
}

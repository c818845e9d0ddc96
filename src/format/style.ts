/** The few colours the formatters use; plain text when colour is off. */
export interface Style {
  readonly error: (s: string) => string;
  readonly warning: (s: string) => string;
  readonly good: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const same = (s: string) => s;
export const PLAIN: Style = { error: same, warning: same, good: same, dim: same, bold: same };

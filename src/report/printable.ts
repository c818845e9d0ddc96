/**
 * Text from an input file made safe for a terminal: control characters (C0, DEL, C1) and the
 * bidirectional overrides and isolates that can reorder what a reader sees are shown as
 * `\u{…}` escapes instead of being sent to the screen.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

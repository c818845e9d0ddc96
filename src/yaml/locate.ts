import { isAlias, isMap, isScalar, isSeq } from "yaml";
import type { Node, Pair } from "yaml";
import { START } from "../findings.js";
import type { Position } from "../findings.js";
import type { YamlSource } from "./source.js";

/** Where a path into the data stands in the YAML text. */
export interface Located {
  /** The value at the path, or the deepest existing node on the way to it. */
  readonly value: Position;
  /** The key that names the last step, when the last step is a mapping key that exists. */
  readonly key: Position | undefined;
  /** Whether the whole path exists in the document. */
  readonly exact: boolean;
}

/** Finds the node behind a data path such as ["indicators", "open", "portal", "level"]. */
export function locate(source: YamlSource, path: readonly (string | number)[]): Located {
  const { doc, lines } = source.tree();
  const pos = (node: Node | null | undefined, fallback: Position): Position =>
    node?.range ? lines.linePos(node.range[0]) : fallback;

  let node: unknown = doc.contents;
  let here = pos(doc.contents, START);
  let key: Position | undefined;
  for (const step of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    key = undefined;
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => keyText(p.key) === String(step));
      if (pair === undefined) return { value: here, key: undefined, exact: false };
      key = pos(pair.key as Node, here);
      next = pair.value;
      // An empty value (`level:`) has no node of its own: point at its key.
      here = isNodeWithRange(next) ? pos(next, key) : key;
    } else if (isSeq(node) && /^\d+$/.test(String(step))) {
      next = node.items[Number(step)];
      if (next === undefined) return { value: here, key: undefined, exact: false };
      here = isNodeWithRange(next) ? pos(next, here) : here;
    } else {
      return { value: here, key: undefined, exact: false };
    }
    node = next;
  }
  return { value: here, key, exact: true };
}

function isNodeWithRange(value: unknown): value is Node {
  return typeof value === "object" && value !== null && "range" in value && Array.isArray((value as Node).range);
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

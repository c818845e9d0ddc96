import { isAlias, isMap, isSeq } from "yaml";
import type { Alias, Document, Node, Pair, YAMLMap } from "yaml";
import { START } from "../model/findings.js";
import type { Position } from "../model/findings.js";
import { aliasTargets, keyText } from "./nodes.js";
import type { QuickSpots, YamlSource } from "./source.js";

/** Where a path into the data stands in the YAML text. */
export interface Located {
  /** The value at the path, or the deepest existing node on the way to it. */
  readonly value: Position;
  /** The key that names the last step, when the last step is a mapping key that exists. */
  readonly key: Position | undefined;
  /** Whether the whole path exists in the document. */
  readonly exact: boolean;
}

/**
 * What a document is searched through, built once per document: what each alias stands for,
 * and, for each mapping the first time a path goes through it, its pairs by key. A file with
 * thousands of findings in one mapping then costs one pass over it, not one per finding.
 */
interface Index {
  readonly targets: ReadonlyMap<Alias, Node>;
  readonly keys: Map<YAMLMap, Map<string, Pair>>;
}

const indexes = new WeakMap<Document.Parsed, Index>();

function indexOf(doc: Document.Parsed): Index {
  let index = indexes.get(doc);
  if (index === undefined) {
    index = { targets: aliasTargets(doc), keys: new Map() };
    indexes.set(doc, index);
  }
  return index;
}

function pairsOf(index: Index, map: YAMLMap): Map<string, Pair> {
  let pairs = index.keys.get(map);
  if (pairs === undefined) {
    pairs = new Map();
    for (const pair of map.items as Pair[]) {
      const text = keyText(pair.key, index.targets);
      // The first of repeated keys, as a search from the top would find it.
      if (text !== undefined && !pairs.has(text)) pairs.set(text, pair);
    }
    index.keys.set(map, pairs);
  }
  return pairs;
}

/** Finds the node behind a data path such as ["indicators", "open", "portal", "level"]. */
export function locate(source: YamlSource, path: readonly (string | number)[]): Located {
  const quick = source.spots?.();
  if (quick !== undefined) return locateQuick(quick, path);
  const { doc, lines } = source.tree();
  const index = indexOf(doc);
  const pos = (node: Node | null | undefined, fallback: Position): Position =>
    node?.range ? lines.linePos(node.range[0]) : fallback;

  let node: unknown = doc.contents;
  let here = pos(doc.contents, START);
  let key: Position | undefined;
  for (const step of path) {
    if (isAlias(node)) node = index.targets.get(node);
    let next: unknown;
    key = undefined;
    if (isMap(node)) {
      const pair = pairsOf(index, node).get(String(step));
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

/** The same search through what the quick reader noted: the same places the full parser gives. */
function locateQuick(quick: QuickSpots, path: readonly (string | number)[]): Located {
  let node: unknown = quick.data;
  let here = quick.root;
  let key: Position | undefined;
  for (const step of path) {
    const noted = typeof node === "object" && node !== null ? quick.spots.get(node) : undefined;
    key = undefined;
    if (noted !== undefined && "keys" in noted) {
      const spot = Object.hasOwn(node as object, String(step)) ? noted.keys.get(String(step)) : undefined;
      if (spot === undefined) return { value: here, key: undefined, exact: false };
      key = spot.key;
      here = spot.value ?? spot.key;
      node = (node as Record<string, unknown>)[String(step)];
    } else if (noted !== undefined && "items" in noted && /^\d+$/.test(String(step))) {
      const index = Number(step);
      if (index >= noted.items.length) return { value: here, key: undefined, exact: false };
      here = noted.items[index] ?? here;
      node = (node as unknown[])[index];
    } else {
      return { value: here, key: undefined, exact: false };
    }
  }
  return { value: here, key, exact: true };
}

import { isAlias, isCollection, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Alias, Document, Node } from "yaml";

/**
 * What each alias of a document stands for: the last node before it that carries its anchor,
 * as YAML defines it. Found in one walk of the document, where the parser's own `resolve`
 * walks the whole document again for every alias.
 */
export function aliasTargets(doc: Document.Parsed): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  // Document order (a key before its value), without recursion: nesting is not yet checked here.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target !== undefined) targets.set(node, target);
      continue;
    }
    if (isScalar(node) || isCollection(node)) {
      if (node.anchor !== undefined) anchors.set(node.anchor, node);
      if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isPair(node)) {
      stack.push(node.value, node.key);
    }
  }
  return targets;
}

/** A scalar's value as a key of the plain data: `null` is the empty key, anything else its text. */
export function keyString(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/**
 * The text a key stands for in the plain data, through an alias when it is one; `undefined`
 * for a key that is a mapping or a sequence, which plain data cannot hold as a key.
 */
export function keyText(key: unknown, targets: ReadonlyMap<Alias, Node>): string | undefined {
  const node = isAlias(key) ? targets.get(key) : key;
  if (node === null || node === undefined) return "";
  if (isScalar(node)) return keyString(node.value);
  if (isMap(node) || isSeq(node)) return undefined;
  return String(node);
}

/** How far aliases may take a document beyond its own text. */
export interface AliasLimits {
  /** Uses of one anchor. */
  readonly maxAliases: number;
  /** Nodes and scalar characters that all aliases together may add to the document. */
  readonly maxExpansion: number;
}

/** Why the aliases of a document were refused, and the alias where that became clear. */
export interface AliasProblem {
  readonly alias: Alias;
  /** `count`: one anchor used too often; `expansion`: too much added; `cycle`: an alias inside its own anchor. */
  readonly reason: "count" | "expansion" | "cycle";
}

class Refused {
  constructor(readonly problem: AliasProblem) {}
}

/**
 * The plain data of a document whose nesting and keys are already checked (so recursion is
 * bounded and every key is a scalar). An alias gives the very value of its anchor, never a
 * copy, so memory stays with the text; what the aliases add when the data is walked or printed
 * (every node and scalar character reached through them) is counted, and past the limit the
 * document is refused at the alias that passes it.
 */
export function toData(
  root: unknown,
  targets: ReadonlyMap<Alias, Node>,
  limits: AliasLimits,
): { readonly data: unknown } | { readonly problem: AliasProblem } {
  /** The value and expanded size of every anchored node, once it is complete. */
  const done = new Map<Node, { value: unknown; size: number }>();
  const uses = new Map<Node, number>();
  let added = 0;

  const convert = (node: unknown): { value: unknown; size: number } => {
    if (isAlias(node)) {
      const target = targets.get(node);
      const known = target === undefined ? undefined : done.get(target);
      if (target === undefined || known === undefined) throw new Refused({ alias: node, reason: "cycle" });
      const count = (uses.get(target) ?? 0) + 1;
      uses.set(target, count);
      if (count > limits.maxAliases) throw new Refused({ alias: node, reason: "count" });
      added += known.size;
      if (added > limits.maxExpansion) throw new Refused({ alias: node, reason: "expansion" });
      return known;
    }
    let result: { value: unknown; size: number };
    if (isScalar(node)) {
      result = { value: node.value, size: 1 + keyString(node.value).length };
    } else if (isMap(node)) {
      const map: Record<string, unknown> = {};
      let size = 1;
      for (const pair of node.items) {
        const key = pair.key === null ? { value: null, size: 1 } : convert(pair.key);
        const value = pair.value === null ? { value: null, size: 1 } : convert(pair.value);
        const name = keyString(key.value);
        // An own property even for `__proto__`, as the parser makes it.
        if (name in map) Object.defineProperty(map, name, { value: value.value, writable: true, enumerable: true, configurable: true });
        else map[name] = value.value;
        size += key.size + value.size;
      }
      result = { value: map, size };
    } else if (isSeq(node)) {
      const list: unknown[] = [];
      let size = 1;
      for (const item of node.items) {
        const value = item === null ? { value: null, size: 1 } : convert(item);
        list.push(value.value);
        size += value.size;
      }
      result = { value: list, size };
    } else {
      result = { value: null, size: 1 };
    }
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor !== undefined) done.set(node, result);
    return result;
  };

  try {
    return { data: convert(root).value };
  } catch (error) {
    if (error instanceof Refused) return { problem: error.problem };
    throw error;
  }
}

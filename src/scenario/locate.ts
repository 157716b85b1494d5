/** Turns a path inside the scenario data (e.g. ['decisions', 3, 'cost']) into a file position. */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export type DataPath = readonly (string | number)[];

export interface Position {
  readonly line: number;
  readonly col: number;
  /** Character offset of the node in the file (for positions inside a value). */
  readonly offset: number;
}

/** What the meaning pass needs to point at a place in the file. */
export interface PositionFinder {
  value(path: DataPath): Position;
  inside(path: DataPath, at: number): Position;
}

export class Locator implements PositionFinder {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** The value at the path, or the nearest enclosing node that exists. */
  value(path: DataPath): Position {
    return this.pos(this.walk(path).node);
  }

  /** The key of the last path step (for unknown or duplicate keys), else the value. */
  key(path: DataPath, key: string): Position {
    const { node, complete } = this.walk(path);
    if (complete && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) return this.pos(pair.key);
    }
    return this.pos(node);
  }

  /** A position inside a string value, `at` characters into its text (quotes accounted for). */
  inside(path: DataPath, at: number): Position {
    const { node, complete } = this.walk(path);
    if (complete && isScalar(node) && node.range) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const plainOneLine = node.type === 'PLAIN' || quoted;
      if (plainOneLine) return this.at(node.range[0] + (quoted ? 1 : 0) + at);
    }
    return this.pos(node);
  }

  private walk(path: DataPath): { node: Node | null; complete: boolean } {
    let node: Node | null = this.doc.contents ?? null;
    for (const step of path) {
      let next: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
        next = (pair?.value as Node | null | undefined) ?? null;
        if (pair && next === null) return { node: (pair.key as Node) ?? node, complete: false };
      } else if (isSeq(node) && typeof step === 'number') {
        next = (node.items[step] as Node | undefined) ?? null;
      }
      if (next === null) return { node, complete: false };
      node = next;
    }
    return { node, complete: true };
  }

  private pos(node: Node | null): Position {
    return this.at(node?.range ? node.range[0] : 0);
  }

  private at(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, col, offset };
  }
}

/**
 * The shared copy of an id. Ids cut out of a file's text (by the YAML parser, or out of an
 * expression) are fresh strings: reading `meters[id]` with one makes the JavaScript engine
 * look it up in its string table on every read, and comparing two such copies compares their
 * characters. Property keys are shared copies, so passing an id through an object's keys gives
 * the one copy every record of the game uses. The simulator reads ids millions of times.
 */
export function intern(id: string): string {
  return Object.keys({ [id]: 0 })[0]!;
}

const ID_LIKE = /^[a-z][a-z0-9_]*$/;

/** The structured file with every id-like string value replaced by its shared copy (texts are left alone). */
export function internIds<T>(value: T): T {
  if (typeof value === 'string') return (value.length <= 64 && ID_LIKE.test(value) ? intern(value) : value) as T;
  if (Array.isArray(value)) return value.map(internIds) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = internIds(v);
    return out as T;
  }
  return value;
}

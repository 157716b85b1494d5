/**
 * Scenario expressions: a small whitelisted grammar, parsed by jsep, checked against
 * the scenario's names and types, and compiled once into closures. Nothing is ever
 * evaluated as code (no eval, no new Function), so a strict CSP holds, and there is
 * no property access, so an expression cannot reach `constructor` or a global.
 *
 * Grammar: numbers, true/false, names (meters, counters, flags, turn, turns),
 * + - * / %, < <= > >= == !=, and/or/not (also && || !), parentheses, and the
 * functions min, max, abs, round, floor, ceil, clamp, taken, fired.
 */
import jsep from 'jsep';
import type { EvalContext } from '../engine/model';
import { suggestion } from '../engine/didYouMean';
import { intern } from './intern';

jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('or', 1);
jsep.addUnaryOp('not');
for (const op of ['|', '^', '&', '<<', '>>', '>>>', '===', '!==', '??', '**']) jsep.removeBinaryOp(op);
jsep.removeUnaryOp('~');
jsep.removeLiteral('null');
jsep.removeLiteral('this');

export type ExprType = 'number' | 'boolean';

/** What names an expression may use: meters, counters and flags, and which decisions and events exist. */
export interface ExprScope {
  readonly names: ReadonlyMap<string, ExprType>;
  /** The number names that are counters (the rest are meters): each name is read from one place. */
  readonly counters: ReadonlySet<string>;
  /** Each meter's, counter's and flag's place in its own list of the scenario: where its value is read (EvalContext). */
  readonly slots: ReadonlyMap<string, number>;
  readonly decisions: ReadonlySet<string>;
  readonly jointDecisions: ReadonlySet<string>;
  readonly events: ReadonlySet<string>;
}

/** A problem in an expression; `offset` is the character in the expression text where it is. */
export class ExprError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Compiled = (ctx: EvalContext) => number | boolean;
type NumberFn = (c: EvalContext) => number;
interface Checked {
  readonly type: ExprType;
  readonly fn: Compiled;
  /** Set when the expression reads nothing from the game: its value, worked out here once. */
  readonly constant?: number | boolean;
  /** Set when the expression is one meter's or counter's value, or a flag: where it is read. */
  readonly reads?: { readonly from: 'meters' | 'counters' | 'flags'; readonly slot: number };
  /** Set on `a and b and ...` (or `or`): its terms in order, so a longer chain is one closure. */
  readonly chain?: { readonly kind: 'and' | 'or'; readonly terms: readonly Compiled[] };
}

/*
 * Speed. The simulator evaluates expressions millions of times a second, and every closure of a
 * kind (every `x(c) + y(c)`, say) shares one piece of machine code, so a call from one closure to
 * the next is an indirect call the JavaScript engine cannot inline. The fewer closures an
 * expression is made of, the faster it runs: parts that read nothing are worked out here once
 * (constant), and an operation with a constant operand, or a comparison of a meter with a
 * constant, is one closure with the constant written in. Each does the same arithmetic in the
 * same order as the closures it replaces, so every value is the same to the last bit.
 */
function constant(type: ExprType, value: number | boolean): Checked {
  return { type, fn: () => value, constant: value };
}

/** The value of an operation whose operands are all constant: its own closure, run once (it reads nothing). */
function folded(type: ExprType, fn: Compiled): Checked {
  return constant(type, fn(undefined as never));
}

const BUILTIN_NAMES: ReadonlyMap<string, ExprType> = new Map([
  ['turn', 'number'],
  ['turns', 'number'],
]);

export const FUNCTION_NAMES = ['min', 'max', 'abs', 'round', 'floor', 'ceil', 'clamp', 'taken', 'fired'] as const;

/** Names an author may not give a meter, counter or flag: they already mean something in expressions. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...BUILTIN_NAMES.keys(), ...FUNCTION_NAMES, 'and', 'or', 'not', 'true', 'false']);

/** Parses, checks and compiles an expression that must give `expected`. Throws ExprError. */
export function compileExpression(source: string, expected: ExprType, scope: ExprScope): Compiled {
  let ast: jsep.Expression;
  try {
    ast = jsep(source);
  } catch (e) {
    const err = e as { index?: number; description?: string; message?: string };
    const offset = typeof err.index === 'number' ? err.index : 0;
    let message = `cannot read the expression "${source}": ${err.description ?? err.message ?? 'syntax error'}`;
    if (source[offset] === '=' && source[offset + 1] !== '=') message += ' (to compare, write ==)';
    throw new ExprError(message, offset);
  }
  const checked = check(ast, source, scope);
  if (checked.type !== expected) {
    throw new ExprError(
      expected === 'boolean' ? `"${source}" gives a number where a condition (true or false) is needed; compare it, e.g. "${source} > 50"` : `"${source}" gives true or false where a number is needed`,
      0,
    );
  }
  return checked.fn;
}

/** An expression as a message quotes it: whole, or cut when very long. */
function shortened(source: string): string {
  return source.length > 60 ? `${source.slice(0, 60)}…` : source;
}

function offsetOf(source: string, name: string): number {
  const match = new RegExp(`(^|[^A-Za-z0-9_$])${name.replace(/[$]/g, '\\$')}(?![A-Za-z0-9_$])`).exec(source);
  return match ? match.index + match[1]!.length : 0;
}

function check(node: jsep.Expression, source: string, scope: ExprScope): Checked {
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value === 'number' && Number.isFinite(value)) return constant('number', value);
      if (typeof value === 'boolean') return constant('boolean', value);
      throw new ExprError(`only numbers and true/false can be written in an expression, not ${JSON.stringify(value)}`, offsetOf(source, String((node as jsep.Literal).raw)));
    }
    case 'Identifier':
      return checkName((node as jsep.Identifier).name, source, scope);
    case 'UnaryExpression':
      return checkUnary(node as jsep.UnaryExpression, source, scope);
    case 'BinaryExpression':
      return checkBinary(node as jsep.BinaryExpression, source, scope);
    case 'CallExpression':
      return checkCall(node as jsep.CallExpression, source, scope);
    case 'MemberExpression':
      throw new ExprError(`expressions cannot read properties (no "." or "[ ]"): use a meter, counter or flag name in "${shortened(source)}"`, Math.max(0, source.search(/[.[]/)));
    case 'ConditionalExpression':
      throw new ExprError(`"a ? b : c" is not part of expressions ("${shortened(source)}"); use an effect with if: and else: instead`, Math.max(0, source.indexOf('?')));
    case 'Compound':
    case 'SequenceExpression':
      throw new ExprError(`an expression is one formula; remove the extra "," or ";" or the second formula in "${shortened(source)}"`, Math.max(0, source.search(/[,;]/)));
    default:
      throw new ExprError(`"${source}" uses something expressions do not allow (${node.type})`, 0);
  }
}

function checkName(rawName: string, source: string, scope: ExprScope): Checked {
  const name = intern(rawName);
  const type = BUILTIN_NAMES.get(name) ?? scope.names.get(name);
  if (type === undefined) {
    const known = [...BUILTIN_NAMES.keys(), ...scope.names.keys()];
    const hint = scope.decisions.has(name)
      ? ` '${name}' is a decision: to ask how often it was taken, write taken(${name}, 3)`
      : scope.events.has(name)
        ? ` '${name}' is an event: to ask whether it fired, write fired(${name}, 3) > 0`
        : suggestion(name, known);
    throw new ExprError(`unknown name '${name}' in an expression: it is not a meter, counter or flag.${hint}`, offsetOf(source, name));
  }
  if (name === 'turn') return { type, fn: (ctx) => ctx.turn };
  if (name === 'turns') return { type, fn: (ctx) => ctx.turns };
  const slot = scope.slots.get(name)!;
  if (type === 'boolean') return { type, fn: (ctx) => ctx.flagValues[slot] === true, reads: { from: 'flags', slot } };
  return scope.counters.has(name) ? { type, fn: (ctx) => ctx.counterValues[slot]!, reads: { from: 'counters', slot } } : { type, fn: (ctx) => ctx.meterValues[slot]!, reads: { from: 'meters', slot } };
}

function expect(checked: Checked, type: ExprType, what: string, source: string): void {
  if (checked.type !== type) {
    throw new ExprError(`${what} needs ${type === 'number' ? 'a number' : 'true or false'} in "${source}"`, 0);
  }
}

function checkUnary(node: jsep.UnaryExpression, source: string, scope: ExprScope): Checked {
  const arg = check(node.argument, source, scope);
  const f = arg.fn;
  switch (node.operator) {
    case '-': {
      expect(arg, 'number', "'-'", source);
      const negated: Compiled = (ctx) => -(f(ctx) as number);
      return arg.constant === undefined ? { type: 'number', fn: negated } : folded('number', negated);
    }
    case '+':
      expect(arg, 'number', "'+'", source);
      return arg;
    case 'not':
    case '!': {
      expect(arg, 'boolean', "'not'", source);
      if (arg.constant !== undefined) return folded('boolean', (ctx) => !f(ctx));
      if (arg.reads) {
        const slot = arg.reads.slot;
        return { type: 'boolean', fn: (ctx) => ctx.flagValues[slot] !== true };
      }
      return { type: 'boolean', fn: (ctx) => !f(ctx) };
    }
    default:
      throw new ExprError(`the operator '${node.operator}' is not part of expressions, in "${shortened(source)}"`, Math.max(0, source.indexOf(node.operator)));
  }
}

function checkBinary(node: jsep.BinaryExpression, source: string, scope: ExprScope): Checked {
  const l = check(node.left, source, scope);
  const r = check(node.right, source, scope);
  const a = l.fn;
  const b = r.fn;
  const op = node.operator;
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      expect(l, 'number', `'${op}'`, source);
      expect(r, 'number', `'${op}'`, source);
      const type = op === '+' || op === '-' || op === '*' || op === '/' || op === '%' ? 'number' : 'boolean';
      const fn = numeric(op, a as NumberFn, b as NumberFn);
      if (l.constant !== undefined && r.constant !== undefined) return folded(type, fn);
      // Division by zero gives 0 (see numeric), whatever is divided.
      if (r.constant === 0 && (op === '/' || op === '%')) return constant('number', 0);
      if (typeof r.constant === 'number') return { type, fn: withConstantRight(op, l, r.constant) };
      if (typeof l.constant === 'number') return { type, fn: withConstantLeft(op, l.constant, b as NumberFn) };
      return { type, fn };
    }
    case '==':
    case '!=': {
      if (l.type !== r.type) throw new ExprError(`'${op}' compares a number with true/false in "${source}"`, Math.max(0, source.indexOf(op)));
      const fn: Compiled = op === '==' ? (c) => a(c) === b(c) : (c) => a(c) !== b(c);
      if (l.constant !== undefined && r.constant !== undefined) return folded('boolean', fn);
      if (r.constant !== undefined) {
        const k = r.constant;
        return { type: 'boolean', fn: op === '==' ? (c) => a(c) === k : (c) => a(c) !== k };
      }
      return { type: 'boolean', fn };
    }
    case 'and':
    case '&&':
    case 'or':
    case '||': {
      const and = op === 'and' || op === '&&';
      expect(l, 'boolean', and ? "'and'" : "'or'", source);
      expect(r, 'boolean', and ? "'and'" : "'or'", source);
      const fn: Compiled = and ? (c) => a(c) && b(c) : (c) => a(c) || b(c);
      if (l.constant !== undefined && r.constant !== undefined) return folded('boolean', fn);
      // `a and b and c` is one closure over its three terms (in order, stopping at the first that decides), not two.
      const kind = and ? 'and' : 'or';
      const terms = [...(l.chain?.kind === kind ? l.chain.terms : [a]), ...(r.chain?.kind === kind ? r.chain.terms : [b])];
      return { type: 'boolean', fn: terms.length === 2 ? fn : chained(and, terms), chain: { kind, terms } };
    }
    default:
      throw new ExprError(`the operator '${op}' is not part of expressions, in "${shortened(source)}"`, Math.max(0, source.indexOf(op)));
  }
}
type NumberOp = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=';

/** A number operation or comparison of two expressions. */
function numeric(op: NumberOp, x: NumberFn, y: NumberFn): Compiled {
  switch (op) {
    case '+':
      return (c) => x(c) + y(c);
    case '-':
      return (c) => x(c) - y(c);
    case '*':
      return (c) => x(c) * y(c);
    case '/':
      // Division by zero gives 0 rather than Infinity so that meters stay finite.
      return (c) => {
        const d = y(c);
        return d === 0 ? 0 : x(c) / d;
      };
    case '%':
      return (c) => {
        const d = y(c);
        return d === 0 ? 0 : x(c) % d;
      };
    case '<':
      return (c) => x(c) < y(c);
    case '<=':
      return (c) => x(c) <= y(c);
    case '>':
      return (c) => x(c) > y(c);
    case '>=':
      return (c) => x(c) >= y(c);
  }
}

/** `x op k`, k a constant (not 0 for / and %): a comparison of a meter or counter with k reads it directly. */
function withConstantRight(op: NumberOp, l: Checked, k: number): Compiled {
  const x = l.fn as NumberFn;
  const from = l.reads?.from;
  const i = l.reads?.slot ?? 0;
  switch (op) {
    case '+':
      return (c) => x(c) + k;
    case '-':
      return (c) => x(c) - k;
    case '*':
      return (c) => x(c) * k;
    case '/':
      return (c) => x(c) / k;
    case '%':
      return (c) => x(c) % k;
    case '<':
      return from === 'meters' ? (c) => c.meterValues[i]! < k : from === 'counters' ? (c) => c.counterValues[i]! < k : (c) => x(c) < k;
    case '<=':
      return from === 'meters' ? (c) => c.meterValues[i]! <= k : from === 'counters' ? (c) => c.counterValues[i]! <= k : (c) => x(c) <= k;
    case '>':
      return from === 'meters' ? (c) => c.meterValues[i]! > k : from === 'counters' ? (c) => c.counterValues[i]! > k : (c) => x(c) > k;
    case '>=':
      return from === 'meters' ? (c) => c.meterValues[i]! >= k : from === 'counters' ? (c) => c.counterValues[i]! >= k : (c) => x(c) >= k;
  }
}

/** `k op y`, k a constant. */
function withConstantLeft(op: NumberOp, k: number, y: NumberFn): Compiled {
  switch (op) {
    case '+':
      return (c) => k + y(c);
    case '-':
      return (c) => k - y(c);
    case '*':
      return (c) => k * y(c);
    case '/':
      return (c) => {
        const d = y(c);
        return d === 0 ? 0 : k / d;
      };
    case '%':
      return (c) => {
        const d = y(c);
        return d === 0 ? 0 : k % d;
      };
    case '<':
      return (c) => k < y(c);
    case '<=':
      return (c) => k <= y(c);
    case '>':
      return (c) => k > y(c);
    case '>=':
      return (c) => k >= y(c);
  }
}

/** `a and b and c ...` (or `or`) over three or more terms, each asked in order until one decides. */
function chained(and: boolean, terms: readonly Compiled[]): Compiled {
  const n = terms.length;
  if (n === 3) {
    const [p, q, r] = terms as [Compiled, Compiled, Compiled];
    return and ? (c) => p(c) && q(c) && r(c) : (c) => p(c) || q(c) || r(c);
  }
  return and
    ? (c) => {
        for (let i = 0; i < n; i++) if (!terms[i]!(c)) return false;
        return true;
      }
    : (c) => {
        for (let i = 0; i < n; i++) if (terms[i]!(c)) return true;
        return false;
      };
}

function checkCall(node: jsep.CallExpression, source: string, scope: ExprScope): Checked {
  if (node.callee.type !== 'Identifier') {
    throw new ExprError(`only the named functions (min, max, abs, round, floor, ceil, clamp, taken, fired) can be called, in "${shortened(source)}"`, 0);
  }
  const name = (node.callee as jsep.Identifier).name;
  const at = offsetOf(source, name);
  const args = node.arguments;
  const arity = (lo: number, hi: number): void => {
    if (args.length < lo || args.length > hi) {
      const want = lo === hi ? `${lo}` : hi === Infinity ? `${lo} or more` : `${lo} to ${hi}`;
      throw new ExprError(`${name}() takes ${want} argument${want === '1' ? '' : 's'}, not ${args.length}, in "${shortened(source)}"`, at);
    }
  };
  const checkedNumbers = (): Checked[] =>
    args.map((arg) => {
      const checked = check(arg, source, scope);
      expect(checked, 'number', `${name}()`, source);
      return checked;
    });
  switch (name) {
    case 'min':
    case 'max': {
      arity(1, Infinity);
      const checked = checkedNumbers();
      const fs = checked.map((x) => x.fn as NumberFn);
      const pick = name === 'min' ? Math.min : Math.max;
      const fn: Compiled = (c) => pick(...fs.map((f) => f(c)));
      if (checked.every((x) => x.constant !== undefined)) return folded('number', fn);
      if (fs.length === 2) {
        // Math.min and Math.max named in the closure (not through `pick`), so the engine runs them inline.
        const [a, b] = fs as [NumberFn, NumberFn];
        const k = checked[0]!.constant;
        if (typeof k === 'number') return { type: 'number', fn: name === 'min' ? (c) => Math.min(k, b(c)) : (c) => Math.max(k, b(c)) };
        return { type: 'number', fn: name === 'min' ? (c) => Math.min(a(c), b(c)) : (c) => Math.max(a(c), b(c)) };
      }
      return { type: 'number', fn };
    }
    case 'abs':
    case 'round':
    case 'floor':
    case 'ceil': {
      arity(1, 1);
      const [arg] = checkedNumbers() as [Checked];
      const f = arg.fn as NumberFn;
      // Each function named in its own closure rather than looked up on Math at every call.
      const fn: Compiled = name === 'abs' ? (c) => Math.abs(f(c)) : name === 'round' ? (c) => Math.round(f(c)) : name === 'floor' ? (c) => Math.floor(f(c)) : (c) => Math.ceil(f(c));
      return arg.constant === undefined ? { type: 'number', fn } : folded('number', fn);
    }
    case 'clamp': {
      arity(3, 3);
      const checked = checkedNumbers() as [Checked, Checked, Checked];
      const [x, lo, hi] = checked.map((a) => a.fn as NumberFn) as [NumberFn, NumberFn, NumberFn];
      const fn: Compiled = (c) => Math.min(Math.max(x(c), lo(c)), hi(c));
      if (checked.every((a) => a.constant !== undefined)) return folded('number', fn);
      const [low, high] = [checked[1].constant, checked[2].constant];
      // The usual clamp(x, 1, 4): the bounds written in.
      if (typeof low === 'number' && typeof high === 'number') return { type: 'number', fn: (c) => Math.min(Math.max(x(c), low), high) };
      return { type: 'number', fn };
    }
    case 'taken':
    case 'fired': {
      arity(1, 2);
      const what = name === 'taken' ? 'a decision' : 'an event';
      const known = name === 'taken' ? scope.decisions : scope.events;
      const first = args[0]!;
      if (first.type !== 'Identifier') throw new ExprError(`${name}() needs ${what} id first, e.g. ${name}(some_id, 3), in "${shortened(source)}"`, at);
      const id = intern((first as jsep.Identifier).name);
      if (!known.has(id)) throw new ExprError(`${name}() names '${id}', which is not ${what}.${suggestion(id, known)}`, offsetOf(source, id));
      let over: Checked = constant('number', Infinity);
      if (args.length === 2) {
        over = check(args[1]!, source, scope);
        expect(over, 'number', `${name}()`, source);
      }
      // Nearly always a number of turns written in: then it is passed as it is.
      const turns = over.constant;
      const joint = scope.jointDecisions.has(id);
      if (typeof turns === 'number') return name === 'taken' ? { type: 'number', fn: (c) => c.taken(id, turns, joint) } : { type: 'number', fn: (c) => c.fired(id, turns) };
      const lastTurns = over.fn as NumberFn;
      return name === 'taken' ? { type: 'number', fn: (c) => c.taken(id, lastTurns(c), joint) } : { type: 'number', fn: (c) => c.fired(id, lastTurns(c)) };
    }
    default:
      throw new ExprError(`unknown function '${name}' in "${shortened(source)}".${suggestion(name, FUNCTION_NAMES)} Expressions can call ${FUNCTION_NAMES.join(', ')}`, at);
  }
}

/** A comparison of a name with a number in an expression, turned so the name comes first: `50 <= trust` is trust >= 50. */
export interface Threshold {
  readonly name: string;
  readonly op: '<' | '<=' | '>' | '>=';
  readonly value: number;
}

const FLIPPED = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;

/** Every `name op number` in an expression that parses (none for one that does not: the checker says why elsewhere). */
export function thresholds(source: string): Threshold[] {
  let ast: jsep.Expression;
  try {
    ast = jsep(source);
  } catch {
    return [];
  }
  const found: Threshold[] = [];
  const number = (n: jsep.Expression): number | undefined => {
    if (n.type === 'Literal' && typeof (n as jsep.Literal).value === 'number') return (n as jsep.Literal).value as number;
    if (n.type === 'UnaryExpression' && (n as jsep.UnaryExpression).operator === '-') {
      const inner = number((n as jsep.UnaryExpression).argument);
      return inner === undefined ? undefined : -inner;
    }
    return undefined;
  };
  const visit = (n: jsep.Expression): void => {
    if (n.type === 'BinaryExpression') {
      const b = n as jsep.BinaryExpression;
      if (b.operator in FLIPPED) {
        const op = b.operator as keyof typeof FLIPPED;
        const right = number(b.right);
        const left = number(b.left);
        if (b.left.type === 'Identifier' && right !== undefined) found.push({ name: (b.left as jsep.Identifier).name, op, value: right });
        else if (b.right.type === 'Identifier' && left !== undefined) found.push({ name: (b.right as jsep.Identifier).name, op: FLIPPED[op], value: left });
      }
      visit(b.left);
      visit(b.right);
    } else if (n.type === 'UnaryExpression') visit((n as jsep.UnaryExpression).argument);
  };
  visit(ast);
  return found;
}

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
  readonly decisions: ReadonlySet<string>;
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
interface Checked {
  readonly type: ExprType;
  readonly fn: Compiled;
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
      if (typeof value === 'number' && Number.isFinite(value)) return { type: 'number', fn: () => value };
      if (typeof value === 'boolean') return { type: 'boolean', fn: () => value };
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
  if (type === 'boolean') return { type, fn: (ctx) => ctx.flags[name] === true };
  return scope.counters.has(name) ? { type, fn: (ctx) => ctx.counters[name]! } : { type, fn: (ctx) => ctx.meters[name]! };
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
    case '-':
      expect(arg, 'number', "'-'", source);
      return { type: 'number', fn: (ctx) => -(f(ctx) as number) };
    case '+':
      expect(arg, 'number', "'+'", source);
      return arg;
    case 'not':
    case '!':
      expect(arg, 'boolean', "'not'", source);
      return { type: 'boolean', fn: (ctx) => !f(ctx) };
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
  const num = (): void => {
    expect(l, 'number', `'${op}'`, source);
    expect(r, 'number', `'${op}'`, source);
  };
  // Numbers were checked above, so the casts hold; calling a and b directly keeps each step one call.
  const x = a as (c: EvalContext) => number;
  const y = b as (c: EvalContext) => number;
  switch (op) {
    case '+':
      num();
      return { type: 'number', fn: (c) => x(c) + y(c) };
    case '-':
      num();
      return { type: 'number', fn: (c) => x(c) - y(c) };
    case '*':
      num();
      return { type: 'number', fn: (c) => x(c) * y(c) };
    case '/':
      num();
      // Division by zero gives 0 rather than Infinity so that meters stay finite.
      return {
        type: 'number',
        fn: (c) => {
          const d = y(c);
          return d === 0 ? 0 : x(c) / d;
        },
      };
    case '%':
      num();
      return {
        type: 'number',
        fn: (c) => {
          const d = y(c);
          return d === 0 ? 0 : x(c) % d;
        },
      };
    case '<':
      num();
      return { type: 'boolean', fn: (c) => x(c) < y(c) };
    case '<=':
      num();
      return { type: 'boolean', fn: (c) => x(c) <= y(c) };
    case '>':
      num();
      return { type: 'boolean', fn: (c) => x(c) > y(c) };
    case '>=':
      num();
      return { type: 'boolean', fn: (c) => x(c) >= y(c) };
    case '==':
    case '!=': {
      if (l.type !== r.type) throw new ExprError(`'${op}' compares a number with true/false in "${source}"`, Math.max(0, source.indexOf(op)));
      return op === '==' ? { type: 'boolean', fn: (c) => a(c) === b(c) } : { type: 'boolean', fn: (c) => a(c) !== b(c) };
    }
    case 'and':
    case '&&':
      expect(l, 'boolean', "'and'", source);
      expect(r, 'boolean', "'and'", source);
      return { type: 'boolean', fn: (c) => a(c) && b(c) };
    case 'or':
    case '||':
      expect(l, 'boolean', "'or'", source);
      expect(r, 'boolean', "'or'", source);
      return { type: 'boolean', fn: (c) => a(c) || b(c) };
    default:
      throw new ExprError(`the operator '${op}' is not part of expressions, in "${shortened(source)}"`, Math.max(0, source.indexOf(op)));
  }
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
  const numbers = (): Array<(c: EvalContext) => number> =>
    args.map((arg) => {
      const checked = check(arg, source, scope);
      expect(checked, 'number', `${name}()`, source);
      return checked.fn as (c: EvalContext) => number;
    });
  switch (name) {
    case 'min':
    case 'max': {
      arity(1, Infinity);
      const fs = numbers();
      const pick = name === 'min' ? Math.min : Math.max;
      if (fs.length === 2) {
        const [a, b] = fs as [(c: EvalContext) => number, (c: EvalContext) => number];
        return { type: 'number', fn: (c) => pick(a(c), b(c)) };
      }
      return { type: 'number', fn: (c) => pick(...fs.map((f) => f(c))) };
    }
    case 'abs':
    case 'round':
    case 'floor':
    case 'ceil': {
      arity(1, 1);
      const [f] = numbers() as [(c: EvalContext) => number];
      return { type: 'number', fn: (c) => Math[name](f(c)) };
    }
    case 'clamp': {
      arity(3, 3);
      const [x, lo, hi] = numbers() as [(c: EvalContext) => number, (c: EvalContext) => number, (c: EvalContext) => number];
      return { type: 'number', fn: (c) => Math.min(Math.max(x(c), lo(c)), hi(c)) };
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
      let lastTurns: (c: EvalContext) => number = () => Infinity;
      if (args.length === 2) {
        const checked = check(args[1]!, source, scope);
        expect(checked, 'number', `${name}()`, source);
        lastTurns = checked.fn as (c: EvalContext) => number;
      }
      return name === 'taken' ? { type: 'number', fn: (c) => c.taken(id, lastTurns(c)) } : { type: 'number', fn: (c) => c.fired(id, lastTurns(c)) };
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

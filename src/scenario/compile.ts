/**
 * The meaning pass: checks what needs the whole file (ids, references, ranges,
 * expression names and types, rule order) and compiles the structurally valid file
 * into the engine's immutable Scenario. Every problem is collected, not just the first.
 *
 * Every effect, meter, decision, event, rule and ending is built with all of its fields,
 * absent ones as undefined, in one order: objects of one shape keep the engine's property
 * reads fast (the simulator reads them millions of times).
 */
import type {
  AiPersonality,
  BooleanExpr,
  Calendar,
  GuideStep,
  Decision,
  Question,
  Effect,
  EffectTarget,
  Ending,
  GameEvent,
  Meter,
  NumberExpr,
  Perceived,
  Rule,
  Scenario,
  Side,
  Visibility,
} from '../engine/model';
import { suggestion } from '../engine/didYouMean';
import { compileExpression, ExprError, RESERVED_NAMES, thresholds, type ExprScope, type ExprType, type Threshold } from './expressions';
import type { DataPath, PositionFinder } from './locate';
import type { Problem } from './problems';
import type { EffectInput, ScenarioFile } from './schema';

type Kind = 'meter' | 'counter' | 'flag';

class Compiler {
  readonly problems: Problem[] = [];
  /** Said, but the file still loads. */
  readonly warnings: Problem[] = [];
  private readonly kinds = new Map<string, Kind>();
  /** Each meter's, counter's and flag's place in its own list: where expressions and effects find its value. */
  private readonly slots = new Map<string, number>();
  private readonly scope: ExprScope;
  private readonly sourceIds: Set<string>;
  private readonly eventIds: Set<string>;

  constructor(
    private readonly file: string,
    private readonly data: ScenarioFile,
    private readonly locate: PositionFinder,
  ) {
    this.registerNames();
    const names = new Map<string, ExprType>();
    for (const [id, kind] of this.kinds) names.set(id, kind === 'flag' ? 'boolean' : 'number');
    this.eventIds = new Set(data.events.map((e) => e.id));
    const counters = new Set([...this.kinds].filter(([, kind]) => kind === 'counter').map(([id]) => id));
    for (const list of [data.meters, data.counters, data.flags]) list.forEach((item, i) => this.slots.has(item.id) || this.slots.set(item.id, i));
    this.scope = {
      names,
      counters,
      slots: this.slots,
      decisions: new Set(data.decisions.map((d) => d.id)),
      jointDecisions: new Set(data.decisions.filter((d) => d.joint).map((d) => d.id)),
      events: this.eventIds,
    };
    this.sourceIds = new Set(data.sources.map((s) => s.id));
  }

  error(path: DataPath, message: string): void {
    const { line, col } = this.locate.value(path);
    this.problems.push({ file: this.file, line, col, stage: 'meaning', message });
  }

  warn(path: DataPath, message: string): void {
    const { line, col } = this.locate.value(path);
    this.warnings.push({ file: this.file, line, col, stage: 'meaning', message, severity: 'warning' });
  }

  private registerNames(): void {
    const lists: Array<[Kind, 'meters' | 'counters' | 'flags']> = [
      ['meter', 'meters'],
      ['counter', 'counters'],
      ['flag', 'flags'],
    ];
    for (const [kind, list] of lists) {
      this.data[list].forEach((item, i) => {
        const path = [list, i, 'id'];
        if (RESERVED_NAMES.has(item.id)) {
          this.error(path, `'${item.id}' already means something in expressions; give this ${kind} another id`);
        } else if (this.kinds.has(item.id)) {
          this.error(path, `the id '${item.id}' is used twice: meters, counters and flags share one set of names`);
        } else {
          this.kinds.set(item.id, kind);
        }
      });
    }
    this.uniqueIds('sources', 'source');
    this.uniqueIds('decisions', 'decision');
    this.uniqueIds('events', 'event');
    this.uniqueIds('rules', 'rule');
    this.uniqueIds('endings', 'ending');
  }

  private uniqueIds(list: 'sources' | 'decisions' | 'events' | 'rules' | 'endings', what: string): void {
    const seen = new Set<string>();
    this.data[list].forEach((item: { id: string }, i: number) => {
      if (seen.has(item.id)) this.error([list, i, 'id'], `the ${what} id '${item.id}' is used twice; ids must be unique`);
      seen.add(item.id);
    });
  }

  bool(value: boolean | string | undefined, path: DataPath): BooleanExpr | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return () => value;
    return this.expr(value, 'boolean', path) as BooleanExpr | undefined;
  }

  num(value: number | string, path: DataPath): NumberExpr {
    if (typeof value === 'number') return () => value;
    return (this.expr(value, 'number', path) as NumberExpr | undefined) ?? (() => 0);
  }

  private expr(source: string, type: ExprType, path: DataPath): ((c: never) => unknown) | undefined {
    try {
      return compileExpression(source, type, this.scope);
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      const { line, col } = this.locate.inside(path, e.offset);
      this.problems.push({ file: this.file, line, col, stage: 'meaning', message: e.message });
      return undefined;
    }
  }

  source(id: string | undefined, path: DataPath): string | undefined {
    if (id !== undefined && !this.sourceIds.has(id)) {
      this.error(path, `unknown source '${id}'.${suggestion(id, this.sourceIds)} Sources are listed under 'sources:' at the top of the file`);
    }
    return id;
  }

  perceived(p: ScenarioFile['decisions'][number]['perceived']): Perceived {
    return p ?? {};
  }

  effects(list: readonly EffectInput[] | undefined, path: DataPath): Effect[] {
    return (list ?? []).map((e, i) => this.effect(e, [...path, i]));
  }

  private effect(e: EffectInput, path: DataPath): Effect {
    const key = path.join('.');
    const targets = (['meter', 'counter', 'flag'] as const).filter((k) => e[k] !== undefined);
    const ops = (['add', 'set', 'multiply'] as const).filter((k) => e[k] !== undefined);
    let target: EffectTarget | undefined;
    let op: Effect['op'];
    let value: Effect['value'];
    if (targets.length > 1) {
      this.error([...path, targets[1]!], `an effect changes one thing: it has both '${targets[0]}' and '${targets[1]}'; split it into two effects`);
    } else if (targets.length === 1) {
      const kind = targets[0]!;
      const id = e[kind]!;
      const actual = this.kinds.get(id);
      if (actual === undefined) {
        const known = [...this.kinds].filter(([, k]) => k === kind).map(([n]) => n);
        this.error([...path, kind], `unknown ${kind} '${id}'.${suggestion(id, known)}`);
      } else if (actual !== kind) {
        this.error([...path, kind], `'${id}' is a ${actual}, not a ${kind}; write '${actual}: ${id}'`);
      } else {
        target = { kind, id, slot: this.slots.get(id)! };
      }
      if (ops.length === 0) {
        this.error(path, `this effect names ${kind} '${id}' but not what to do: add 'add:', 'set:' or 'multiply:'`);
      } else if (ops.length > 1) {
        this.error([...path, ops[1]!], `an effect does one thing: it has both '${ops[0]}' and '${ops[1]}'; split it into two effects`);
      } else {
        op = ops[0]!;
        const raw = e[op]!;
        if (kind === 'flag') {
          if (op !== 'set') this.error([...path, op], `a flag can only be set (to true, false or a condition), not '${op}'`);
          else value = typeof raw === 'number' ? (this.error([...path, op], `a flag is set to true, false or a condition, not a number (${raw})`), undefined) : this.bool(raw, [...path, op]);
        } else if (typeof raw === 'boolean') {
          this.error([...path, op], `a ${kind} holds a number; '${op}: ${raw}' needs a number or a number expression`);
        } else {
          value = this.num(raw, [...path, op]);
        }
      }
    } else if (ops.length > 0) {
      this.error([...path, ops[0]!], `'${ops[0]}:' needs a meter, counter or flag to change: add 'meter: <id>' (or counter:/flag:)`);
    }
    if (e.fire !== undefined && !this.eventIds.has(e.fire)) {
      this.error([...path, 'fire'], `unknown event '${e.fire}'.${suggestion(e.fire, this.eventIds)}`);
    }
    if (targets.length === 0 && e.fire === undefined && !e.then?.length && !e.else?.length) {
      this.error(path, 'this effect does nothing: give it a meter, counter or flag to change, an event to fire, or then:/else: effects');
    }
    if (e.else?.length && e.if === undefined && e.chance === undefined) {
      this.error([...path, 'else'], "'else:' runs when 'if:' or 'chance:' fails, but this effect has neither");
    }
    const effect: Effect = {
      key,
      delay: e.delay ?? 0,
      then: this.effects(e.then, [...path, 'then']),
      otherwise: this.effects(e.else, [...path, 'else']),
      target,
      op,
      value,
      condition: e.if === undefined ? undefined : this.bool(e.if, [...path, 'if']),
      chance: e.chance,
      fire: e.fire,
    };
    return effect;
  }
}

export function compileScenario(file: string, data: ScenarioFile, locate: PositionFinder): { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[] } {
  const c = new Compiler(file, data, locate);
  const turns = data.turns;

  const meters: Meter[] = data.meters.map((m, i) => {
    const path = ['meters', i];
    if (m.min >= m.max) c.error([...path, 'max'], `max (${m.max}) must be greater than min (${m.min})`);
    if (m.start < m.min || m.start > m.max) c.error([...path, 'start'], `start (${m.start}) is outside min..max (${m.min}..${m.max})`);
    if (m.baseline !== undefined && (m.baseline < m.min || m.baseline > m.max)) {
      c.error([...path, 'baseline'], `baseline (${m.baseline}) is outside min..max (${m.min}..${m.max})`);
    }
    const visibility: Record<Side, Visibility> =
      typeof m.visibility === 'string' ? { tokyo: m.visibility, seoul: m.visibility } : { tokyo: m.visibility.tokyo ?? 'exact', seoul: m.visibility.seoul ?? 'exact' };
    return {
      id: m.id,
      label: m.label,
      description: m.description,
      unit: m.unit,
      min: m.min,
      max: m.max,
      start: m.start,
      baseline: m.baseline ?? m.start,
      drift: m.drift,
      visibility,
      pollError: m.poll_error === undefined ? undefined : c.num(m.poll_error, [...path, 'poll_error']),
    };
  });

  const counters = data.counters.map((k, i) => {
    const min = k.min ?? -Infinity;
    const max = k.max ?? Infinity;
    if (min > max) c.error(['counters', i, 'max'], `max (${max}) must not be below min (${min})`);
    if (k.start < min || k.start > max) c.error(['counters', i, 'start'], `start (${k.start}) is outside min..max (${k.min ?? '-∞'}..${k.max ?? '∞'})`);
    // JSON has no Infinity, so unbounded counters use the largest safe values.
    return { id: k.id, ...(k.label !== undefined && { label: k.label }), start: k.start, min: Math.max(min, -Number.MAX_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) };
  });
  const flags = data.flags.map((f) => ({ id: f.id, ...(f.label !== undefined && { label: f.label }), start: f.start }));

  const decisions: Decision[] = data.decisions.map((d, i) => {
    const path = ['decisions', i];
    if (d.joint && d.side !== 'both') c.error([...path, 'side'], `a joint decision is chosen by both sides: set side: both (it is '${d.side}')`);
    if (d.declined && !d.joint) c.error([...path, 'declined'], "'declined:' only applies to joint decisions (joint: true)");
    if (d.once && d.cooldown > 0) c.error([...path, 'cooldown'], `a decision that can be taken once needs no cooldown (it has once: true and cooldown: ${d.cooldown}); remove one of them`);
    const when = c.bool(d.when, [...path, 'when']);
    return {
      id: d.id,
      side: d.side,
      joint: d.joint,
      category: d.category,
      title: d.title,
      description: d.description,
      cost: d.cost,
      when,
      once: d.once,
      cooldown: d.cooldown,
      effects: c.effects(d.effects, [...path, 'effects']),
      declined: c.effects(d.declined, [...path, 'declined']),
      perceived: c.perceived(d.perceived),
      source: d.source === undefined ? undefined : c.source(d.source, [...path, 'source']),
      explain: d.explain,
    };
  });

  const events: GameEvent[] = data.events.map((e, i) => {
    const path = ['events', i];
    const t = e.trigger;
    const on = t.turn === undefined ? undefined : Array.isArray(t.turn) ? t.turn : [t.turn];
    const from = t.from ?? 1;
    const to = t.to ?? turns;
    for (const [j, n] of (on ?? []).entries()) {
      if (n > turns) c.error([...path, 'trigger', 'turn', ...(Array.isArray(t.turn) ? [j] : [])], `turn ${n} is after the last turn (${turns}); this event could never fire then`);
    }
    if (from > to) c.error([...path, 'trigger', 'from'], `from (${from}) is after to (${to}); this event could never fire`);
    if (t.to !== undefined && t.to > turns) c.error([...path, 'trigger', 'to'], `to (${t.to}) is after the last turn (${turns})`);
    if (e.cooldown > 0 && !e.repeat) c.error([...path, 'cooldown'], `a cooldown only matters for an event with repeat: true (this one has cooldown: ${e.cooldown} and does not repeat)`);
    let response: GameEvent['response'];
    if (e.response) {
      const r = e.response;
      const ids = r.choices.map((ch) => ch.id);
      r.choices.forEach((ch, j) => {
        if (ids.indexOf(ch.id) !== j) c.error([...path, 'response', 'choices', j, 'id'], `the choice id '${ch.id}' is used twice in this event`);
      });
      const def = r.choices.find((ch) => ch.id === r.default);
      if (!def) c.error([...path, 'response', 'default'], `the default '${r.default}' is not one of this event's choices.${suggestion(r.default, ids)}`);
      else if (def.cost > 0) c.error([...path, 'response', 'default'], `the default choice '${def.id}' costs ${def.cost}; it is what happens when a side does nothing, so it must cost 0`);
      response = {
        side: r.side,
        prompt: r.prompt,
        default: r.default,
        choices: r.choices.map((ch, j) => ({
          id: ch.id,
          title: ch.title,
          description: ch.description,
          cost: ch.cost,
          effects: c.effects(ch.effects, [...path, 'response', 'choices', j, 'effects']),
          perceived: c.perceived(ch.perceived),
          explain: ch.explain,
        })),
      };
    }
    const when = c.bool(t.when, [...path, 'trigger', 'when']);
    return {
      id: e.id,
      title: e.title,
      description: e.description,
      turns: on,
      from,
      to,
      when,
      chance: t.chance ?? 1,
      repeat: e.repeat,
      cooldown: e.cooldown,
      effects: c.effects(e.effects, [...path, 'effects']),
      response,
      perceived: c.perceived(e.perceived),
      source: e.source === undefined ? undefined : c.source(e.source, [...path, 'source']),
      explain: e.explain,
    };
  });

  const rules = orderRules(c, data).map(({ rule: r, index: i }): Rule => {
    const path = ['rules', i];
    const when = c.bool(r.when, [...path, 'when']);
    return {
      id: r.id,
      title: r.title,
      when,
      effects: c.effects(r.effects, [...path, 'effects']),
      source: r.source === undefined ? undefined : c.source(r.source, [...path, 'source']),
      explain: r.explain,
    };
  });

  const endings: Ending[] = data.endings.map((e, i) => {
    const path = ['endings', i];
    const when = c.bool(e.when, [...path, 'when']);
    return {
      id: e.id,
      kind: e.kind,
      when,
      title: e.title,
      text: e.text,
      outcome: { tokyo: e.outcome?.tokyo ?? 'draw', seoul: e.outcome?.seoul ?? 'draw' },
      source: e.source === undefined ? undefined : c.source(e.source, [...path, 'source']),
      explain: e.explain,
    };
  });
  if (!data.endings.some((e) => e.kind === 'final' && e.when === undefined)) {
    c.error(['endings'], "no final ending without 'when:': add one as the last ending, so that every game that reaches the last turn ends somewhere");
  }

  const sides = {
    tokyo: side(c, data, 'tokyo'),
    seoul: side(c, data, 'seoul'),
  };

  // Checked before the verdict: each of them can find problems too.
  const steps = guide(c, data);
  const cal = calendar(c, data);
  const ai = { tokyo: personality(c, data, 'tokyo'), seoul: personality(c, data, 'seoul') };
  const asked = questions(c, data);
  goalWarnings(c, data);

  if (c.problems.length > 0) return { ok: false, problems: [...c.problems, ...c.warnings] };
  return {
    ok: true,
    warnings: c.warnings,
    scenario: {
      id: data.id,
      title: data.title,
      ...(data.summary !== undefined && { summary: data.summary }),
      ...(data.briefing !== undefined && { briefing: data.briefing }),
      questions: asked,
      guide: steps,
      ai,
      ...(data.period !== undefined && { period: data.period }),
      ...(data.difficulty !== undefined && { difficulty: data.difficulty }),
      turns,
      ...(cal && { calendar: cal }),
      sources: data.sources,
      sides,
      meters,
      counters,
      flags,
      decisions,
      events,
      rules,
      endings,
    },
  };
}

function side(c: Compiler, data: ScenarioFile, s: Side): Scenario['sides'][Side] {
  const d = data.sides[s];
  return { name: d.name, goals: d.goals, capital: c.num(d.capital, ['sides', s, 'capital']), score: c.num(d.score, ['sides', s, 'score']) };
}

/** The calendar: one way of giving the turns' lengths, and one length and one label a turn. */
function calendar(c: Compiler, data: ScenarioFile): Calendar | undefined {
  const d = data.calendar;
  if (!d) return undefined;
  const turns = data.turns;
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  if (d.months_per_turn === undefined && d.months === undefined) {
    c.error(['calendar'], `a calendar needs the length of its turns: add 'months_per_turn: N' (every turn N months) or 'months: [...]' (${plural(turns, 'number', 'numbers')}, one for each turn)`);
  } else if (d.months_per_turn !== undefined && d.months !== undefined) {
    c.error(['calendar', 'months'], "give 'months_per_turn:' (every turn the same length) or 'months:' (one length for each turn), not both; remove one of them");
  } else if (d.months && d.months.length !== turns) {
    c.error(['calendar', 'months'], `'months:' has ${plural(d.months.length, 'length', 'lengths')}, but the scenario has ${plural(turns, 'turn', 'turns')}: it needs ${turns}, one for each turn`);
  }
  if (d.labels && d.labels.length !== turns) {
    c.error(['calendar', 'labels'], `'labels:' has ${plural(d.labels.length, 'label', 'labels')}, but the scenario has ${plural(turns, 'turn', 'turns')}: it needs ${turns}, one for each turn`);
  }
  return {
    start: d.start,
    ...(d.months_per_turn !== undefined ? { monthsPerTurn: d.months_per_turn } : { months: d.months ?? [] }),
    ...(d.labels && { labels: d.labels }),
  };
}

function guide(c: Compiler, data: ScenarioFile): GuideStep[] {
  return data.guide.map((step, i) => {
    if (step.turn > data.turns) c.error(['guide', i, 'turn'], `turn ${step.turn} is after the last turn (${data.turns}); this note would never be shown`);
    return {
      turn: step.turn,
      ...(step.side !== undefined && { side: step.side }),
      ...(step.title !== undefined && { title: step.title }),
      text: step.text,
    };
  });
}

/** A plain Text becomes { text }; a question mapping keeps what it has, once its choices and key agree. */
function questions(c: Compiler, data: ScenarioFile): Question[] {
  return data.questions.map((q, i): Question => {
    if (typeof q === 'string' || !('text' in q)) return { text: q };
    const path = ['questions', i];
    if (q.choices === undefined) {
      if (q.key !== undefined) c.error([...path, 'key'], `'key:' names the right choice, but question ${i + 1} has no 'choices:'; add its choices or remove 'key:'`);
    } else {
      const ids = q.choices.map((ch) => ch.id);
      q.choices.forEach((ch, j) => {
        if (ids.indexOf(ch.id) !== j) c.error([...path, 'choices', j, 'id'], `the choice id '${ch.id}' is used twice in question ${i + 1}`);
      });
      if (q.key === undefined) c.error(path, `missing 'key' in question ${i + 1}: a question with 'choices:' needs 'key:', the id of the right choice (one of ${ids.join(', ')})`);
      else if (!ids.includes(q.key)) c.error([...path, 'key'], `the key '${q.key}' is not one of the choices of question ${i + 1} (${ids.join(', ')}).${suggestion(q.key, ids)}`);
    }
    return {
      text: q.text,
      ...(q.guide !== undefined && { guide: q.guide }),
      ...(q.choices !== undefined && { choices: q.choices.map((ch) => ({ id: ch.id, text: ch.text })) }),
      ...(q.key !== undefined && { key: q.key }),
    };
  });
}

function personality(c: Compiler, data: ScenarioFile, s: Side): AiPersonality {
  const input = data.ai?.[s];
  if (!input) return { meters: {}, leanings: {} };
  const meterIds = data.meters.map((m) => m.id);
  for (const id of Object.keys(input.meters)) {
    if (!meterIds.includes(id)) c.error(['ai', s, 'meters', id], `unknown meter '${id}'.${suggestion(id, meterIds)} The computer can only value meters listed under 'meters:'`);
  }
  return { meters: input.meters, leanings: input.leanings };
}

const AT_LEAST = /\b(above|over|more than|at least|or more|or higher|or above|and up|\+)/;
const AT_MOST = /\b(below|under|less than|at most|or less|or lower|or below|or fewer)\b/;

/**
 * A side's goals that name a threshold ("keep trust above 60") its winning endings do not check
 * (`gov_trust >= 50`) nor its losing endings mark (approval < 31 for "approval at 31% or more"):
 * the briefing would promise one game and the ending judge another. Only the
 * meters those endings compare are looked for, by id, label or their last word (when no other
 * meter shares it), and only a bound of the same direction is compared.
 */
function goalWarnings(c: Compiler, data: ScenarioFile): void {
  for (const side of ['tokyo', 'seoul'] as const) {
    const written = data.sides[side].goals;
    const english = typeof written === 'string' ? written : written.en;
    const goals = english.toLowerCase();
    // Quoted as written where lower case kept the length (it does for English).
    const source = english.length === goals.length ? english : goals;
    const bounds = (outcome: 'win' | 'loss'): Map<string, { bound: Threshold; ending: string }[]> => {
      const found = new Map<string, { bound: Threshold; ending: string }[]>();
      for (const e of data.endings) {
        if (e.outcome?.[side] !== outcome || typeof e.when !== 'string') continue;
        for (const bound of thresholds(e.when)) {
          if (data.meters.some((m) => m.id === bound.name)) found.set(bound.name, [...(found.get(bound.name) ?? []), { bound, ending: e.id }]);
        }
      }
      return found;
    };
    const checked = bounds('win');
    const losing = bounds('loss');
    // Names are looked for among all meters, so a word two meters share ("approval") names neither.
    const names = new Map<string, string[]>();
    for (const meter of data.meters) {
      const id = meter.id;
      const label = (typeof meter.label === 'string' ? meter.label : meter.label.en).toLowerCase();
      const bare = label.replace(/\s*\(.*?\)\s*/g, ' ').trim();
      for (const name of new Set([id, id.replace(/_/g, ' '), label, bare, id.split('_').at(-1)!, bare.split(/\s+/).at(-1)!])) {
        if (name.length >= 3) names.set(name, [...(names.get(name) ?? []), id]);
      }
    }
    const warned = new Set<string>();
    for (const [name, ids] of names) {
      const id = ids[0]!;
      if (ids.length !== 1 || !checked.has(id)) continue;
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const m of goals.matchAll(new RegExp(`\\b${escaped}\\b([^.;\\d]{0,30}?)(-?\\d+(?:\\.\\d+)?)\\s*%?([^.;,\\d]{0,12})`, 'g'))) {
        const between = m[1]!;
        const after = m[3]!;
        const suffix = /^\s*(or more|or higher|or above|\+|or less|or lower|or below|or fewer)/.exec(after)?.[0] ?? '';
        const atLeast = AT_LEAST.test(between) || /(more|higher|above|\+)$/.test(suffix);
        const atMost = AT_MOST.test(between) || /(less|lower|below|fewer)$/.test(suffix);
        if (atLeast === atMost) continue;
        const value = Number(m[2]);
        const same = checked.get(id)!.filter(({ bound }) => (atLeast ? bound.op === '>' || bound.op === '>=' : bound.op === '<' || bound.op === '<='));
        if (same.length === 0 || same.some(({ bound }) => bound.value === value)) continue;
        // "Keep approval at 31% or more" is the other side of a loss at approval < 31: a goal too.
        const avoids = (losing.get(id) ?? []).some(({ bound }) => bound.value === value && (atLeast ? bound.op === '<' || bound.op === '<=' : bound.op === '>' || bound.op === '>='));
        if (avoids) continue;
        const key = `${side}:${id}:${value}`;
        if (warned.has(key)) continue;
        warned.add(key);
        const { bound, ending } = same[0]!;
        c.warn(
          ['sides', side, 'goals', ...(typeof written === 'string' ? [] : ['en'])],
          `the goals of ${side} say '${source.slice(m.index, m.index + m[0].length - after.length + suffix.length).trim()}', but the ending '${ending}' that ${side} wins needs ${bound.name} ${bound.op} ${bound.value}; make the goals and the ending say the same number`,
        );
      }
    }
  }
}

/** Rules run in file order, except that a rule runs after the rules it names in `after:`; a cycle is an error. */
function orderRules(c: Compiler, data: ScenarioFile): { rule: ScenarioFile['rules'][number]; index: number }[] {
  const byId = new Map(data.rules.map((r, index) => [r.id, { rule: r, index }]));
  data.rules.forEach((r, i) =>
    (r.after ?? []).forEach((dep, j) => {
      if (!byId.has(dep)) c.error(['rules', i, 'after', j], `unknown rule '${dep}'.${suggestion(dep, byId.keys())}`);
      if (dep === r.id) c.error(['rules', i, 'after', j], `rule '${r.id}' cannot come after itself`);
    }),
  );
  const ordered: { rule: ScenarioFile['rules'][number]; index: number }[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, chain: string[]): void => {
    const entry = byId.get(id);
    if (!entry || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...chain.slice(chain.indexOf(id)), id];
      const key = [...cycle].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        c.error(['rules', entry.index, 'after'], `these rules would loop, each waiting for the next: ${cycle.join(' → ')}; remove one 'after:'`);
      }
      return;
    }
    state.set(id, 'visiting');
    for (const dep of entry.rule.after ?? []) if (dep !== id) visit(dep, [...chain, id]);
    state.set(id, 'done');
    ordered.push(entry);
  };
  for (const r of data.rules) visit(r.id, []);
  return ordered;
}

/**
 * fast-check generators of valid scenario *files* (plain data, as an author would
 * write them), so property tests exercise the whole pipeline: YAML text → checker →
 * compiled scenario → engine.
 */
import fc from 'fast-check';

const SIDE_CHOICES = ['tokyo', 'seoul', 'both'] as const;
const VISIBILITY = ['exact', 'poll', 'hidden'] as const;
const CATEGORIES = ['summit', 'history', 'north_korea', 'china', 'economy', 'public', 'security', 'other'] as const;

interface Names {
  numbers: string[];
  flags: string[];
  decisions: string[];
  events: string[];
}

function numberExpr(names: Names, depth = 2): fc.Arbitrary<string> {
  const leaves: fc.Arbitrary<string>[] = [fc.integer({ min: -20, max: 20 }).map(String), fc.constantFrom('turn', 'turns')];
  if (names.numbers.length) leaves.push(fc.constantFrom(...names.numbers));
  if (names.decisions.length) leaves.push(fc.tuple(fc.constantFrom(...names.decisions), fc.integer({ min: 1, max: 4 })).map(([d, n]) => `taken(${d}, ${n})`));
  if (names.events.length) leaves.push(fc.constantFrom(...names.events).map((e) => `fired(${e})`));
  const leaf = fc.oneof(...leaves);
  if (depth === 0) return leaf;
  const sub = numberExpr(names, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(sub, fc.constantFrom('+', '-', '*', '/', '%'), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('min', 'max'), sub, sub).map(([f, a, b]) => `${f}(${a}, ${b})`) },
    { weight: 1, arbitrary: fc.tuple(sub, sub, sub).map(([a, b, c]) => `clamp(${a}, ${b}, ${c})`) },
    { weight: 1, arbitrary: sub.map((a) => `abs(-${a})`) },
  );
}

function condition(names: Names, depth = 2): fc.Arbitrary<string> {
  const num = numberExpr(names, 1);
  const leaves: fc.Arbitrary<string>[] = [fc.tuple(num, fc.constantFrom('<', '<=', '>', '>=', '==', '!='), num).map(([a, op, b]) => `${a} ${op} ${b}`)];
  if (names.flags.length) leaves.push(fc.constantFrom(...names.flags));
  const leaf = fc.oneof(...leaves);
  if (depth === 0) return leaf;
  const sub = condition(names, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(sub, fc.constantFrom('and', 'or'), sub).map(([a, op, b]) => `(${a}) ${op} (${b})`) },
    { weight: 1, arbitrary: sub.map((a) => `not (${a})`) },
  );
}

type EffectData = Record<string, unknown>;

function effect(names: Names, meters: string[], counters: string[], depth: number): fc.Arbitrary<EffectData> {
  const change: fc.Arbitrary<EffectData>[] = [];
  const value = fc.oneof(fc.integer({ min: -30, max: 30 }), numberExpr(names, 1));
  if (meters.length) {
    change.push(
      fc.tuple(fc.constantFrom(...meters), fc.constantFrom('add', 'set', 'multiply'), value).map(([m, op, v]) => ({ meter: m, [op]: op === 'multiply' && typeof v === 'number' ? v / 10 : v })),
    );
  }
  if (counters.length) change.push(fc.tuple(fc.constantFrom(...counters), value).map(([c, v]) => ({ counter: c, add: v })));
  if (names.flags.length) change.push(fc.tuple(fc.constantFrom(...names.flags), fc.oneof(fc.boolean(), condition(names, 0))).map(([f, v]) => ({ flag: f, set: v })));
  if (names.events.length) change.push(fc.constantFrom(...names.events).map((e) => ({ fire: e })));
  const base = fc.oneof(...change);
  const nested = depth > 0 ? fc.array(effect(names, meters, counters, depth - 1), { minLength: 1, maxLength: 2 }) : fc.constant(undefined);
  return fc
    .record(
      {
        base,
        if: fc.option(condition(names, 1), { nil: undefined }),
        chance: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        delay: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        then: fc.option(nested, { nil: undefined }),
        else: fc.option(nested, { nil: undefined }),
      },
      { requiredKeys: ['base'] },
    )
    .map(({ base: b, else: otherwise, ...rest }) => {
      const e: EffectData = { ...b };
      for (const [k, v] of Object.entries(rest)) if (v !== undefined) e[k] = v;
      if (otherwise && (e.if !== undefined || e.chance !== undefined)) e.else = otherwise;
      return e;
    });
}

/** A valid scenario file as data. */
export const scenarioData: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    turns: fc.integer({ min: 1, max: 10 }),
    meterCount: fc.integer({ min: 1, max: 4 }),
    counterCount: fc.integer({ min: 0, max: 2 }),
    flagCount: fc.integer({ min: 0, max: 2 }),
    decisionSides: fc.array(fc.tuple(fc.constantFrom(...SIDE_CHOICES), fc.boolean()), { minLength: 1, maxLength: 6 }),
    eventCount: fc.integer({ min: 0, max: 3 }),
    ruleCount: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer(),
  })
  .chain((shape) => {
    const meters = Array.from({ length: shape.meterCount }, (_, i) => `m${i}`);
    const counters = Array.from({ length: shape.counterCount }, (_, i) => `c${i}`);
    const names: Names = {
      numbers: [...meters, ...counters],
      flags: Array.from({ length: shape.flagCount }, (_, i) => `f${i}`),
      decisions: shape.decisionSides.map((_, i) => `d${i}`),
      events: Array.from({ length: shape.eventCount }, (_, i) => `e${i}`),
    };
    const effects = fc.array(effect(names, meters, counters, 1), { minLength: 1, maxLength: 3 });
    const meter = (id: string) =>
      fc
        .record({
          min: fc.integer({ min: -50, max: 0 }),
          span: fc.integer({ min: 1, max: 200 }),
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          drift: fc.double({ min: 0, max: 1, noNaN: true }),
          tokyo: fc.constantFrom(...VISIBILITY),
          seoul: fc.constantFrom(...VISIBILITY),
          pollError: fc.option(numberExpr(names, 1), { nil: undefined }),
        })
        .map((m) => ({
          id,
          label: { en: id.toUpperCase(), ja: `${id}（日本語）`, ko: `${id} (한국어)` },
          min: m.min,
          max: m.min + m.span,
          start: m.min + Math.round(m.at * m.span),
          drift: m.drift,
          visibility: { tokyo: m.tokyo, seoul: m.seoul },
          ...(m.pollError !== undefined && { poll_error: m.pollError }),
        }));
    const decision = ([side, joint]: readonly [string, boolean], i: number) =>
      fc
        .record({
          cost: fc.integer({ min: 0, max: 3 }),
          when: fc.option(condition(names, 1), { nil: undefined }),
          limit: fc.constantFrom('none', 'once', 'cooldown'),
          cooldown: fc.integer({ min: 1, max: 3 }),
          category: fc.constantFrom(...CATEGORIES),
          effects,
          declined: fc.option(effects, { nil: undefined }),
        })
        .map((d) => {
          const isJoint = joint && side === 'both';
          return {
            id: `d${i}`,
            side,
            ...(isJoint && { joint: true }),
            category: d.category,
            title: `Decision ${i}`,
            cost: d.cost,
            ...(d.when !== undefined && { when: d.when }),
            ...(d.limit === 'once' && { once: true }),
            ...(d.limit === 'cooldown' && { cooldown: d.cooldown }),
            effects: d.effects,
            ...(isJoint && d.declined && { declined: d.declined }),
          };
        });
    const event = (i: number) =>
      fc
        .record({
          turn: fc.option(fc.integer({ min: 1, max: shape.turns }), { nil: undefined }),
          when: fc.option(condition(names, 1), { nil: undefined }),
          chance: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
          repeat: fc.boolean(),
          effects: fc.array(effect(names, meters, counters, 1), { maxLength: 2 }),
          response: fc.option(
            fc.record({
              side: fc.constantFrom('tokyo', 'seoul'),
              choices: fc.array(fc.record({ cost: fc.integer({ min: 0, max: 2 }), effects }), { minLength: 1, maxLength: 3 }),
            }),
            { nil: undefined },
          ),
        })
        .map((e) => ({
          id: `e${i}`,
          title: `Event ${i}`,
          trigger: {
            ...(e.turn !== undefined && { turn: e.turn }),
            ...(e.when !== undefined && { when: e.when }),
            ...(e.chance !== undefined && { chance: e.chance }),
          },
          repeat: e.repeat,
          effects: e.effects,
          ...(e.response && {
            response: {
              side: e.response.side,
              prompt: 'Respond',
              default: 'r0',
              choices: e.response.choices.map((c, j) => ({ id: `r${j}`, title: `Choice ${j}`, cost: j === 0 ? 0 : c.cost, effects: c.effects })),
            },
          }),
        }));
    const rule = (i: number) =>
      fc
        .record({ when: fc.option(condition(names, 1), { nil: undefined }), effects, after: fc.boolean() })
        .map((r) => ({ id: `r${i}`, ...(r.when !== undefined && { when: r.when }), ...(r.after && i > 0 && { after: [`r${i - 1}`] }), effects: r.effects }));
    return fc.record({
      format: fc.constant(1),
      id: fc.constant('generated'),
      title: fc.constant('Generated'),
      turns: fc.constant(shape.turns),
      sides: fc.record({
        tokyo: fc.record({ name: fc.constant('Tokyo'), goals: fc.constant('g'), capital: fc.oneof(fc.integer({ min: 0, max: 5 }), numberExpr(names, 1)), score: numberExpr(names, 1) }),
        seoul: fc.record({ name: fc.constant('Seoul'), goals: fc.constant('g'), capital: fc.oneof(fc.integer({ min: 0, max: 5 }), numberExpr(names, 1)), score: numberExpr(names, 1) }),
      }),
      meters: fc.tuple(...meters.map(meter)),
      counters: fc.constant(counters.map((id) => ({ id }))),
      flags: fc.constant(names.flags.map((id) => ({ id }))),
      decisions: fc.tuple(...shape.decisionSides.map(decision)),
      events: shape.eventCount ? fc.tuple(...Array.from({ length: shape.eventCount }, (_, i) => event(i))) : fc.constant([]),
      rules: shape.ruleCount ? fc.tuple(...Array.from({ length: shape.ruleCount }, (_, i) => rule(i))) : fc.constant([]),
      endings: fc
        .array(condition(names, 1), { maxLength: 2 })
        .map((conds) => [
          ...conds.map((when, i) => ({ id: `early${i}`, kind: 'immediate', when, title: 'Early', text: 'Early', outcome: { tokyo: 'loss', seoul: 'win' } })),
          { id: 'last', kind: 'final', title: 'Last', text: 'Last' },
        ]),
    });
  });

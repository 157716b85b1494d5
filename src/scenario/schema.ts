/**
 * The structure of a scenario file, as instructors write it. Zod strict objects so
 * that a typo such as `efects:` is an error; descriptions become the hover text and
 * autocomplete of editors through the generated scenarios/schema.json.
 * Meaning that needs the whole file (references, expression types) is checked by
 * semantics.ts after this pass.
 */
import { z } from 'zod';

// Zod's JIT compiles validators with `new Function`, which a strict
// Content-Security-Policy forbids; the interpreter is fast enough for our files.
z.config({ jitless: true });

export const FORMAT_VERSION = 1;

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, 'an id is lower-case letters, digits and _ and starts with a letter (e.g. gov_trust)')
  .max(64)
  .describe('An identifier: lower-case letters, digits and _, starting with a letter.');

const TextMap = z.strictObject({
  en: z.string().describe('English (required: the fallback for every language).'),
  ja: z.string().optional().describe('Japanese.'),
  ko: z.string().optional().describe('Korean.'),
});

export const Text = z.union([z.string(), TextMap]).describe('Text: a string, or a map {en, ja, ko} with English required.');

const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');

export const NumberValue = z.union([finite(), z.string().min(1)]).describe('A number, or an expression that gives a number, e.g. "trust / 10 + 1".');

export const Condition = z.union([z.boolean(), z.string().min(1)]).describe('A condition: true/false or an expression that gives true or false, e.g. "trust > 40 and not summit_held".');

export const SideName = z.enum(['tokyo', 'seoul']).describe('tokyo or seoul.');
export const Visibility = z.enum(['exact', 'poll', 'hidden']).describe('exact: seen as it is; poll: seen through a poll with an error band; hidden: not shown.');

const Perceived = z
  .strictObject({
    tokyo: Text.optional().describe('How the Japanese public perceives it.'),
    seoul: Text.optional().describe('How the Korean public perceives it.'),
  })
  .describe('How each public perceives this: shown to that side in the turn report.');

export interface EffectInput {
  meter?: string;
  counter?: string;
  flag?: string;
  add?: number | string;
  set?: number | string | boolean;
  multiply?: number | string;
  if?: boolean | string;
  chance?: number;
  delay?: number;
  fire?: string;
  then?: EffectInput[];
  else?: EffectInput[];
}

export const Effect: z.ZodType<EffectInput> = z
  .strictObject({
    meter: Id.optional().describe('The meter this effect changes.'),
    counter: Id.optional().describe('The counter this effect changes.'),
    flag: Id.optional().describe('The flag this effect sets (with set: true or false).'),
    add: NumberValue.optional().describe('Add this to the meter or counter (negative to subtract).'),
    set: z
      .union([finite(), z.boolean(), z.string().min(1)])
      .optional()
      .describe('Set the meter, counter or flag to this value.'),
    multiply: NumberValue.optional().describe('Multiply the meter or counter by this.'),
    if: Condition.optional().describe('Apply only when this condition holds (otherwise the else effects apply).'),
    chance: z.number().min(0).max(1).optional().describe('Probability 0..1 that this happens, drawn from the game seed (otherwise the else effects apply).'),
    delay: z.number().int().min(0).max(50).optional().describe('Apply this effect N turns later.'),
    fire: Id.optional().describe('Fire this event at the start of the next turn.'),
    get then() {
      return z.array(Effect).optional().describe('Further effects that apply with this one (under the same if, chance and delay).');
    },
    get else() {
      return z.array(Effect).optional().describe('Effects that apply when the if condition or the chance fails.');
    },
  })
  .describe('One effect: a change to a meter, counter or flag, and/or nested effects, optionally conditional, random or delayed.');

const Effects = z.array(Effect);

export const SourceSchema = z.strictObject({
  id: Id,
  author: z.string().min(1),
  title: z.string().min(1),
  year: z.number().int().min(1800).max(2100),
  publisher: z.string().optional(),
});

export const MeterSchema = z.strictObject({
  id: Id,
  label: Text,
  description: Text.optional(),
  unit: z.string().max(8).optional().describe('Shown after the value, e.g. %.'),
  min: finite().default(0).describe('Lowest value (default 0).'),
  max: finite().default(100).describe('Highest value (default 100).'),
  start: finite().describe('Value at the start of the game (cite the poll it comes from in a comment).'),
  baseline: finite().optional().describe('The value the meter drifts back toward each turn (default: start).'),
  drift: z.number().min(0).max(1).default(0).describe('Share of the gap to the baseline closed each turn, 0..1 (inertia).'),
  visibility: z
    .union([Visibility, z.strictObject({ tokyo: Visibility.optional(), seoul: Visibility.optional() })])
    .default('exact')
    .describe('How each side sees this meter: one value for both, or {tokyo, seoul}.'),
  poll_error: NumberValue.optional().describe('For a side that sees it through a poll: half-width of the error band, e.g. "max(2, 12 - dialogue * 2)". Default 10.'),
});

export const CounterSchema = z.strictObject({
  id: Id,
  label: Text.optional(),
  start: finite().default(0),
  min: finite().optional(),
  max: finite().optional(),
});

export const FlagSchema = z.strictObject({
  id: Id,
  label: Text.optional(),
  start: z.boolean().default(false),
});

export const CATEGORIES = ['summit', 'history', 'north_korea', 'china', 'economy', 'public', 'security', 'other'] as const;

export const DecisionSchema = z.strictObject({
  id: Id,
  side: z.enum(['tokyo', 'seoul', 'both']).describe('Who may choose it: tokyo, seoul or both.'),
  joint: z.boolean().default(false).describe('Joint: takes effect only when both sides choose it (same turn, or proposed and accepted next turn).'),
  category: z.enum(CATEGORIES),
  title: Text,
  description: Text.optional(),
  cost: z.number().int().min(0).max(99).default(1).describe('Political capital it costs.'),
  when: Condition.optional().describe('Available only when this condition holds.'),
  once: z.boolean().default(false).describe('Can be taken only once per game (per side).'),
  cooldown: z.number().int().min(0).max(50).default(0).describe('Turns before the same side may take it again.'),
  effects: Effects,
  declined: Effects.optional().describe('Joint decisions only: effects when a proposal goes unanswered.'),
  perceived: Perceived.optional(),
  source: Id.optional().describe('The id of the source (in sources) whose argument this models.'),
  explain: Text.optional().describe('One or two plain sentences on the argument at work, for the debrief.'),
});

const Choice = z.strictObject({
  id: Id,
  title: Text,
  description: Text.optional(),
  cost: z.number().int().min(0).max(99).default(0),
  effects: Effects.default([]),
  perceived: Perceived.optional(),
  explain: Text.optional(),
});

export const EventSchema = z.strictObject({
  id: Id,
  title: Text,
  description: Text.optional(),
  trigger: z
    .strictObject({
      turn: z
        .union([z.number().int().min(1), z.array(z.number().int().min(1)).min(1)])
        .optional()
        .describe('Fire only on this turn (or these turns).'),
      from: z.number().int().min(1).optional().describe('Earliest turn it may fire.'),
      to: z.number().int().min(1).optional().describe('Latest turn it may fire.'),
      when: Condition.optional().describe('Fires only when this holds.'),
      chance: z.number().min(0).max(1).optional().describe('Probability 0..1 each eligible turn (default 1).'),
    })
    .default({})
    .describe('When the event fires. It is checked at the start of each turn.'),
  repeat: z.boolean().default(false).describe('May fire again after it has fired (default: once).'),
  cooldown: z.number().int().min(0).max(50).default(0).describe('For a repeating event: turns before it may fire again.'),
  effects: Effects.default([]),
  response: z
    .strictObject({
      side: SideName.describe('The side that must respond.'),
      prompt: Text,
      choices: z.array(Choice).min(1),
      default: Id.describe('The choice applied if the side gives none.'),
    })
    .optional()
    .describe('A response this event demands from one side, chosen during the turn.'),
  perceived: Perceived.optional(),
  source: Id.optional(),
  explain: Text.optional(),
});

export const RuleSchema = z.strictObject({
  id: Id,
  title: Text.optional(),
  when: Condition.optional().describe('The rule applies on every turn this holds.'),
  after: z.array(Id).optional().describe('Rules that must be evaluated before this one (default: file order).'),
  effects: Effects,
  source: Id.optional(),
  explain: Text.optional(),
});

export const MIN_QUESTION_CHOICES = 2;
export const MAX_QUESTION_CHOICES = 8;

const QuestionChoiceSchema = z
  .strictObject({
    id: Id.describe("The choice's id, unique within its question: what 'key:' names."),
    text: Text.describe('The choice as the teams read it.'),
  })
  .describe('One answer a team may choose.');

const QuestionObjectSchema = z
  .strictObject({
    text: Text.describe('The question, as the teams read it in the debrief.'),
    guide: Text.optional().describe('An answer guide for the instructor: what a good answer names. Never shown to the teams.'),
    choices: z
      .array(QuestionChoiceSchema)
      .min(MIN_QUESTION_CHOICES)
      .max(MAX_QUESTION_CHOICES)
      .optional()
      .describe(`Makes it a multiple-choice question: ${MIN_QUESTION_CHOICES} to ${MAX_QUESTION_CHOICES} choices, each {id, text}, shown to the teams in this order. Needs 'key:'.`),
    key: Id.optional().describe("The id of the right choice: required with 'choices:', and must name one of them. Never shown to the teams."),
  })
  .describe('A question with an answer guide for the instructor (guide:) and/or choices and the right one (choices:, key:).');

/** A plain Text (string or {en, ja, ko}), or a question mapping; the alternatives are flat so the checker can tell a misspelt question from a misspelt language map. */
export const QuestionSchema = z
  .union([z.string(), TextMap, QuestionObjectSchema])
  .describe('A question: text (a string or {en, ja, ko}), or a mapping {text, guide, choices, key} for an answer guide or a multiple-choice question.');

const OutcomeSchema = z.enum(['win', 'draw', 'loss']);

export const EndingSchema = z.strictObject({
  id: Id,
  kind: z.enum(['immediate', 'final']).describe('immediate: checked after every turn; final: checked after the last turn.'),
  when: Condition.optional().describe('The ending applies when this holds (the first matching ending in file order wins).'),
  title: Text,
  text: Text.describe("What happened, in terms of the essays' arguments."),
  outcome: z.strictObject({ tokyo: OutcomeSchema.optional(), seoul: OutcomeSchema.optional() }).optional().describe('What this ending means for each side: win, draw or loss (default draw).'),
  source: Id.optional(),
  explain: Text.optional(),
});

const SideSchema = z.strictObject({
  name: Text,
  goals: Text.describe('What this side is trying to achieve, shown in the briefing.'),
  capital: NumberValue.default(3).describe('Political capital each turn: a number or an expression.'),
  score: NumberValue.describe("The side's score at the end: a number expression."),
});

const Category = z.enum(CATEGORIES);

const GuideStepSchema = z.strictObject({
  turn: z.number().int().min(1).describe('The turn at whose start this note is shown.'),
  side: SideName.optional().describe('Show it only to this side (both sides when absent).'),
  title: Text.optional(),
  text: Text.describe('What the player should notice or try this turn.'),
});

const AiPersonalitySchema = z.strictObject({
  meters: z
    .record(z.string(), finite())
    .default({})
    .describe("How much the computer values one point of each meter for this side (negative: it wants the meter low). Added to the side's score when it looks ahead."),
  leanings: z
    .partialRecord(Category, finite())
    .default({})
    .describe("A bonus (or, negative, a reluctance) per decision of a category: the side's personality, e.g. north_korea: 3 for a government set on engagement."),
});

export const ScenarioSchema = z
  .strictObject({
    format: z.literal(FORMAT_VERSION).describe('The scenario format version: 1.'),
    id: Id,
    title: Text,
    summary: Text.optional(),
    briefing: Text.optional().describe('The situation as the briefing screen tells it: a few paragraphs, longer than the summary.'),
    questions: z
      .array(QuestionSchema)
      .default([])
      .describe(
        'Questions for reflection and class discussion, shown in the debrief: each is text, or {text, guide, choices, key} with an answer guide for the instructor or choices and the right one.',
      ),
    guide: z.array(GuideStepSchema).default([]).describe("Notes shown at the start of given turns: a tutorial's teaching, or a scenario's hints."),
    ai: z
      .strictObject({ tokyo: AiPersonalitySchema.optional(), seoul: AiPersonalitySchema.optional() })
      .optional()
      .describe("How the computer plays each side: what it values beyond the side's score, and its leanings."),
    period: z.string().optional().describe('The period it covers, e.g. "2015".'),
    difficulty: z.enum(['easy', 'medium', 'hard']).optional(),
    turns: z.number().int().min(1).max(100).describe('Number of turns.'),
    calendar: z
      .strictObject({
        start: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'write the start month as YYYY-MM'),
        months_per_turn: z.number().int().min(1).max(24),
      })
      .optional()
      .describe('Maps turns to dates for display.'),
    sources: z.array(SourceSchema).default([]).describe('The essays this scenario draws on.'),
    sides: z.strictObject({ tokyo: SideSchema, seoul: SideSchema }),
    meters: z.array(MeterSchema).min(1),
    counters: z.array(CounterSchema).default([]),
    flags: z.array(FlagSchema).default([]),
    decisions: z.array(DecisionSchema).min(1),
    events: z.array(EventSchema).default([]),
    rules: z.array(RuleSchema).default([]),
    endings: z.array(EndingSchema).min(1),
  })
  .describe('A Close Yet Distant scenario.');

export type ScenarioFile = z.output<typeof ScenarioSchema>;
export type DecisionFile = z.output<typeof DecisionSchema>;
export type EventFile = z.output<typeof EventSchema>;
export type MeterFile = z.output<typeof MeterSchema>;
export type RuleFile = z.output<typeof RuleSchema>;
export type EndingFile = z.output<typeof EndingSchema>;
export type QuestionFile = z.output<typeof QuestionSchema>;

/** The JSON Schema editors use (draft-07: what the common YAML language server reads). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://close-yet-distant.invalid/scenario.schema.json', title: 'Close Yet Distant scenario' };
}

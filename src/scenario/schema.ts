/**
 * The structure of a scenario file, as instructors write it. Zod strict objects so
 * that a typo such as `efects:` is an error; descriptions become the hover text and
 * autocomplete of editors through the generated scenarios/schema.json.
 * Meaning that needs the whole file (references, expression types) is checked by
 * semantics.ts after this pass.
 */
import { z } from 'zod';
import { TEXT_LIMITS, type TextKind } from './limits';

// Zod's JIT compiles validators with `new Function`, which a strict
// Content-Security-Policy forbids; the interpreter is fast enough for our files.
z.config({ jitless: true });

export const FORMAT_VERSION = 1;

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, 'an id is lower-case letters, digits and _ and starts with a letter (e.g. gov_trust)')
  .max(64)
  .meta({ id: 'Id', description: 'An identifier: lower-case letters, digits and _, starting with a letter.' });

/** A text's tiers as the JSON Schema names them ("TitleText", "TitleTranslations"). */
const TIER_NAMES: Record<TextKind, string> = { label: 'Label', title: 'Title', citation: 'Citation', sentence: 'Sentence', paragraph: 'Paragraph', briefing: 'Briefing' };

/** One language's text of a kind: at most its limit (src/scenario/limits.ts). */
const limited = (kind: TextKind) => z.string().max(TEXT_LIMITS[kind]);

/** A text of one kind: a string, or a map {en, ja, ko} with English required; each at most the kind's limit. Made once per kind (the JSON Schema names each once). */
function textOf(kind: TextKind) {
  const max = TEXT_LIMITS[kind];
  const name = TIER_NAMES[kind];
  const map = z
    .strictObject({
      en: limited(kind).describe(`English (required: the fallback for every language). At most ${max} characters.`),
      ja: limited(kind).optional().describe(`Japanese. At most ${max} characters.`),
      ko: limited(kind).optional().describe(`Korean. At most ${max} characters.`),
    })
    .meta({ id: `${name}Translations`, description: `The text in each language: {en, ja, ko}, English required; each at most ${max} characters.` });
  return {
    map,
    text: z.union([limited(kind), map]).meta({ id: `${name}Text`, description: `Text of at most ${max} characters: a string, or a map {en, ja, ko} with English required.` }),
  };
}

const TEXTS = { label: textOf('label'), title: textOf('title'), sentence: textOf('sentence'), paragraph: textOf('paragraph'), briefing: textOf('briefing') };
const LabelText = TEXTS.label.text;
const TitleText = TEXTS.title.text;
const SentenceText = TEXTS.sentence.text;
const ParagraphText = TEXTS.paragraph.text;
const BriefingText = TEXTS.briefing.text;
/** A part of a citation: plain text, in the language it was published in. */
const citation = () => limited('citation');

const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');

export const NumberValue = z.union([finite(), z.string().min(1)]).meta({ id: 'NumberValue', description: 'A number, or an expression that gives a number, e.g. "trust / 10 + 1".' });

export const Condition = z
  .union([z.boolean(), z.string().min(1)])
  .meta({ id: 'Condition', description: 'A condition: true/false or an expression that gives true or false, e.g. "trust > 40 and not summit_held".' });

export const SideName = z.enum(['tokyo', 'seoul']).meta({ id: 'Side', description: 'tokyo or seoul.' });
export const Visibility = z.enum(['exact', 'poll', 'hidden']).meta({ id: 'Visibility', description: 'exact: seen as it is; poll: seen through a poll with an error band; hidden: not shown.' });

const Perceived = z
  .strictObject({
    tokyo: SentenceText.optional().describe('How the Japanese public perceives it.'),
    seoul: SentenceText.optional().describe('How the Korean public perceives it.'),
  })
  .meta({ id: 'Perceived', description: 'How each public perceives this: shown to that side in the turn report.' });

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
  .meta({ id: 'Effect', description: 'One effect: a change to a meter, counter or flag, and/or nested effects, optionally conditional, random or delayed.' });

const Effects = z.array(Effect).describe('Effects, applied in order.');

export const SourceSchema = z
  .strictObject({
    id: Id.describe("The source's id, which source: names."),
    author: citation().min(1).describe('Who wrote it.'),
    title: citation().min(1).describe('Its title, as published.'),
    year: z.number().int().min(1800).max(2100).describe('The year it was published.'),
    publisher: citation().optional().describe('Where it was published (journal, institute, press).'),
  })
  .meta({ id: 'Source', description: 'An essay the scenario draws on: decisions, events, rules and endings cite it by id.' });

export const MeterSchema = z
  .strictObject({
    id: Id.describe("The meter's id: what effects (meter:) and expressions name."),
    label: LabelText.describe('Its name on screen, e.g. "Government-to-government trust".'),
    description: SentenceText.optional().describe('What it measures, shown with the meter.'),
    unit: z.string().max(8).optional().describe('Shown after the value, e.g. %.'),
    min: finite().default(0).describe('Lowest value (default 0).'),
    max: finite().default(100).describe('Highest value (default 100).'),
    start: finite().describe('Value at the start of the game (cite the poll it comes from in a comment).'),
    baseline: finite().optional().describe('The value the meter drifts back toward each turn (default: start).'),
    drift: z.number().min(0).max(1).default(0).describe('Share of the gap to the baseline closed each turn, 0..1 (inertia).'),
    visibility: z
      .union([Visibility, z.strictObject({ tokyo: Visibility.optional().describe('How Tokyo sees it (default exact).'), seoul: Visibility.optional().describe('How Seoul sees it (default exact).') })])
      .default('exact')
      .describe('How each side sees this meter: one value for both, or {tokyo, seoul}.'),
    poll_error: NumberValue.optional().describe('For a side that sees it through a poll: half-width of the error band, e.g. "max(2, 12 - dialogue * 2)". Default 10.'),
  })
  .meta({ id: 'Meter', description: 'Something both sides watch, e.g. trust or approval: a number between min and max.' });

export const CounterSchema = z
  .strictObject({
    id: Id.describe("The counter's id: what effects (counter:) and expressions name."),
    label: LabelText.optional().describe('Its name, where the game shows it.'),
    start: finite().default(0).describe('Value at the start of the game (default 0).'),
    min: finite().optional().describe('Lowest value (default: none).'),
    max: finite().optional().describe('Highest value (default: none).'),
  })
  .meta({ id: 'Counter', description: 'A hidden count the rules keep (e.g. rounds of dialogue), never shown to the players.' });

export const FlagSchema = z
  .strictObject({
    id: Id.describe("The flag's id: what effects (flag:) and expressions name."),
    label: LabelText.optional().describe('Its name, where the game shows it.'),
    start: z.boolean().default(false).describe('true or false at the start of the game (default false).'),
  })
  .meta({ id: 'Flag', description: 'Something that is or is not so (e.g. export controls in force).' });

export const CATEGORIES = ['summit', 'history', 'north_korea', 'china', 'economy', 'public', 'security', 'other'] as const;
const Category = z.enum(CATEGORIES).meta({ id: 'Category', description: `A kind of decision: ${CATEGORIES.join(', ')}.` });

export const DecisionSchema = z
  .strictObject({
    id: Id.describe("The decision's id: what taken() in expressions names."),
    side: z.enum(['tokyo', 'seoul', 'both']).describe('Who may choose it: tokyo, seoul or both.'),
    joint: z.boolean().default(false).describe('Joint: takes effect only when both sides choose it (same turn, or proposed and accepted next turn).'),
    category: Category.describe('What kind of decision it is: groups it on screen and steers the computer (ai leanings).'),
    title: TitleText.describe('Its name on the decision card.'),
    description: SentenceText.optional().describe('What it does, on the decision card.'),
    cost: z.number().int().min(0).max(99).default(1).describe('Political capital it costs.'),
    when: Condition.optional().describe('Available only when this condition holds.'),
    once: z.boolean().default(false).describe('Can be taken only once per game (per side).'),
    cooldown: z.number().int().min(0).max(50).default(0).describe('Turns before the same side may take it again.'),
    effects: Effects.describe('What happens when it is taken.'),
    declined: Effects.optional().describe('Joint decisions only: effects when a proposal goes unanswered.'),
    perceived: Perceived.optional().describe('How each public perceives it, shown to that side in the turn report.'),
    source: Id.optional().describe('The id of the source (in sources) whose argument this models.'),
    explain: SentenceText.optional().describe('One or two plain sentences on the argument at work, for the debrief.'),
  })
  .meta({ id: 'Decision', description: 'Something a side may choose to do in a turn, at a cost in political capital.' });

const Choice = z
  .strictObject({
    id: Id.describe("The choice's id, unique within its event: what default: names."),
    title: TitleText.describe('The choice as the side reads it.'),
    description: SentenceText.optional().describe('What it does, shown with it.'),
    cost: z.number().int().min(0).max(99).default(0).describe('Political capital it costs (default 0).'),
    effects: Effects.default([]).describe('What happens when it is chosen.'),
    perceived: Perceived.optional().describe('How each public perceives it, shown to that side in the turn report.'),
    explain: SentenceText.optional().describe('One or two plain sentences on the argument at work, for the debrief.'),
  })
  .meta({ id: 'Choice', description: 'One way to answer an event.' });

export const EventSchema = z
  .strictObject({
    id: Id.describe("The event's id: what fire: and fired() name."),
    title: TitleText.describe('Its headline in the turn report.'),
    description: SentenceText.optional().describe('What happened, in the turn report.'),
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
    effects: Effects.default([]).describe('What happens when it fires.'),
    response: z
      .strictObject({
        side: SideName.describe('The side that must respond.'),
        prompt: SentenceText.describe('The question the side must answer.'),
        choices: z.array(Choice).min(1).describe('The answers it may give.'),
        default: Id.describe('The choice applied if the side gives none.'),
      })
      .optional()
      .describe('A response this event demands from one side, chosen during the turn.'),
    perceived: Perceived.optional().describe('How each public perceives it, shown to that side in the turn report.'),
    source: Id.optional().describe('The id of the source (in sources) whose argument this models.'),
    explain: SentenceText.optional().describe('One or two plain sentences on the argument at work, for the debrief.'),
  })
  .meta({ id: 'Event', description: 'Something that happens to both sides at the start of a turn, when its trigger holds.' });

export const RuleSchema = z
  .strictObject({
    id: Id.describe("The rule's id: what after: names."),
    title: TitleText.optional().describe('Its name, where the debrief shows it.'),
    when: Condition.optional().describe('The rule applies on every turn this holds.'),
    after: z.array(Id).optional().describe('Rules that must be evaluated before this one (default: file order).'),
    effects: Effects.describe('What happens on each turn it applies.'),
    source: Id.optional().describe('The id of the source (in sources) whose argument this models.'),
    explain: SentenceText.optional().describe('One or two plain sentences on the argument at work, for the debrief.'),
  })
  .meta({ id: 'Rule', description: 'A standing dynamic of the relationship, applied at the end of every turn its condition holds.' });

export const MIN_QUESTION_CHOICES = 2;
export const MAX_QUESTION_CHOICES = 8;

const QuestionChoiceSchema = z
  .strictObject({
    id: Id.describe("The choice's id, unique within its question: what 'key:' names."),
    text: SentenceText.describe('The choice as the teams read it.'),
  })
  .meta({ id: 'QuestionChoice', description: 'One answer a team may choose.' });

const QuestionObjectSchema = z
  .strictObject({
    text: SentenceText.describe('The question, as the teams read it in the debrief.'),
    guide: ParagraphText.optional().describe('An answer guide for the instructor: what a good answer names. Never shown to the teams.'),
    choices: z
      .array(QuestionChoiceSchema)
      .min(MIN_QUESTION_CHOICES)
      .max(MAX_QUESTION_CHOICES)
      .optional()
      .describe(`Makes it a multiple-choice question: ${MIN_QUESTION_CHOICES} to ${MAX_QUESTION_CHOICES} choices, each {id, text}, shown to the teams in this order. Needs 'key:'.`),
    key: Id.optional().describe("The id of the right choice: required with 'choices:', and must name one of them. Never shown to the teams."),
  })
  .meta({ id: 'QuestionMapping', description: 'A question with an answer guide for the instructor (guide:) and/or choices and the right one (choices:, key:).' });

/** A plain Text (string or {en, ja, ko}), or a question mapping; the alternatives are flat so the checker can tell a misspelt question from a misspelt language map. */
export const QuestionSchema = z
  .union([limited('sentence'), TEXTS.sentence.map, QuestionObjectSchema])
  .meta({ id: 'Question', description: 'A question: text (a string or {en, ja, ko}), or a mapping {text, guide, choices, key} for an answer guide or a multiple-choice question.' });

const OutcomeSchema = z.enum(['win', 'draw', 'loss']).meta({ id: 'Outcome', description: 'win, draw or loss.' });

export const EndingSchema = z
  .strictObject({
    id: Id.describe("The ending's id."),
    kind: z.enum(['immediate', 'final']).describe('immediate: checked after every turn; final: checked after the last turn.'),
    when: Condition.optional().describe('The ending applies when this holds (the first matching ending in file order wins).'),
    title: TitleText.describe('Its headline in the debrief.'),
    text: ParagraphText.describe("What happened, in terms of the essays' arguments."),
    outcome: z
      .strictObject({ tokyo: OutcomeSchema.optional().describe('What it means for Tokyo (default draw).'), seoul: OutcomeSchema.optional().describe('What it means for Seoul (default draw).') })
      .optional()
      .describe('What this ending means for each side: win, draw or loss (default draw).'),
    source: Id.optional().describe('The id of the source (in sources) whose argument this models.'),
    explain: SentenceText.optional().describe('One or two plain sentences on the argument at work, for the debrief.'),
  })
  .meta({ id: 'Ending', description: 'How a game can end, and what it means for each side.' });

const SideSchema = z
  .strictObject({
    name: LabelText.describe('The side as the game names it, e.g. "Japan (Tokyo)".'),
    goals: ParagraphText.describe('What this side is trying to achieve, shown in the briefing.'),
    capital: NumberValue.default(3).describe('Political capital each turn: a number or an expression.'),
    score: NumberValue.describe("The side's score at the end: a number expression."),
  })
  .meta({ id: 'SideBriefing', description: 'One side: its name, goals, political capital and score.' });

const GuideStepSchema = z
  .strictObject({
    turn: z.number().int().min(1).describe('The turn at whose start this note is shown.'),
    side: SideName.optional().describe('Show it only to this side (both sides when absent).'),
    title: TitleText.optional().describe("The note's heading."),
    text: ParagraphText.describe('What the player should notice or try this turn.'),
  })
  .meta({ id: 'GuideNote', description: 'A note shown at the start of a turn.' });

const AiPersonalitySchema = z
  .strictObject({
    meters: z
      .record(z.string(), finite())
      .default({})
      .describe("How much the computer values one point of each meter for this side (negative: it wants the meter low). Added to the side's score when it looks ahead."),
    leanings: z
      .partialRecord(Category, finite())
      .default({})
      .describe("A bonus (or, negative, a reluctance) per decision of a category: the side's personality, e.g. north_korea: 3 for a government set on engagement."),
  })
  .meta({ id: 'Personality', description: 'How the computer plays one side.' });

export const ScenarioSchema = z
  .strictObject({
    format: z.literal(FORMAT_VERSION).describe('The scenario format version: 1.'),
    id: Id.describe("The scenario's id: unique among the scenarios the game knows."),
    title: TitleText.describe('Its title in the scenario list.'),
    summary: ParagraphText.optional().describe('A sentence or two for the scenario list.'),
    briefing: BriefingText.optional().describe('The situation as the briefing screen tells it: a few paragraphs, longer than the summary.'),
    questions: z
      .array(QuestionSchema)
      .default([])
      .describe(
        'Questions for reflection and class discussion, shown in the debrief: each is text, or {text, guide, choices, key} with an answer guide for the instructor or choices and the right one.',
      ),
    guide: z.array(GuideStepSchema).default([]).describe("Notes shown at the start of given turns: a tutorial's teaching, or a scenario's hints."),
    ai: z
      .strictObject({ tokyo: AiPersonalitySchema.optional().describe('How it plays Tokyo.'), seoul: AiPersonalitySchema.optional().describe('How it plays Seoul.') })
      .optional()
      .describe("How the computer plays each side: what it values beyond the side's score, and its leanings."),
    period: limited('label').optional().describe('The period it covers, e.g. "2015".'),
    difficulty: z.enum(['easy', 'medium', 'hard']).optional().describe('easy, medium or hard, shown in the scenario list.'),
    turns: z.number().int().min(1).max(100).describe('Number of turns.'),
    calendar: z
      .strictObject({
        start: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'write the start month as YYYY-MM')
          .describe('The month turn 1 starts in, as YYYY-MM.'),
        months_per_turn: z.number().int().min(1).max(24).optional().describe('How many months every turn spans. Give this or months:, not both.'),
        months: z
          .array(z.number().int().min(1).max(24))
          .min(1)
          .optional()
          .describe('How many months each turn spans, one number a turn (as many as turns:), for turns of uneven length. Give this or months_per_turn:, not both.'),
        labels: z.array(LabelText).min(1).optional().describe('What the turn heading calls each turn instead of its month, e.g. "Spring 2023": one text a turn (as many as turns:).'),
      })
      .optional()
      .describe('Maps turns to dates (and, with labels:, to names) for display.'),
    sources: z.array(SourceSchema).default([]).describe('The essays this scenario draws on.'),
    sides: z.strictObject({ tokyo: SideSchema.describe('Japan.'), seoul: SideSchema.describe('South Korea.') }).describe('The two sides: their names, goals, capital and score.'),
    meters: z.array(MeterSchema).min(1).describe('What the players watch: trust, approval, public opinion (at least one).'),
    counters: z.array(CounterSchema).default([]).describe('Hidden counts the rules keep.'),
    flags: z.array(FlagSchema).default([]).describe('Things that are or are not so.'),
    decisions: z.array(DecisionSchema).min(1).describe('What the sides may choose to do (at least one).'),
    events: z.array(EventSchema).default([]).describe('What happens to both sides when its trigger holds.'),
    rules: z.array(RuleSchema).default([]).describe('Standing dynamics, applied at the end of every turn.'),
    endings: z.array(EndingSchema).min(1).describe('How a game ends; the last should be a final ending without when:.'),
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
  return editorJsonSchema(ScenarioSchema, 'https://close-yet-distant.invalid/scenario.schema.json', 'Close Yet Distant scenario');
}

/** A zod schema as the JSON Schema editors read for hover help and completion (draft-07, enums for fixed words). */
export function editorJsonSchema(zodSchema: z.ZodType, id: string, title: string): Record<string, unknown> {
  const schema = z.toJSONSchema(zodSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    // Editors say "must be one of …" for an enum, where a const reads as a bare mismatch.
    override: ({ jsonSchema }) => {
      if (jsonSchema.const !== undefined) {
        jsonSchema.enum = [jsonSchema.const];
        delete jsonSchema.const;
      }
    },
  }) as Record<string, unknown>;
  return { ...schema, $id: id, title };
}

/**
 * How the class server reads what a device sends: each message's shape, bounded (ids short, lists
 * short), strict (no extra fields). Server-side only: zod stays out of the page's first load.
 */
import { z } from 'zod';
import { SIDES } from '../engine/model';
import { MAX_CLASS_GAMES, MAX_MEMO, MEMO_MIN_MAX } from './instructor';
import { MAX_KEY_INPUT, TURN_SECONDS_MAX, TURN_SECONDS_MIN } from './protocol';

/** What a device sends to join: its seat's key (the seat is the key's), and whether to take the seat from another device. */
export const joinOptions = z.object({ key: z.string().max(MAX_KEY_INPUT), takeover: z.boolean().optional() }).strict();
export type JoinOptions = z.infer<typeof joinOptions>;

/** Bounds on a side's orders: far above any scenario's, far below what could slow the server. */
const ID = z.string().min(1).max(80);
const sideOrders = z
  .object({
    decisions: z.array(ID).max(40),
    responses: z
      .record(ID, ID)
      .refine((r) => Object.keys(r).length <= 20, 'too many responses')
      .optional(),
  })
  .strict();

export const sealMessage = z.object({ turn: z.number().int().min(0).max(10_000), orders: sideOrders, memo: z.string().max(MAX_MEMO).optional() }).strict();
export const answerMessage = z
  .object({ question: z.number().int().min(0).max(50), text: z.string().max(MAX_MEMO).optional(), choice: ID.optional() })
  .strict()
  .refine((a) => a.text !== undefined || a.choice !== undefined, 'an answer needs a text or a choice');

/** A new class, as the instructor's page asks for it. */
export const classSettings = z
  .object({
    scenario: ID,
    games: z.number().int().min(1).max(MAX_CLASS_GAMES).nullable(),
    turnSeconds: z.number().int().min(TURN_SECONDS_MIN).max(TURN_SECONDS_MAX).nullable(),
    memo: z.object({ required: z.boolean(), minLength: z.number().int().min(0).max(MEMO_MIN_MAX) }).strict(),
  })
  .strict();
export const classJoinRequest = z.object({ side: z.enum(SIDES).optional() }).strict();
export const instructorJoin = z.object({ key: z.string().max(MAX_KEY_INPUT) }).strict();

const NAME = z.string().min(1).max(80);
export const instructorAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pause') }).strict(),
  z.object({ kind: z.literal('resume') }).strict(),
  z.object({ kind: z.literal('fire'), event: NAME }).strict(),
  z.object({ kind: z.literal('adjust'), meter: NAME, value: z.number().finite().min(-1e6).max(1e6), reason: z.string().trim().min(1).max(500) }).strict(),
  z.object({ kind: z.literal('reveal'), revealed: z.boolean() }).strict(),
  z.object({ kind: z.literal('undo') }).strict(),
  z.object({ kind: z.literal('end') }).strict(),
]);
export const actMessage = z.object({ games: z.union([z.literal('all'), z.array(z.string().max(12)).min(1).max(MAX_CLASS_GAMES)]), action: instructorAction }).strict();
export const unsealMessage = z.object({ turn: z.number().int().min(0).max(10_000) }).strict();

/** Everything wrong with a message, in one line for a refusal. */
export function messageProblem(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'message'}: ${i.message}`)
    .join('; ');
}

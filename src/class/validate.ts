/**
 * How the class server reads what a device sends: each message's shape, bounded (ids short, lists
 * short), strict (no extra fields). Server-side only: zod stays out of the page's first load.
 */
import { z } from 'zod';
import { MAX_KEY_INPUT } from './protocol';

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

export const sealMessage = z.object({ turn: z.number().int().min(0).max(10_000), orders: sideOrders }).strict();
export const unsealMessage = z.object({ turn: z.number().int().min(0).max(10_000) }).strict();

/** Everything wrong with a message, in one line for a refusal. */
export function messageProblem(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'message'}: ${i.message}`)
    .join('; ');
}

/**
 * How much a scenario file may hold: its size, and the length of every text an author writes.
 * The checker enforces them (schema.ts), the command line and the page read no more bytes than a
 * file may have (src/cli/io.ts, src/ui/library/address.ts), and docs/authoring.md lists them.
 * Imports nothing, so the page's own code can use the figures without the checker's parser.
 *
 * Why texts have a length at all: every one of them is laid out on some screen (a meter's name
 * beside its bar, a title on a card, the briefing in a scrolling pane), and a file that checks clean
 * must not be able to stall the page or grow a screen past what it can draw. The figures leave
 * several times the room the shipped scenarios use (their longest briefing is about 1,250
 * characters; their longest explain: about 300).
 */

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The kinds of author text, by where they are shown, with the most characters each may have
 * (counted as the browser counts them: a Japanese or Korean character is one).
 */
export const TEXT_LIMITS = {
  /** A name shown beside something else: a meter's label, a side's name, a turn's label. */
  label: 80,
  /** A heading: the scenario's title, a decision's, an event's, a choice's. */
  title: 160,
  /** Part of a citation: a source's author, title or publisher. */
  citation: 300,
  /** A sentence or two: a description, an explain, what a public perceives, a question. */
  sentence: 600,
  /** A paragraph: the summary, a side's goals, an ending's text, a guide note. */
  paragraph: 2000,
  /** The briefing: the situation in a few paragraphs. */
  briefing: 8000,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

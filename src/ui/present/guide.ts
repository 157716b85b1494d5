/** The scenario's guide notes for a turn and side (a tutorial's lesson, a scenario's hint). */
import type { Language, Scenario, Side } from '../../engine/model';
import { localize } from '../../i18n/text';

export interface GuideNote {
  readonly title?: string;
  readonly text: string;
}

export function guideNotes(scenario: Scenario, turn: number, side: Side, language: Language): GuideNote[] {
  return scenario.guide
    .filter((g) => g.turn === turn && (g.side === undefined || g.side === side))
    .map((g) => ({ ...(g.title && { title: localize(g.title, language) }), text: localize(g.text, language) }));
}

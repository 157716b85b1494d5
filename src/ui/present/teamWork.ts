/**
 * A team's work to grade, as data: one team is one side of one game of the class. Its memos turn by
 * turn, its answers to the scenario's questions (for a multiple-choice question, whether the choice is
 * the key; each question's answer guide, which only the instructor reads), the decisions it took each
 * turn, and the essays its play brought in: those cited by its own decisions' effects, and those cited
 * by the rules at work on the turns it took decisions (a rule's condition is compiled code, so the
 * record cannot say which decision met it; the turn is as close as it can tell). Pure: the class
 * debrief draws it, the exports write it, the tests read it.
 */
import type { Answer, ClassRecord, GameRecord } from '../../class/instructor';
import type { CauseKind, TurnReport } from '../../engine';
import { SIDES, type Language, type Scenario, type Side } from '../../engine/model';
import { localize } from '../../i18n/text';
import { sourceWords } from '../play/resolutionText';
import { decisionTitle, sideName, sourceRef } from './names';

export interface TeamMemo {
  readonly turn: number;
  readonly text: string;
  /** Server time it was sealed (ms since the epoch). */
  readonly at: number;
}

export interface TeamAnswer {
  /** The question's place in the scenario's list (0 first). */
  readonly question: number;
  readonly text: string;
  /** What a good answer names: for the instructor only ('' when the scenario gives none). */
  readonly guide: string;
  /** For a multiple-choice question, its choices: a, b, c… */
  readonly choices: readonly { readonly id: string; readonly label: string; readonly text: string }[];
  /** What the team wrote ('' when nothing). */
  readonly written: string;
  /** The choice the team picked, when it did. */
  readonly chose: { readonly id: string; readonly label: string; readonly text: string } | null;
  /** Is the choice the question's key? null when the question has no key. */
  readonly correct: boolean | null;
  readonly answered: boolean;
}

export interface CitedEssay {
  readonly id: string;
  /** "Nishino, “…” (2015)". */
  readonly words: string;
  /** Meter points moved by the team's own decisions (and answers to events) citing the essay. */
  readonly byDecisions: number;
  /** Meter points moved by rules citing the essay, on the turns the team took decisions. */
  readonly byRules: number;
}

export interface TeamWork {
  readonly game: string;
  readonly side: Side;
  readonly sideName: string;
  readonly memos: readonly TeamMemo[];
  readonly answers: readonly TeamAnswer[];
  readonly decisions: readonly { readonly turn: number; readonly titles: readonly string[] }[];
  readonly essays: readonly CitedEssay[];
  /** Multiple-choice questions with a key: how many the team got right, of how many. */
  readonly choiceScore: { readonly correct: number; readonly of: number };
}

/** The team's latest answer to each question (a team may change its answer). */
function latestAnswers(game: GameRecord, side: Side): Map<number, Answer> {
  const latest = new Map<number, Answer>();
  for (const a of game.answers) {
    if (a.side !== side) continue;
    const before = latest.get(a.question);
    if (!before || a.at >= before.at) latest.set(a.question, a);
  }
  return latest;
}

function teamAnswers(scenario: Scenario, game: GameRecord, side: Side, language: Language): TeamAnswer[] {
  const latest = latestAnswers(game, side);
  return scenario.questions.map((q, i) => {
    const choices = (q.choices ?? []).map((c, k) => ({ id: c.id, label: String.fromCharCode(0x61 + k), text: localize(c.text, language) }));
    const a = latest.get(i);
    const chose = (a?.choice !== undefined && choices.find((c) => c.id === a.choice)) || null;
    return {
      question: i,
      text: localize(q.text, language),
      guide: localize(q.guide, language),
      choices,
      written: a?.text?.trim() ?? '',
      chose,
      correct: q.key === undefined || choices.length === 0 ? null : a?.choice === q.key,
      answered: Boolean(a?.text?.trim()) || a?.choice !== undefined,
    };
  });
}

/** What kind of thing a change came from, a delayed effect counted as what scheduled it. */
const kindOf = (kind: CauseKind, origin: CauseKind | undefined): CauseKind => (kind === 'delayed' ? (origin ?? 'decision') : kind);

function citedEssays(scenario: Scenario, reports: readonly TurnReport[], side: Side): CitedEssay[] {
  const joint = new Set<string>();
  const by = new Map<string, { byDecisions: number; byRules: number }>();
  for (const r of reports) {
    // A joint decision is both teams' once either chose it; its delayed effects come later.
    for (const id of r.decisions[side]) if (scenario.decisions.find((d) => d.id === id)?.joint) joint.add(id);
    const decided = r.decisions[side].length > 0;
    for (const c of r.changes) {
      if (c.target !== 'meter' || !c.cause.source) continue;
      const kind = kindOf(c.cause.kind, c.cause.origin);
      const own = kind === 'joint' ? joint.has(c.cause.id) : (kind === 'decision' || kind === 'declined' || kind === 'response') && c.cause.side === side;
      const rule = kind === 'rule' && decided;
      if (!own && !rule) continue;
      const entry = by.get(c.cause.source) ?? { byDecisions: 0, byRules: 0 };
      const size = Math.abs((c.after as number) - (c.before as number));
      if (own) entry.byDecisions += size;
      else entry.byRules += size;
      by.set(c.cause.source, entry);
    }
  }
  const list: CitedEssay[] = [];
  for (const [id, entry] of by) {
    const ref = sourceRef(scenario, id);
    if (ref) list.push({ id, words: sourceWords(ref), ...entry });
  }
  return list.sort((a, b) => b.byDecisions + b.byRules - (a.byDecisions + a.byRules) || a.id.localeCompare(b.id));
}

export function teamWork(scenario: Scenario, game: GameRecord, side: Side, language: Language): TeamWork {
  const answers = teamAnswers(scenario, game, side, language);
  const keyed = answers.filter((a) => a.correct !== null);
  return {
    game: game.code,
    side,
    sideName: sideName(scenario, side, language),
    memos: game.memos
      .filter((m) => m.side === side)
      .map((m) => ({ turn: m.turn, text: m.text, at: m.at }))
      .sort((a, b) => a.turn - b.turn || a.at - b.at),
    answers,
    decisions: game.reports.map((r) => ({ turn: r.turn, titles: r.decisions[side].map((id) => decisionTitle(scenario, id, language)) })),
    essays: citedEssays(scenario, game.reports, side),
    choiceScore: { correct: keyed.filter((a) => a.correct).length, of: keyed.length },
  };
}

/** Every team of the class: each side a team was given, game by game in the class's order. */
export function classWork(scenario: Scenario, record: ClassRecord, language: Language): TeamWork[] {
  return record.games.flatMap((g) =>
    SIDES.filter((side) => g.claimed[side] || g.memos.some((m) => m.side === side) || g.answers.some((a) => a.side === side)).map((side) => teamWork(scenario, g, side, language)),
  );
}

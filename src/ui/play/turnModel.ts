/**
 * The turn screen as words: each card's status line, the reasons a card cannot be chosen, the
 * proposals and the events waiting for an answer, the meters and the news, in the current language.
 * The canvas and the DOM mirror both draw from this, so they always say the same thing.
 */
import type { Unavailable } from '../../engine';
import type { DecisionCategory, Language, Scenario, Side } from '../../engine/model';
import { t } from '../../i18n';
import { cards as draftCards, capitalLeft, roomForAnswer, type Session } from '../../store';
import { formatDelta, formatNumber, guideNotes, meterReadings, sideName, tickerItems, type GuideNote, type MeterReading, type TickerItem } from '../present';
import { fallbackLang, localize } from '../../i18n/text';

export const CATEGORY_ORDER: readonly DecisionCategory[] = ['summit', 'history', 'north_korea', 'china', 'economy', 'public', 'security', 'other'];

export interface CardModel {
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** 'en' where the scenario has no text in the interface's language and its English shows instead. */
  readonly titleLang?: 'en';
  readonly descriptionLang?: 'en';
  readonly category: DecisionCategory;
  readonly categoryLabel: string;
  readonly cost: string;
  readonly costValue: number;
  readonly chosen: boolean;
  readonly choosable: boolean;
  readonly status: string;
  readonly statusKind: 'chosen' | 'unavailable' | 'joint' | 'proposal' | 'none';
  /** Why it cannot be chosen now, when it cannot. */
  readonly reason?: string;
}

export interface ProposalModel {
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly cost: number;
  readonly accepted: boolean;
  readonly choosable: boolean;
}

export interface ResponseModel {
  readonly key: string;
  readonly event: string;
  readonly title: string;
  readonly prompt: string;
  readonly chosen: string | null;
  readonly defaultChoice: string;
  readonly choices: readonly { readonly id: string; readonly label: string; readonly cost: number; readonly isDefault: boolean; readonly affordable: boolean }[];
}

export interface TurnModel {
  readonly sideName: string;
  readonly otherName: string;
  readonly capitalTotal: number;
  readonly capitalLeft: number;
  readonly cards: readonly CardModel[];
  readonly categories: readonly DecisionCategory[];
  readonly proposals: readonly ProposalModel[];
  readonly responses: readonly ResponseModel[];
  readonly meters: readonly MeterReading[];
  readonly news: readonly string[];
  readonly guide: readonly GuideNote[];
}

export function reasonText(u: Unavailable): string {
  switch (u.kind) {
    case 'cooldown':
      return t('play.turn.unavailable.cooldown', { count: u.turnsLeft });
    case 'capital':
      return t('play.turn.unavailable.capital', { cost: u.cost, capital: u.capital });
    default:
      return t(`play.turn.unavailable.${u.kind}`);
  }
}

export function costText(cost: number): string {
  return cost === 0 ? t('play.turn.free') : t('play.turn.cost', { cost });
}

export function newsText(item: TickerItem, scenario: Scenario, language: Language): string {
  switch (item.kind) {
    case 'event':
      return item.perceived ? t('play.ticker.eventPerceived', { title: item.title, perceived: item.perceived }) : t('play.ticker.event', { title: item.title });
    case 'proposal':
      return t('play.ticker.proposal', { side: sideName(scenario, item.by, language), title: item.title });
    case 'move':
      return t('play.ticker.move', { side: sideName(scenario, item.by, language), title: item.title });
    case 'together':
      return t('play.ticker.together', { title: item.title });
    case 'declined':
      return t('play.ticker.declined', { side: sideName(scenario, item.by, language), title: item.title });
  }
}

/** `revealed`: the instructor shows every meter's true value (see meterReadings). */
export function turnModel(scenario: Scenario, session: Session, language: Language, previous?: Session['state'], revealed = false): TurnModel {
  const { state, human, draft } = session;
  const other: Side = human === 'tokyo' ? 'seoul' : 'tokyo';
  const otherName = sideName(scenario, other, language);
  const left = capitalLeft(scenario, state, human, draft);
  const cards: CardModel[] = draftCards(scenario, state, human, draft).map(({ option, chosen, choosable }) => {
    const d = option.decision;
    let status = '';
    let statusKind: CardModel['statusKind'] = 'none';
    let reason: string | undefined;
    if (option.unavailable) reason = reasonText(option.unavailable);
    else if (!choosable) reason = t('play.turn.unavailable.left');
    if (chosen) {
      status = t('play.turn.chosen');
      statusKind = 'chosen';
    } else if (reason) {
      status = reason;
      statusKind = 'unavailable';
    } else if (option.proposal) {
      status = t('play.turn.proposedBy', { other: t(`play.side.${other}`) });
      statusKind = 'proposal';
    } else if (d.joint) {
      status = t('play.turn.joint', { other: t(`play.side.${other}`) });
      statusKind = 'joint';
    }
    return {
      key: `card:${d.id}`,
      id: d.id,
      title: localize(d.title, language),
      ...(d.description && { description: localize(d.description, language) }),
      ...(fallbackLang(d.title, language) && { titleLang: 'en' as const }),
      ...(fallbackLang(d.description, language) && { descriptionLang: 'en' as const }),
      category: d.category,
      categoryLabel: t(`play.category.${d.category}`),
      cost: costText(d.cost),
      costValue: d.cost,
      chosen,
      choosable,
      status,
      statusKind,
      ...(reason && { reason }),
    };
  });
  const present = new Set(cards.map((c) => c.category));
  const proposals: ProposalModel[] = cards
    .filter((c) => state.proposals.some((p) => p.by === other && p.decision === c.id))
    .map((c) => ({ key: `accept:${c.id}`, id: c.id, title: c.title, cost: c.costValue, accepted: c.chosen, choosable: c.choosable }));
  const responses: ResponseModel[] = state.responses
    .filter((r) => r.side === human)
    .flatMap((r) => {
      const e = scenario.events.find((x) => x.id === r.event);
      if (!e?.response) return [];
      const chosen = draft.responses?.[e.id] ?? null;
      const room = roomForAnswer(scenario, state, human, draft, e.id);
      return [
        {
          key: `respond:${e.id}`,
          event: e.id,
          title: localize(e.title, language),
          prompt: localize(e.response.prompt, language),
          chosen,
          defaultChoice: e.response.default,
          choices: e.response.choices.map((c) => {
            const title = localize(c.title, language);
            return {
              id: c.id,
              label: c.cost === 0 ? t('play.turn.choiceFree', { title }) : t('play.turn.choice', { title, cost: costText(c.cost) }),
              cost: c.cost,
              isDefault: c.id === e.response!.default,
              affordable: c.cost <= room,
            };
          }),
        },
      ];
    });
  const reports = session.reports;
  return {
    sideName: sideName(scenario, human, language),
    otherName,
    capitalTotal: state.capital[human],
    capitalLeft: left,
    cards,
    categories: CATEGORY_ORDER.filter((c) => present.has(c)),
    proposals,
    responses,
    meters: meterReadings(scenario, state, human, language, previous, revealed),
    news: tickerItems(scenario, state, human, language, reports[reports.length - 1]).map((i) => newsText(i, scenario, language)),
    guide: guideNotes(scenario, state.turn, human, language),
  };
}

/** A meter as a screen reader hears it. */
export function meterSpoken(r: MeterReading): string {
  const params = { label: r.label, value: formatNumber(r.value), unit: r.unit ?? '', margin: formatNumber(r.margin), change: formatDelta(r.change) };
  if (r.revealed) return t('instructor.revealedSpoken', { text: t(r.previous === undefined ? 'play.turn.meterSpokenStart' : 'play.turn.meterSpokenExact', params) });
  if (r.previous === undefined) return t(r.seen === 'exact' ? 'play.turn.meterSpokenStart' : 'play.turn.meterSpokenPollStart', params);
  return t(r.seen === 'exact' ? 'play.turn.meterSpokenExact' : 'play.turn.meterSpokenPoll', params);
}

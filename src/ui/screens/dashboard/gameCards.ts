/**
 * The dashboard's games, one card each: a box to select it, its code and turn, each side's seat and
 * whether it has sealed, the paused / revealed / ended badges, and every true meter as a small line
 * over the turns (small multiples, one scale per meter) with its value now.
 */
import type { GameSummary } from '../../../class/instructor';
import type { Language, Scenario } from '../../../engine/model';
import { t } from '../../../i18n';
import { gameCard } from '../../present/classGames';
import { sparkline } from '../../report/sparkline';
import { el } from '../../kit';

export interface CardsOptions {
  readonly selected: ReadonlySet<string>;
  readonly onSelect: (code: string, on: boolean) => void;
}

function checkbox(key: string, label: string, checked: boolean, onChange: (on: boolean) => void): HTMLInputElement {
  const input = el('input', { class: 'dash-check', data: { key }, aria: { label } });
  input.type = 'checkbox';
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return input;
}

export function gameCardElement(scenario: Scenario, summary: GameSummary, language: Language, o: CardsOptions): HTMLElement {
  const card = gameCard(scenario, summary, language);
  const badges = [
    card.paused ? el('li', { class: 'dash-badge dash-badge-paused', text: t('instructorClass.card.paused') }) : null,
    card.revealed ? el('li', { class: 'dash-badge dash-badge-revealed', text: t('instructorClass.card.revealed') }) : null,
    card.ending ? el('li', { class: 'dash-badge dash-badge-ended', text: t('instructorClass.card.ended', { title: card.ending }) }) : null,
  ].filter((b): b is HTMLLIElement => b !== null);
  return el(
    'article',
    {
      class: `panel dash-card${o.selected.has(card.code) ? ' dash-card-selected' : ''}${card.ending ? ' dash-card-ended' : ''}`,
      aria: { label: t('instructorClass.card.spoken', { code: card.code }) },
    },
    el(
      'header',
      { class: 'dash-card-head' },
      el(
        'label',
        { class: 'dash-card-pick' },
        checkbox(`select:${card.code}`, t('instructorClass.card.select', { code: card.code }), o.selected.has(card.code), (on) => o.onSelect(card.code, on)),
        el('span', { class: 'dash-card-code', text: card.code }),
      ),
      el('span', { class: 'dash-card-turn', text: card.turn }),
    ),
    badges.length ? el('ul', { class: 'dash-badges' }, ...badges) : null,
    el('ul', { class: 'dash-sides' }, ...card.sides.map((s) => el('li', { class: `dash-side side-${s.side} seat-${s.seat}${s.sealed ? ' dash-sealed' : ''}`, text: s.words }))),
    el(
      'ul',
      { class: 'dash-meters', aria: { label: t('instructorClass.card.meters') } },
      ...card.meters.map((m) =>
        el('li', { class: 'dash-meter' }, el('span', { class: 'dash-meter-label', text: m.label }), sparkline(m.values, m.min, m.max), el('span', { class: 'dash-meter-now', text: m.now })),
      ),
    ),
  );
}

/** "All games" and how many are selected, above the cards. */
export function selectAll(codes: readonly string[], selected: ReadonlySet<string>, onChange: (on: boolean) => void): HTMLElement {
  const all = codes.length > 0 && codes.every((c) => selected.has(c));
  const box = checkbox('select:all', t('instructorClass.select.all'), all, onChange);
  box.indeterminate = !all && codes.some((c) => selected.has(c));
  return el(
    'div',
    { class: 'dash-select' },
    el('label', { class: 'dash-select-all' }, box, el('span', { text: t('instructorClass.select.all'), aria: { hidden: true } })),
    el('span', { class: 'muted', text: t('instructorClass.select.count', { count: codes.filter((c) => selected.has(c)).length, total: codes.length }) }),
  );
}

/**
 * The turn screen's meters: one DOM row per meter (its label, value, change since last turn and a
 * poll's margin, as text) with an empty bar track the world draws the bar into (src/world/stage.ts).
 * An exact meter is a filled bar, a polled one the poll's estimate inside its error band.
 */
import { t } from '../../../i18n';
import type { MeterBar } from '../../../world/stage';
import { el } from '../../kit';
import { meterSpoken } from '../../play/turnModel';
import { formatDelta, formatNumber, type MeterReading } from '../../present';

/** The bars' colours (0xRRGGBB) as the world draws them; the text's colours are in turn.css. */
export const METER_COLORS = { fill: 0x7fb2f0, band: 0xf2c14e, revealedFill: 0xc39bf0 } as const;

function valueText(r: MeterReading): string {
  const value = formatNumber(r.value);
  const unit = r.unit ?? '';
  return r.seen === 'exact' ? t('play.turn.meterExact', { value, unit }) : t('play.turn.meterPoll', { value, unit, margin: formatNumber(r.margin) });
}

/**
 * What each bar showed last, for one turn as one side sees it: the bars tween from last turn's
 * values when the turn opens, and afterwards only when a value moves (the instructor set a meter),
 * not every time the screen is built again.
 */
let shown: { readonly turn: string; readonly values: Map<string, number> } = { turn: '', values: new Map() };

export interface MeterRows {
  readonly list: HTMLElement;
  readonly bars: readonly MeterBar[];
}

/** `turn` names the turn and side the rows belong to; `motion` false draws every bar at its value at once. */
export function meterRows(readings: readonly MeterReading[], turn: string, motion: boolean): MeterRows {
  if (shown.turn !== turn) shown = { turn, values: new Map() };
  const bars: MeterBar[] = [];
  const list = el(
    'ul',
    { class: 'turn-meters' },
    ...readings.map((r) => {
      const slot = el('div', { class: 'turn-meter-bar', aria: { hidden: true } });
      const from = motion ? (shown.values.get(r.id) ?? r.previous ?? r.value) : r.value;
      shown.values.set(r.id, r.value);
      bars.push({
        id: r.id,
        slot,
        value: r.value,
        from,
        min: r.min,
        max: r.max,
        ...(r.seen === 'poll' && { margin: r.margin }),
        color: r.revealed ? METER_COLORS.revealedFill : r.seen === 'poll' ? METER_COLORS.band : METER_COLORS.fill,
      });
      // A change as the rounded figure shows it: one that rounds to nothing is not shown.
      const rounded = Math.round(r.change * 10) / 10;
      const change =
        rounded === 0
          ? null
          : el('span', { class: rounded > 0 ? 'turn-meter-change turn-meter-up' : 'turn-meter-change turn-meter-down', text: `${rounded > 0 ? '▲' : '▼'} ${formatDelta(r.change)}` });
      const kind = r.revealed ? ' turn-meter-revealed' : r.seen === 'poll' ? ' turn-meter-poll' : '';
      return el(
        'li',
        { class: `turn-meter${kind}` },
        // The row as seen; a screen reader hears it said whole instead (with "since last turn").
        el(
          'div',
          { class: 'turn-meter-head', aria: { hidden: true } },
          el('span', { class: 'turn-meter-label', text: r.revealed ? `◆ ${r.label}` : r.label }),
          el('span', { class: 'turn-meter-figures' }, change, el('span', { class: 'turn-meter-value', text: valueText(r) })),
        ),
        slot,
        el('span', { class: 'visually-hidden', text: meterSpoken(r) }),
      );
    }),
  );
  return { list, bars };
}

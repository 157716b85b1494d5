/** The turn timer's choice, the same for a hot-seat session and a class game: off, or one to ten minutes per turn. */
import { t } from '../../i18n';
import { choice } from '../kit';

/** The timer choices, in seconds per team's turn (null: no timer). */
const TIMERS: readonly (number | null)[] = [null, 60, 120, 180, 300, 600];

export const timerValue = (seconds: number | null): string => (seconds === null ? 'off' : String(seconds));
const timerLabel = (seconds: number | null): string => (seconds === null ? t('hotseat.setup.timerOff') : t('hotseat.setup.minutes', { count: seconds / 60 }));

export function timerChoice(value: number | null, onChange: (seconds: number | null) => void, name = 'timer'): HTMLFieldSetElement {
  return choice({
    legend: t('hotseat.setup.timerLegend'),
    name,
    value: timerValue(value),
    options: TIMERS.map((seconds) => ({ value: timerValue(seconds), label: timerLabel(seconds) })),
    onChange: (v) => onChange(v === 'off' ? null : Number(v)),
  });
}

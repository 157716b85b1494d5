/**
 * The meters of the turn screen as bars: an exact meter as a filled bar, a polled one as the poll's
 * estimate inside its shaded error band. The change since last turn is tweened in (bar and a signed
 * delta) unless the player asked for reduced motion, in which case it simply shows.
 */
import type { GameObjects, Scene } from 'phaser';
import { CSS_COLORS, UI_COLORS, fontPx, motion } from '../../theme';
import { formatDelta, formatNumber, type MeterReading } from '../../ui/present';
import { t } from '../../i18n';
import { addText } from '../widgets/text';

export const METER_COLORS = { fill: 0x7fb2f0, band: 0xf2c14e, up: '#8fe3a0', down: '#ff9a92', revealed: '#d7b4ff', revealedFill: 0xc39bf0 } as const;
const BAR = 10;

function ratio(r: MeterReading, v: number): number {
  return Math.max(0, Math.min(1, (v - r.min) / (r.max - r.min || 1)));
}

function valueText(r: MeterReading): string {
  const value = formatNumber(r.value);
  const unit = r.unit ?? '';
  return r.seen === 'exact' ? t('play.turn.meterExact', { value, unit }) : t('play.turn.meterPoll', { value, unit, margin: formatNumber(r.margin) });
}

/** The height one meter row needs at the current text size, with `gap` below it. */
export function meterRowHeight(gap: number): number {
  return Math.ceil(fontPx(14) * 1.4) + 6 + 2 + BAR + gap;
}

/** Draws the meters from (x, y) down, spaced to end by `bottom`; returns the y below the last one. */
export function drawMeters(scene: Scene, readings: readonly MeterReading[], x: number, y: number, width: number, bottom: number): number {
  const animate = motion();
  const gap = Math.max(4, Math.min(fontPx(12), (bottom - y) / Math.max(1, readings.length) - meterRowHeight(0)));
  let top = y;
  for (const r of readings) {
    // A value the instructor revealed (hidden, or behind a poll) is marked ◆ and drawn in its own colour.
    const value = addText(scene, x + width, top, valueText(r), { size: 14, bold: true, color: r.revealed ? METER_COLORS.revealed : r.seen === 'poll' ? CSS_COLORS.gold : CSS_COLORS.text }).setOrigin(1, 0);
    const label = addText(scene, x, top, r.revealed ? `◆ ${r.label}` : r.label, { size: 14, color: r.revealed ? METER_COLORS.revealed : CSS_COLORS.text });
    // One line per label: a long one is cut short with an ellipsis (the DOM mirror reads it whole).
    const room = width - value.width - (Math.abs(r.change) >= 0.05 ? 70 : 12);
    if (label.width > room) {
      let text = r.revealed ? `◆ ${r.label}` : r.label;
      while (text.length > 4 && label.width > room) {
        text = text.slice(0, -2);
        label.setText(`${text.trimEnd()}…`);
      }
    }
    const barY = top + Math.max(label.height, value.height) + 2;
    const g = scene.add.graphics();
    g.fillStyle(UI_COLORS.track, 1).fillRoundedRect(x, barY, width, BAR, 4);
    const from = r.previous ?? r.value;

    const paint = (v: number, g2: GameObjects.Graphics): void => {
      g2.clear();
      if (r.seen === 'exact') {
        g2.fillStyle(r.revealed ? METER_COLORS.revealedFill : METER_COLORS.fill, 1).fillRoundedRect(x, barY, Math.max(4, width * ratio(r, v)), BAR, 4);
      } else {
        const lo = ratio(r, v - r.margin);
        const hi = ratio(r, v + r.margin);
        g2.fillStyle(METER_COLORS.band, 0.3).fillRect(x + width * lo, barY - 2, Math.max(2, width * (hi - lo)), BAR + 4);
        g2.fillStyle(METER_COLORS.band, 1).fillRect(x + width * ratio(r, v) - 1.5, barY - 3, 3, BAR + 6);
      }
    };
    const fill = scene.add.graphics();
    paint(animate ? from : r.value, fill);

    const rounded = Math.round(r.change * 10) / 10;
    if (rounded !== 0) {
      const up = rounded > 0;
      const delta = addText(scene, value.x - value.width - 8, top, `${up ? '▲' : '▼'} ${formatDelta(r.change)}`, { size: 13, bold: true, color: up ? METER_COLORS.up : METER_COLORS.down }).setOrigin(1, 0);
      if (animate) {
        delta.setAlpha(0).setY(top + 8);
        scene.tweens.add({ targets: delta, alpha: 1, y: top, duration: 500, delay: 300, ease: 'Cubic.easeOut' });
      }
    }
    if (animate && from !== r.value) {
      const state = { v: from };
      scene.tweens.add({ targets: state, v: r.value, duration: 900, delay: 250, ease: 'Cubic.easeInOut', onUpdate: () => paint(state.v, fill) });
    }
    top = barY + BAR + gap;
  }
  return top;
}

/** The debrief's sections as lines of text: its reading column, and the chart's legend (src/ui/screens/debrief.ts). */
import type { Language, Scenario, Side } from '../../engine/model';
import { t } from '../../i18n';
import { formatNumber, sideName, type DrivingArgument, type EndingModel, type KeyEvent, type MeterSeries, type ReflectionQuestion, type RevealedMeter, type TimelineTurn } from '../present';
import { changeWords, sourceWords, causeWords, type Line } from './resolutionText';

/** `human`: the side the player led, marked "(you)"; null in hot-seat, where a team played each side. */
export function resultWords(ending: EndingModel, side: Side, human: Side | null, scenario: Scenario, language: Language): string {
  const name = side === human ? t('play.sideYou', { side: sideName(scenario, side, language) }) : sideName(scenario, side, language);
  return t('play.debrief.result', { side: name, outcome: t(`play.outcome.${ending.outcome[side]}`), score: formatNumber(ending.scores[side]) });
}

/** `side`: in hot-seat, the name of the side whose meters these are (one player's debrief says "your"). */
export function argumentLines(args: readonly DrivingArgument[], side?: string): Line[] {
  const lines: Line[] = [{ text: t('play.debrief.arguments'), style: 'heading' }];
  args.forEach((a, i) => {
    lines.push({ text: `${i + 1}. ${sourceWords(a.source)}`, style: 'cause' });
    const points = formatNumber(a.weight);
    lines.push({ text: side ? t('play.debrief.argumentWeightSide', { side, points }) : t('play.debrief.argumentWeight', { points }), style: 'muted' });
    for (const c of a.causes.slice(0, 3)) {
      lines.push({ text: `• ${c.title}`, style: 'change' });
      if (c.explain) lines.push({ text: c.explain, style: 'explain' });
    }
  });
  return lines;
}

export function timelineLines(timeline: readonly TimelineTurn[], scenario: Scenario, language: Language): Line[] {
  const lines: Line[] = [{ text: t('play.debrief.timeline'), style: 'heading' }];
  for (const turn of timeline) {
    lines.push({ text: t('play.debrief.timelineTurn', { turn: turn.turn }), style: 'cause' });
    for (const side of ['tokyo', 'seoul'] as const) {
      const list = turn.decisions[side].map((d) => d.title).join('; ') || t('play.debrief.nothing');
      lines.push({ text: t('play.debrief.timelineSide', { side: sideName(scenario, side, language), list }), style: 'plain' });
    }
    for (const g of turn.effects) {
      const changes = g.changes.map(changeWords).join(', ');
      lines.push({ text: `• ${causeWords(g.cause, scenario, language)}${changes ? `: ${changes}` : ''}`, style: 'change' });
    }
  }
  return lines;
}

export function keyEventLines(events: readonly KeyEvent[]): Line[] {
  const lines: Line[] = [{ text: t('play.debrief.keyEvents'), style: 'heading' }];
  events.forEach((e, i) => lines.push({ text: `${i + 1}. ${t('common.labelled', { label: t('play.debrief.timelineTurn', { turn: e.turn }), text: e.title })}`, style: 'plain' }));
  return lines;
}

export function questionLines(questions: readonly ReflectionQuestion[]): Line[] {
  const lines: Line[] = [{ text: t('play.debrief.questions'), style: 'heading' }];
  questions.forEach((q, i) => {
    lines.push({ text: `${i + 1}. ${q.text}`, style: 'plain' });
    for (const c of q.choices) lines.push({ text: `${c.label}) ${c.text}`, style: 'plain' });
  });
  return lines;
}

export function seriesSpoken(s: MeterSeries): string {
  const values = s.points.map((p) => `${p.x === 0 ? t('play.debrief.start') : p.x}: ${formatNumber(p.value)}${s.unit ?? ''}${s.seen === 'poll' ? ` ± ${formatNumber(p.margin)}` : ''}`).join(', ');
  return t('play.debrief.chartSpoken', { label: s.label, values });
}

/** `side`: in hot-seat, the name of the side whose view this was. */
export function revealedLines(revealed: readonly RevealedMeter[], side?: string): Line[] {
  if (revealed.length === 0) return [];
  const lines: Line[] = [{ text: side ? t('play.debrief.revealedSide', { side }) : t('play.debrief.revealed'), style: 'heading' }];
  for (const r of revealed) {
    const value = `${formatNumber(r.value)}${r.unit ?? ''}`;
    const text = r.lastPoll
      ? t(side ? 'play.debrief.revealedPollSide' : 'play.debrief.revealedPoll', {
          label: r.label,
          value,
          side,
          estimate: `${formatNumber(r.lastPoll.estimate)}${r.unit ?? ''}`,
          margin: formatNumber(r.lastPoll.margin),
        })
      : t(side ? 'play.debrief.revealedHiddenSide' : 'play.debrief.revealedHidden', { label: r.label, value, side });
    lines.push({ text, style: 'plain' });
  }
  return lines;
}

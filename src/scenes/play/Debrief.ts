/**
 * The debrief: the ending and each side's outcome and score, the player's meters over the turns as
 * a line chart with the turns' key events marked, and a scrolling column with the essays' arguments
 * that drove the result, the timeline of decisions with their effects, and questions for reflection.
 */
import type { GameObjects } from 'phaser';
import { playSound } from '../../audio/sound';
import { t } from '../../i18n';
import { CSS_COLORS, SIDE_CSS_COLORS, UI_COLORS, fontPx, motion } from '../../theme';
import { announce, renderScreen, type MirrorItem } from '../../ui/dom';
import { argumentLines, keyEventLines, questionLines, resultWords, revealedLines, seriesSpoken, timelineLines } from '../../ui/play/debriefText';
import { sourceWords, type Line, type LineStyle } from '../../ui/play/resolutionText';
import { decisionTimeline, drivingArguments, endingModel, instructorEndingWords, interventionLines, interventionWithTurn, keyEvents, meterSeries, reflectionQuestions, revealedMeters, sideName, type KeyEvent, type MeterSeries } from '../../ui/present';
import { MenuScene } from '../widgets/menuScene';
import { addPanel } from '../widgets/panel';
import { ScrollArea } from '../widgets/scrollArea';
import { addText, type TextOptions } from '../widgets/text';
import { gameStates, playContext } from '../../ui/play/context';
import { SIDES, type Side } from '../../engine/model';
import { Button } from '../widgets/button';
import { addReportButtons } from './reportButtons';

/** Distinct on the navy background, and told apart by dash and marker too (not by colour alone). */
const SERIES_COLORS = [0x7fb2f0, 0xf2c14e, 0xe06c75, 0x8fe3a0, 0xc39bf0, 0xf0a38f, 0x6fd6d6, 0xd9e2f2, 0xffb86b, 0xb5e06c];

const STYLES: Record<LineStyle, { options: TextOptions; gap: number }> = {
  heading: { options: { size: 17, bold: true, color: CSS_COLORS.gold }, gap: 18 },
  cause: { options: { size: 14, bold: true }, gap: 10 },
  change: { options: { size: 13 }, gap: 2 },
  perceived: { options: { size: 13, italic: true }, gap: 2 },
  explain: { options: { size: 13, color: CSS_COLORS.muted }, gap: 2 },
  source: { options: { size: 12, italic: true, color: CSS_COLORS.muted }, gap: 2 },
  plain: { options: { size: 14 }, gap: 4 },
  muted: { options: { size: 13, color: CSS_COLORS.muted }, gap: 2 },
};

const CHART = { x: 64, y: 196, width: 560, height: 250 };

export class Debrief extends MenuScene {
  constructor() {
    super('Debrief');
  }

  create(): void {
    this.begin();
    const ctx = playContext(this.state);
    const ending = ctx && endingModel(ctx.scenario, ctx.session.state, ctx.language);
    if (!ctx || !ending) {
      renderScreen({ name: 'Debrief', items: [{ kind: 'heading', level: 1, text: t('play.debrief.heading') }] });
      this.ready();
      return;
    }
    const { scenario, session, language } = ctx;
    // Hot-seat: both teams read the debrief together; the chart and the reading column follow the side the switch picks.
    const hotseat = session.mode === 'hotseat';
    const firstShown = !hotseat || this.follow?.seed !== session.seed;
    if (firstShown) this.follow = { seed: session.seed, side: 'tokyo' };
    const human = hotseat ? this.follow!.side : ctx.human;
    const states = gameStates(ctx);

    addText(this, 16, 10, t('play.debrief.heading').toUpperCase(), { size: 13, bold: true, color: CSS_COLORS.muted });
    // A game the instructor ended when no ending held has no ending title of its own.
    const endingTitle = ending.title || t('instructor.debrief.endedTitle');
    const title = addText(this, 16, 28, endingTitle, { size: 28, bold: true, color: CSS_COLORS.gold, wrap: 1248 });
    const text = addText(this, 16, title.y + title.height + 4, ending.text, { size: 15, wrap: 1248 });
    const results = (['tokyo', 'seoul'] as const).map((side) => resultWords(ending, side, hotseat ? null : human, scenario, language));
    let rx = 16;
    const ry = text.y + text.height + 6;
    (['tokyo', 'seoul'] as const).forEach((side, i) => {
      const o = addText(this, rx, ry, results[i]!, { size: 15, bold: true, color: SIDE_CSS_COLORS[side] });
      rx += o.width + 32;
    });
    const endedAfter = instructorEndingWords(ending) ?? t('play.debrief.endedAfter', { turn: ending.turn, turns: scenario.turns });
    addText(this, rx, ry + 2, endedAfter, { size: 13, color: CSS_COLORS.muted });

    // The chart, left; the reading column, right.
    const top = Math.max(ry + 34, 150);
    const series = meterSeries(scenario, states, human, language);
    const marks = keyEvents(scenario, session.reports, language);
    addPanel(this, 16, top, 628, 636 - top);
    // Hot-seat: the title says whose meters the chart follows (one player's debrief says "your").
    const followed = hotseat ? t(`common.sides.${human}`) : undefined;
    const chartTitle = followed ? t('play.debrief.chartSide', { side: followed }) : t('play.debrief.chart');
    addText(this, 32, top + 8, chartTitle, { size: 16, bold: true, color: CSS_COLORS.gold });
    const followItems = hotseat ? this.followSwitch(top + 4) : [];
    // Under the side switch in hot-seat.
    const note = addText(this, 32, top + (hotseat ? fontPx(13) * 2 + fontPx(12) + 8 : 30), t('play.debrief.chartNote', { side: sideName(scenario, human, language) }), { size: 11, color: CSS_COLORS.muted, wrap: 596 });
    // The chart takes what the legend (two columns of rows) and the axis labels leave; its marker
    // numbers sit above it, under the note however many lines the note takes.
    const legendHeight = Math.ceil(series.length / 2) * 22;
    const chartTop = Math.max(top + 64, Math.ceil(note.y + note.height + fontPx(18)));
    const chart = { ...CHART, y: chartTop, height: Math.max(120, Math.min(320, 636 - chartTop - 36 - legendHeight - 12)) };
    this.drawChart(series, marks, chart, session.reports.length);

    const columnTop = top;
    addPanel(this, 660, columnTop, 604, 636 - columnTop);
    const area = new ScrollArea(this, 676, columnTop + 12, 580, 636 - columnTop - 24, this.ring, 'scroll:debrief');
    const lines: Line[] = [
      ...argumentLines(drivingArguments(scenario, session.reports, human, language), followed),
      ...revealedLines(revealedMeters(scenario, states, human, language), followed),
      ...(ending.explain ? [{ text: ending.explain, style: 'explain' as const }, ...(ending.source ? [{ text: sourceWords(ending.source), style: 'source' as const }] : [])] : []),
      ...keyEventLines(marks),
      ...timelineLines(decisionTimeline(scenario, session.reports, human, language), scenario, language),
      ...(session.log.length
        ? [{ text: t('instructor.debrief.heading'), style: 'heading' as const }, ...interventionLines(scenario, session.log, language).map((l): Line => ({ text: interventionWithTurn(l), style: l.undone ? 'muted' : 'plain' }))]
        : []),
      ...questionLines(reflectionQuestions(scenario, language)),
    ];
    lines.forEach((line, k) => area.add(line.text, STYLES[line.style].options, k === 0 ? 0 : STYLES[line.style].gap));

    const again = (): void => {
      const { pick } = this.state;
      if (pick.scenarioId && (pick.side || pick.mode === 'hotseat')) this.actions.startGame();
      else this.actions.go('side');
    };
    const another = (): void => this.actions.go('scenarios');
    const b1 = new Button(this, this.ring, { compact: true, key: 'again', x: 1264 - 260, y: 652, width: 260, height: 48, label: t('play.debrief.playAgain'), variant: 'primary', size: 20, onActivate: again });
    new Button(this, this.ring, { compact: true, key: 'another', x: b1.bounds().x - 16 - 300, y: 652, width: 300, height: 48, label: t('play.debrief.another'), size: 18, onActivate: another });
    // The class report's buttons take the bottom left; the keys move to the top right.
    const reportItems = addReportButtons(this, this.ring, { x: 16, y: 652, width: b1.bounds().x - 16 - 300 - 16 - 16, height: 48 });
    addText(this, 1264, 10, t('play.debrief.keys'), { size: 12, color: CSS_COLORS.muted }).setOrigin(1, 0);

    const toItem = (line: Line): MirrorItem => (line.style === 'heading' ? { kind: 'heading', level: 3, text: line.text } : { kind: 'text', text: line.text });
    renderScreen({
      name: 'Debrief',
      items: [
        { kind: 'heading', level: 1, text: t('common.labelled', { label: t('play.debrief.heading'), text: t('play.debrief.ending', { title: endingTitle }) }) },
        { kind: 'text', text: ending.text },
        { kind: 'list', label: t('play.outcome.win'), items: [...results, endedAfter] },
        ...followItems,
        { kind: 'list', label: chartTitle, items: series.map(seriesSpoken) },
        { kind: 'scroll', key: 'scroll:debrief', label: t('play.debrief.sections'), children: lines.map(toItem), onScroll: (step) => area.step(step) },
        ...reportItems,
        { kind: 'button', key: 'again', label: t('play.debrief.playAgain'), onActivate: again },
        { kind: 'button', key: 'another', label: t('play.debrief.another'), onActivate: another },
      ],
    });

    const outcome = ending.outcome[human];
    if (!hotseat) {
      playSound(outcome === 'win' ? 'ending_win' : outcome === 'draw' ? 'ending_draw' : 'ending_loss');
      announce(t('play.debrief.announce', { title: endingTitle, side: sideName(scenario, human, language), outcome: t(`play.outcome.${outcome}`) }));
    } else if (firstShown) {
      // Two teams, one room: the ending's sound is the draw's unless both sides fared alike.
      const both = ending.outcome.tokyo === ending.outcome.seoul ? ending.outcome.tokyo : 'draw';
      playSound(both === 'win' ? 'ending_win' : both === 'draw' ? 'ending_draw' : 'ending_loss');
      announce(`${t('play.debrief.ending', { title: endingTitle })}. ${results.join('. ')}`);
    } else announce(t('hotseat.debrief.follow', { side: t(`common.sides.${human}`) }));
    this.ready();
  }

  /** Hot-seat: which side's meters the chart and the reading column follow (both are open now the game is over). */
  private follow: { seed: string; side: Side } | null = null;

  /** The switch between the two sides' meters, at the chart panel's top right; returns its DOM twin. */
  private followSwitch(y: number): MirrorItem[] {
    const side = this.follow!.side;
    const choose = (next: Side): void => {
      if (!this.follow || this.follow.side === next) return;
      this.follow = { ...this.follow, side: next };
      this.redraw();
    };
    let x = 644 - 16;
    for (const s of [...SIDES].reverse()) {
      const button = new Button(this, this.ring, { compact: true, key: `follow:${s}`, x: 0, y, label: t('hotseat.debrief.follow', { side: t(`common.sides.${s}`) }), size: 13, padX: 20, selected: s === side, onActivate: () => choose(s) });
      x -= button.width;
      button.setPosition(x, y);
      x -= 8;
    }
    return [
      {
        kind: 'radio',
        key: 'follow',
        legend: t('hotseat.debrief.chartFollows'),
        value: side,
        options: SIDES.map((s) => ({ value: s, label: t('hotseat.debrief.follow', { side: t(`common.sides.${s}`) }) })),
        onChange: (value) => choose(value as Side),
      },
    ];
  }

  private drawChart(series: readonly MeterSeries[], marks: readonly KeyEvent[], r: { x: number; y: number; width: number; height: number }, turns: number): void {
    const g = this.add.graphics();
    const xs = (x: number): number => r.x + (turns === 0 ? 0 : (x / turns) * r.width);
    const ys = (s: MeterSeries, v: number): number => r.y + r.height - ((v - s.min) / (s.max - s.min || 1)) * r.height;

    // Axes and gridlines at 0, 25, 50, 75, 100 % of each meter's range.
    g.lineStyle(1, UI_COLORS.track, 1);
    for (let k = 0; k <= 4; k++) g.lineBetween(r.x, r.y + (r.height * k) / 4, r.x + r.width, r.y + (r.height * k) / 4);
    for (let k = 0; k <= 4; k++) addText(this, r.x - 8, r.y + (r.height * k) / 4, `${100 - k * 25}%`, { size: 10, color: CSS_COLORS.muted }).setOrigin(1, 0.5);
    for (let x = 0; x <= turns; x++) addText(this, xs(x), r.y + r.height + 4, x === 0 ? t('play.debrief.start') : String(x), { size: 11, color: CSS_COLORS.muted }).setOrigin(0.5, 0);

    // Key events: a dotted line at the end of their turn, numbered as in the list.
    const byTurn = new Map<number, number[]>();
    marks.forEach((m, i) => byTurn.set(m.turn, [...(byTurn.get(m.turn) ?? []), i + 1]));
    for (const [turn, numbers] of byTurn) {
      const x = xs(turn);
      g.lineStyle(1, UI_COLORS.primary, 0.55);
      for (let y = r.y; y < r.y + r.height; y += 8) g.lineBetween(x, y, x, Math.min(y + 4, r.y + r.height));
      const label = numbers.length === 1 ? String(numbers[0]) : `${numbers[0]}–${numbers[numbers.length - 1]}`;
      addText(this, x, r.y - 2, label, { size: 10, bold: true, color: CSS_COLORS.gold }).setOrigin(0.5, 1);
    }

    const lines = this.add.graphics();
    const reveal = { p: motion() ? 0 : 1 };
    const paint = (): void => {
      lines.clear();
      series.forEach((s, i) => {
        const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
        const pts = s.points.filter((p) => p.x <= reveal.p * turns + 1e-9);
        if (s.seen === 'poll') {
          lines.fillStyle(color, 0.14);
          for (let k = 1; k < pts.length; k++) {
            const a = pts[k - 1]!;
            const b = pts[k]!;
            lines.beginPath();
            lines.moveTo(xs(a.x), ys(s, Math.min(s.max, a.value + a.margin)));
            lines.lineTo(xs(b.x), ys(s, Math.min(s.max, b.value + b.margin)));
            lines.lineTo(xs(b.x), ys(s, Math.max(s.min, b.value - b.margin)));
            lines.lineTo(xs(a.x), ys(s, Math.max(s.min, a.value - a.margin)));
            lines.closePath();
            lines.fillPath();
          }
        }
        lines.lineStyle(2.5, color, 1);
        for (let k = 1; k < pts.length; k++) {
          const a = pts[k - 1]!;
          const b = pts[k]!;
          if (s.seen === 'poll') dashed(lines, xs(a.x), ys(s, a.value), xs(b.x), ys(s, b.value));
          else lines.lineBetween(xs(a.x), ys(s, a.value), xs(b.x), ys(s, b.value));
        }
        lines.fillStyle(color, 1);
        for (const p of pts) lines.fillCircle(xs(p.x), ys(s, p.value), 3);
      });
    };
    paint();
    if (motion()) this.tweens.add({ targets: reveal, p: 1, duration: 1200, ease: 'Sine.easeInOut', onUpdate: paint });

    // Legend under the chart, two columns.
    const legendTop = r.y + r.height + 26;
    series.forEach((s, i) => {
      const col = i % 2;
      const row = Math.floor(i / 2);
      const lx = 32 + col * 300;
      const ly = legendTop + row * 22;
      const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
      const sw = this.add.graphics();
      sw.lineStyle(3, color, 1);
      if (s.seen === 'poll') dashed(sw, lx, ly + 8, lx + 22, ly + 8);
      else sw.lineBetween(lx, ly + 8, lx + 22, ly + 8);
      const label: GameObjects.Text = addText(this, lx + 28, ly, s.label, { size: 12, color: CSS_COLORS.text });
      let shortened = s.label;
      while (label.width > 262 && shortened.length > 4) {
        shortened = shortened.slice(0, -2);
        label.setText(`${shortened.trimEnd()}…`);
      }
    });
  }
}

function dashed(g: GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number): void {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const steps = Math.max(1, Math.floor(length / 6));
  for (let k = 0; k < steps; k += 2) {
    const a = k / steps;
    const b = Math.min(1, (k + 1) / steps);
    g.lineBetween(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b);
  }
}

/**
 * The debrief's meter chart, printed and on screen: an inline SVG built element by element (no
 * markup strings), each meter over the turns on its own range (0% its minimum, 100% its maximum), the
 * turns' key events as numbered dotted lines. Lines differ by colour, dash and marker, so the chart
 * still reads when printed in black and white. The printable page draws every true value; the
 * debrief screen draws what one side saw, its polls dashed inside their error band.
 */
import { t } from '../../i18n';
import type { KeyEvent } from '../present';

/** One line of the chart; the printable debrief's ChartSeries is one. */
export interface ChartLine {
  readonly id: string;
  readonly min: number;
  readonly max: number;
  /** The value in each state (values[0] at the start, values[i] after turn i); null where the side had no reading. */
  readonly values: readonly (number | null)[];
  /** A poll's margin in each state, drawn as a band around the line. */
  readonly margins?: readonly (number | null)[];
  /** Set on a chart of what a side saw: polls are dashed, exact meters solid (dashes then no longer tell lines apart). */
  readonly poll?: boolean;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Tableau's ten colours: dark enough on white paper, and told apart by most colour-blind readers. */
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#555555', '#bcbd22'];
const DASHES = ['', '7 4', '2 3'];
type Marker = 'circle' | 'square' | 'triangle' | 'diamond';
const MARKERS: readonly Marker[] = ['circle', 'square', 'triangle', 'diamond'];

export interface SeriesLook {
  readonly color: string;
  readonly dash: string;
  readonly marker: Marker;
}

/**
 * The i-th series' look: twelve distinct dash-and-marker pairs before any repeats in black and white.
 * `poll` (a side's view): the dash says poll or exact instead.
 */
export function seriesLook(i: number, poll?: boolean): SeriesLook {
  const dash = poll === undefined ? DASHES[Math.floor(i / MARKERS.length) % DASHES.length]! : poll ? DASHES[1]! : '';
  return { color: COLORS[i % COLORS.length]!, dash, marker: MARKERS[i % MARKERS.length]! };
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

function marker(look: SeriesLook, x: number, y: number, r = 3.2): SVGElement {
  switch (look.marker) {
    case 'circle':
      return svg('circle', { cx: x, cy: y, r, fill: look.color });
    case 'square':
      return svg('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: look.color });
    case 'triangle':
      return svg('polygon', { points: `${x},${y - r * 1.2} ${x + r * 1.1},${y + r * 0.9} ${x - r * 1.1},${y + r * 0.9}`, fill: look.color });
    case 'diamond':
      return svg('polygon', { points: `${x},${y - r * 1.3} ${x + r * 1.1},${y} ${x},${y + r * 1.3} ${x - r * 1.1},${y}`, fill: look.color });
  }
}

const W = 720;
const H = 330;
const PLOT = { left: 50, right: 706, top: 34, bottom: 290 };

/** The chart itself; `label` is what a screen reader hears for it (the legend and table carry the numbers). */
export function meterChart(series: readonly ChartLine[], xLabels: readonly string[], marks: readonly KeyEvent[], label: string): SVGSVGElement {
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, class: 'report-chart' });
  root.append(svg('title', {}, label));
  const turns = Math.max(1, xLabels.length - 1);
  const xs = (i: number): number => PLOT.left + (i / turns) * (PLOT.right - PLOT.left);
  const ys = (share: number): number => PLOT.bottom - share * (PLOT.bottom - PLOT.top);

  const grid = svg('g', { class: 'report-chart-grid' });
  for (let k = 0; k <= 4; k++) {
    const y = ys(k / 4);
    grid.append(svg('line', { x1: PLOT.left, y1: y, x2: PLOT.right, y2: y, stroke: '#c8ccd4', 'stroke-width': k === 0 ? 1.2 : 0.6 }));
    grid.append(svg('text', { x: PLOT.left - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#333' }, t('report.chart.share', { percent: k * 25 })));
  }
  xLabels.forEach((text, i) => grid.append(svg('text', { x: xs(i), y: PLOT.bottom + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#333' }, text)));
  grid.append(svg('text', { x: (PLOT.left + PLOT.right) / 2, y: H - 6, 'text-anchor': 'middle', 'font-size': 11, fill: '#555' }, t('report.chart.axisTurn')));
  root.append(grid);

  // Key events: a dotted line at the end of their turn, numbered as in the list under the chart.
  const byTurn = new Map<number, number[]>();
  marks.forEach((m, i) => byTurn.set(m.turn, [...(byTurn.get(m.turn) ?? []), i + 1]));
  const events = svg('g', { class: 'report-chart-events' });
  for (const [turn, numbers] of byTurn) {
    const x = xs(Math.min(turn, turns));
    events.append(svg('line', { x1: x, y1: PLOT.top, x2: x, y2: PLOT.bottom, stroke: '#8a6d1f', 'stroke-width': 1, 'stroke-dasharray': '2 3' }));
    const text = numbers.length === 1 ? String(numbers[0]) : `${numbers[0]}–${numbers[numbers.length - 1]}`;
    // A mark on the last turn ends at the line instead of centring on it, so "17–18" stays inside the chart.
    const anchor = x > PLOT.right - 16 ? 'end' : 'middle';
    events.append(svg('text', { x, y: PLOT.top - 8, 'text-anchor': anchor, 'font-size': 10, 'font-weight': 'bold', fill: '#8a6d1f' }, text));
  }
  root.append(events);

  const at = (x: number, y: number): string => `${x.toFixed(1)},${y.toFixed(1)}`;
  series.forEach((s, i) => {
    const look = seriesLook(i, s.poll);
    const span = s.max - s.min || 1;
    const share = (v: number): number => Math.min(1, Math.max(0, (v - s.min) / span));
    // Each unbroken run of readings is one line (a side has no poll after the game's last turn).
    const runs: { x: number; v: number; m: number }[][] = [[]];
    s.values.forEach((v, x) => {
      if (v === null) runs.push([]);
      else runs[runs.length - 1]!.push({ x, v, m: s.margins?.[x] ?? 0 });
    });
    const g = svg('g', { class: 'report-chart-series', 'data-meter': s.id });
    for (const run of runs.filter((r) => r.length > 0)) {
      if (s.margins) {
        const upper = run.map((p) => at(xs(p.x), ys(share(p.v + p.m))));
        const lower = [...run].reverse().map((p) => at(xs(p.x), ys(share(p.v - p.m))));
        g.append(svg('polygon', { points: [...upper, ...lower].join(' '), fill: look.color, 'fill-opacity': 0.14, stroke: 'none' }));
      }
      g.append(
        svg('polyline', {
          points: run.map((p) => at(xs(p.x), ys(share(p.v)))).join(' '),
          fill: 'none',
          stroke: look.color,
          'stroke-width': 2,
          'stroke-linejoin': 'round',
          ...(look.dash && { 'stroke-dasharray': look.dash }),
        }),
      );
      for (const p of run) g.append(marker(look, xs(p.x), ys(share(p.v))));
    }
    root.append(g);
  });
  return root;
}

/** A legend swatch: a short stretch of the series' line with its marker. */
export function legendSwatch(i: number, poll?: boolean): SVGSVGElement {
  const look = seriesLook(i, poll);
  const root = svg('svg', { viewBox: '0 0 30 12', width: 30, height: 12, 'aria-hidden': 'true', class: 'report-swatch' });
  root.append(svg('line', { x1: 1, y1: 6, x2: 29, y2: 6, stroke: look.color, 'stroke-width': 2, ...(look.dash && { 'stroke-dasharray': look.dash }) }), marker(look, 15, 6, 3.4));
  return root;
}

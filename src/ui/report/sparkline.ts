/**
 * A meter's small multiple: one tiny line over the turns on the meter's own range, with a dot at the
 * value now. Inline SVG built element by element (no markup strings). It carries no words: the card
 * beside it says the value, so the line is hidden from screen readers.
 */
const SVG = 'http://www.w3.org/2000/svg';
const W = 100;
const H = 24;
/** Room for the stroke and the dot at the edges. */
const PAD = 3;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** The points of the line in the sparkline's box: x over the turns (a single value sits in the middle), y on [min, max]. */
export function sparkPoints(values: readonly number[], min: number, max: number): { x: number; y: number }[] {
  const span = max - min || 1;
  const steps = Math.max(1, values.length - 1);
  return values.map((v, i) => ({
    x: values.length === 1 ? W / 2 : PAD + (i / steps) * (W - 2 * PAD),
    y: H - PAD - Math.min(1, Math.max(0, (v - min) / span)) * (H - 2 * PAD),
  }));
}

export function sparkline(values: readonly number[], min: number, max: number): SVGSVGElement {
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'sparkline', 'aria-hidden': 'true', focusable: 'false' });
  root.append(svg('line', { x1: 0, y1: H - PAD, x2: W, y2: H - PAD, class: 'sparkline-base' }));
  const points = sparkPoints(values, min, max);
  if (points.length > 1) root.append(svg('polyline', { points: points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '), class: 'sparkline-line', fill: 'none' }));
  const last = points[points.length - 1];
  if (last) root.append(svg('circle', { cx: last.x, cy: last.y, r: 2.2, class: 'sparkline-dot' }));
  return root;
}

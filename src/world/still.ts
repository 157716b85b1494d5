/**
 * The world's still layer: what a backdrop shows that does not move (the sky's gradient, the title's
 * peninsula and archipelago), painted once per backdrop and window size into a plain canvas behind
 * Phaser's, which is transparent and draws only what moves. Under software rendering (a school
 * Chromebook without a GPU) a full-window image drawn by WebGL costs about half of every frame; the
 * browser composites a still canvas for almost nothing.
 */
import type { Backdrop } from '../store/screens';
import { COLORS } from '../theme';
import './world.css';

type Point = readonly [number, number];

// The title's stylised Korea Strait, in a 1280 × 720 frame stretched to the window: the peninsula on
// the left, the Japanese archipelago on the right.
// prettier-ignore
const PENINSULA: readonly Point[] = [
  [0, 0], [250, 0], [272, 62], [238, 124], [262, 196], [248, 262], [276, 340], [262, 420],
  [238, 492], [204, 556], [150, 590], [92, 578], [58, 536], [70, 480], [36, 430], [48, 360],
  [20, 300], [0, 290],
];
// prettier-ignore
const HONSHU: readonly Point[] = [
  [1280, 96], [1280, 330], [1212, 384], [1122, 432], [1040, 474], [962, 520], [900, 548],
  [862, 522], [902, 482], [982, 440], [1062, 392], [1150, 322], [1222, 214],
];
const SHIKOKU: readonly Point[] = [
  [936, 566],
  [1016, 544],
  [1034, 578],
  [962, 596],
];
const KYUSHU: readonly Point[] = [
  [802, 560],
  [862, 556],
  [884, 612],
  [852, 684],
  [792, 694],
  [770, 630],
];

/** The two capitals on the title's strait, in its 1280 × 720 frame (the drifting arc joins them). */
export const TITLE_CAPITALS = { seoul: [96, 292], tokyo: [1168, 358] } as const satisfies Record<string, Point>;

const hex = (color: number): string => `#${color.toString(16).padStart(6, '0')}`;

export class StillLayer {
  private readonly canvas = document.createElement('canvas');
  private painted: { backdrop: Backdrop | null; w: number; h: number } = { backdrop: null, w: 0, h: 0 };

  /** Puts the layer into `parent`, under `above` (Phaser's canvas). */
  constructor(parent: HTMLElement, above: HTMLCanvasElement) {
    this.canvas.className = 'world-still';
    parent.insertBefore(this.canvas, above);
  }

  /** The backdrop painted last (null before the first). */
  get backdrop(): Backdrop | null {
    return this.painted.backdrop;
  }

  /** Is the layer showing `backdrop` at this window size? */
  shows(backdrop: Backdrop, w: number, h: number): boolean {
    return this.painted.backdrop === backdrop && this.painted.w === w && this.painted.h === h;
  }

  /** Paints `backdrop` at the window's size; `fadeIn` when the backdrop is new (CSS fades it in, but not under reduced motion). */
  paint(backdrop: Backdrop, w: number, h: number, fadeIn: boolean): void {
    const c = this.canvas;
    c.width = w;
    c.height = h;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    this.painted = { backdrop, w, h };
    // The board's backdrop is the page's own ink (the map is drawn in its slot).
    if (backdrop !== 'board') {
      const sky = ctx.createLinearGradient(0, 0, 0, h);
      sky.addColorStop(0, hex(COLORS.skyTop));
      sky.addColorStop(1, hex(COLORS.skyBottom));
      ctx.fillStyle = sky;
      ctx.fillRect(0, 0, w, h);
    }
    if (backdrop === 'title') paintStrait(ctx, w / 1280, h / 720);
    if (fadeIn) {
      c.classList.remove('world-still-enter');
      // Read layout once so the animation starts again from its first frame.
      void c.offsetWidth;
      c.classList.add('world-still-enter');
    }
  }
}

function paintStrait(ctx: CanvasRenderingContext2D, sx: number, sy: number): void {
  ctx.lineJoin = 'round';
  for (const shape of [PENINSULA, HONSHU, SHIKOKU, KYUSHU]) {
    ctx.beginPath();
    shape.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * sx, y * sy) : ctx.lineTo(x * sx, y * sy)));
    ctx.closePath();
    ctx.globalAlpha = 0.9;
    ctx.fillStyle = hex(COLORS.land);
    ctx.fill();
    ctx.strokeStyle = hex(COLORS.landEdge);
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  for (const [x, y] of Object.values(TITLE_CAPITALS)) {
    ctx.fillStyle = hex(COLORS.gold);
    ctx.globalAlpha = 0.25;
    ctx.beginPath();
    ctx.arc(x * sx, y * sy, 12, 0, Math.PI * 2);
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.beginPath();
    ctx.arc(x * sx, y * sy, 5, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

/**
 * The world: one Phaser scene behind the page that draws the backdrop of each screen (the strait on
 * the title, the sea of the menus, the map as the board in play), the meters' bars with their
 * tweens, the arcs and pulses the screens cue, and the motion between screens. It reads
 * src/world/stage.ts and draws into the slots the DOM laid out; it holds no words and no controls.
 *
 * Cheap by design (a school Chromebook renders WebGL in software): the sky and the title's coasts are
 * painted once into the still layer under Phaser's canvas (still.ts), the map once into a texture (each
 * again only when its size changes); bars are quads of one white texture, moved only
 * when their slot or value changes; nothing is allocated per frame but the slots' boxes the browser
 * returns; and `tick` says whether anything changed, so a still frame is not drawn at all (index.ts).
 */
import { Scene, type GameObjects, type Textures } from './phaser';
import type { Side } from '../engine/model';
import { COLORS, MAP_COLORS, SIDE_COLORS, UI_COLORS } from '../theme';
import { paintMap } from './map/drawMap';
import type { MapData, MapPlace } from './map/mapData';
import { loadMap, mapNow } from './mapSource';
import { slotX, slotY, type Placement } from './placement';
import { onCue, onStage, stage, type Cue, type MeterBar } from './stage';
import { StillLayer, TITLE_CAPITALS } from './still';
import { textureSize } from './textureSize';

type Image = GameObjects.Image;
type Place = Side | 'islands' | 'pyongyang' | 'beijing';

const WHITE = '__WHITE';
const DOT = 'world-dot';
const RING = 'world-ring';
const BOARD = 'world-board';

const DEPTH = { swell: 0, drift: 1, board: 2, bars: 3, cues: 4 } as const;

/** A texture whose size follows the window or a slot is repainted at most this often while the size keeps changing. */
const REPAINT_MS = 150;
/** The meters' tween, as the old turn screen had it. */
const TWEEN = { delay: 250, duration: 900 } as const;
const TRANSITION_MS = 240;
const CALM_MS = 600;

const easeInOut = (t: number): number => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);
const easeOut = (t: number): number => 1 - Math.pow(1 - t, 3);
const clamp01 = (t: number): number => (t < 0 ? 0 : t > 1 ? 1 : t);

/** Where a place is cued when no map is shown: a fixed spot of the window (fractions of its size). */
const BACKDROP_PLACES: Readonly<Record<Place, readonly [number, number]>> = {
  seoul: [0.28, 0.52],
  tokyo: [0.74, 0.58],
  islands: [0.5, 0.46],
  pyongyang: [0.25, 0.4],
  beijing: [0.1, 0.3],
};
/** The map's place a cue names, looked up once per map (a cue follows it every frame). */
const cuePlaces = new WeakMap<MapData, ReadonlyMap<Place, MapPlace>>();

function cuePlace(data: MapData, at: Place): MapPlace | undefined {
  let found = cuePlaces.get(data);
  if (!found) {
    const ids: readonly Place[] = ['seoul', 'tokyo', 'pyongyang', 'beijing'];
    const byPlace = new Map<Place, MapPlace>();
    for (const p of data.places) {
      if (p.kind === 'islands') byPlace.set('islands', p);
      else if ((ids as readonly string[]).includes(p.id)) byPlace.set(p.id as Place, p);
    }
    cuePlaces.set(data, (found = byPlace));
  }
  return found.get(at);
}

const TITLE_DOTS = 62;
const SWELL_COLS = 9;
const SWELL_ROWS = 16;
const ARC_DOTS = 36;

/**
 * What a frame's changes ask of the renderer: nothing (the frame is not drawn at all); an animation's
 * step; or a move of a slot (scrolling, a resize, a new screen), which the world must follow at once
 * to stay under its words.
 */
type Change = 0 | 1 | 2;
const NONE = 0;
const ANIMATED = 1;
const MOVED = 2;

/** A box in window px; `x1`/`y1` exclusive. Kept as mutable fields so a frame allocates none. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const box = (): Box => ({ x0: 0, y0: 0, x1: 0, y1: 0 });

/** The nearest ancestor that clips what scrolls inside it (its box bounds what of a slot is seen). */
function clipAncestor(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const style = getComputedStyle(p);
    if (style.overflowY !== 'visible' || style.overflowX !== 'visible') return p;
  }
  return null;
}

/** The frame being followed, and the box of the last clipping ancestor read in it (the bars of a screen mostly share one). */
let frameNo = 0;
const clipRead = { el: null as HTMLElement | null, frame: -1, x0: 0, y0: 0, x1: 0, y1: 0 };

function readClip(el: HTMLElement): typeof clipRead {
  if (clipRead.el !== el || clipRead.frame !== frameNo) {
    const c = el.getBoundingClientRect();
    clipRead.el = el;
    clipRead.frame = frameNo;
    clipRead.x0 = c.left;
    clipRead.y0 = c.top;
    clipRead.x1 = c.right;
    clipRead.y1 = c.bottom;
  }
  return clipRead;
}

/** A slot's place in the window and the part of it that is seen. */
class SlotBox {
  readonly rect = box();
  readonly seen = box();
  private clip: HTMLElement | null | undefined;

  constructor(private readonly slot: HTMLElement) {}

  /** False when the slot is not in the page (its screen is gone, or not mounted yet). */
  read(viewW: number, viewH: number): boolean {
    if (!this.slot.isConnected) return false;
    if (this.clip === undefined) this.clip = clipAncestor(this.slot);
    const r = this.slot.getBoundingClientRect();
    const { rect, seen } = this;
    rect.x0 = r.left;
    rect.y0 = r.top;
    rect.x1 = r.right;
    rect.y1 = r.bottom;
    let x0 = Math.max(0, r.left);
    let y0 = Math.max(0, r.top);
    let x1 = Math.min(viewW, r.right);
    let y1 = Math.min(viewH, r.bottom);
    if (this.clip) {
      const c = readClip(this.clip);
      x0 = Math.max(x0, c.x0);
      y0 = Math.max(y0, c.y0);
      x1 = Math.min(x1, c.x1);
      y1 = Math.min(y1, c.y1);
    }
    seen.x0 = x0;
    seen.y0 = y0;
    seen.x1 = Math.max(x0, x1);
    seen.y1 = Math.max(y0, y1);
    return true;
  }
}

/** Shows `img` as the solid box (x0, y0)–(x1, y1) cut to `seen`, or hides it when nothing of it is seen. */
function quad(img: Image, x0: number, y0: number, x1: number, y1: number, seen: Box): void {
  const a = Math.round(Math.max(x0, seen.x0));
  const b = Math.round(Math.max(y0, seen.y0));
  const c = Math.round(Math.min(x1, seen.x1));
  const d = Math.round(Math.min(y1, seen.y1));
  if (c <= a || d <= b) {
    img.setVisible(false);
    return;
  }
  img
    .setVisible(true)
    .setPosition(a, b)
    .setDisplaySize(c - a, d - b);
}

/** One meter's bar on the canvas: a track, a fill (exact values) or a band with a mark (polls). */
class Bar {
  bar: MeterBar;
  box: SlotBox;
  shown: number;
  private tweenFrom = 0;
  private tweenTo = 0;
  private tweenStart = -1;
  // What was last drawn, to draw again only on a change.
  private last = { x0: NaN, y0: NaN, x1: NaN, y1: NaN, s0: NaN, s1: NaN, t0: NaN, t1: NaN, v: NaN, a: NaN };

  constructor(
    bar: MeterBar,
    private readonly quads: { track: Image; fill: Image; band: Image; mark: Image },
    now: number,
    animate: boolean,
  ) {
    this.bar = bar;
    this.box = new SlotBox(bar.slot);
    this.shown = bar.value;
    quads.track.setTint(UI_COLORS.track);
    if (animate && bar.from !== bar.value) this.tweenTo_(bar.from, bar.value, now + TWEEN.delay);
    this.recolour();
  }

  private recolour(): void {
    this.quads.fill.setTint(this.bar.color);
    this.quads.band.setTint(this.bar.color);
    this.quads.mark.setTint(this.bar.color);
  }

  private tweenTo_(from: number, to: number, start: number): void {
    this.tweenFrom = from;
    this.tweenTo = to;
    this.tweenStart = start;
    this.shown = from;
  }

  /** The screen redrawn with this meter again: a new value tweens from what is shown. */
  update(bar: MeterBar, now: number, animate: boolean): void {
    const moved = bar.value !== this.bar.value;
    const recolour = bar.color !== this.bar.color;
    if (bar.slot !== this.bar.slot) this.box = new SlotBox(bar.slot);
    this.bar = bar;
    if (recolour) this.recolour();
    if (!moved) return;
    if (animate) this.tweenTo_(this.shown, bar.value, now);
    else {
      this.tweenStart = -1;
      this.shown = bar.value;
    }
    this.last.v = NaN;
  }

  /** Follows the slot and the tween: what changed (MOVED when its slot did, which must be drawn at once). */
  tick(now: number, viewW: number, viewH: number, alpha: number): Change {
    if (this.tweenStart >= 0) {
      const t = clamp01((now - this.tweenStart) / TWEEN.duration);
      this.shown = this.tweenFrom + (this.tweenTo - this.tweenFrom) * easeInOut(t);
      if (t >= 1) this.tweenStart = -1;
    }
    const { quads, last } = this;
    if (!this.box.read(viewW, viewH)) {
      const was = quads.track.visible;
      this.hide();
      last.v = NaN;
      last.x0 = NaN;
      return was ? MOVED : NONE;
    }
    const { rect, seen } = this.box;
    const moved = rect.x0 !== last.x0 || rect.y0 !== last.y0 || rect.x1 !== last.x1 || rect.y1 !== last.y1 || seen.x0 !== last.s0 || seen.y0 !== last.s1 || seen.x1 !== last.t0 || seen.y1 !== last.t1;
    if (!moved && this.shown === last.v && alpha === last.a) return NONE;
    last.x0 = rect.x0;
    last.y0 = rect.y0;
    last.x1 = rect.x1;
    last.y1 = rect.y1;
    last.s0 = seen.x0;
    last.s1 = seen.y0;
    last.t0 = seen.x1;
    last.t1 = seen.y1;
    last.v = this.shown;
    last.a = alpha;
    quads.track.setAlpha(alpha);
    quads.fill.setAlpha(alpha);
    quads.band.setAlpha(0.38 * alpha);
    quads.mark.setAlpha(alpha);
    const { margin } = this.bar;
    quad(quads.track, rect.x0, rect.y0, rect.x1, rect.y1, seen);
    if (margin === undefined) {
      quad(quads.fill, rect.x0, rect.y0, Math.max(rect.x0 + 3, this.at(this.shown)), rect.y1, seen);
      quads.band.setVisible(false);
      quads.mark.setVisible(false);
    } else {
      // A poll: the estimate as a mark inside its margin of error.
      const lo = this.at(this.shown - margin);
      quad(quads.band, lo, rect.y0, Math.max(lo + 2, this.at(this.shown + margin)), rect.y1, seen);
      const x = this.at(this.shown);
      quad(quads.mark, x - 1.5, rect.y0, x + 1.5, rect.y1, seen);
      quads.fill.setVisible(false);
    }
    return moved ? MOVED : ANIMATED;
  }

  /** A value's x in the window on this bar's track. */
  private at(v: number): number {
    const { min, max } = this.bar;
    const { rect } = this.box;
    return rect.x0 + (rect.x1 - rect.x0) * clamp01((v - min) / (max - min || 1));
  }

  hide(): void {
    this.quads.track.setVisible(false);
    this.quads.fill.setVisible(false);
    this.quads.band.setVisible(false);
    this.quads.mark.setVisible(false);
  }

  release(): { track: Image; fill: Image; band: Image; mark: Image } {
    this.hide();
    return this.quads;
  }
}

/** An arc between the capitals (a summit in gold, a proposal in its proposer's colour), drawn as it travels. */
interface ArcCue {
  start: number;
  from: Side;
  to: Side;
  readonly dots: Image[];
  readonly head: Image;
  active: boolean;
}

interface PulseCue {
  start: number;
  at: Place;
  readonly rings: Image[];
  active: boolean;
}

export class World extends Scene {
  private reduced = false;
  private viewW = 0;
  private viewH = 0;
  private sceneCount = -1;
  private backdrop = stage().backdrop;
  private stageChanged = true;
  private forceFrame = true;
  private fading = false;
  /**
   * The ambient motion waits until the first screen has been up a moment: while the page starts (its
   * words, fonts and scenarios) a still world leaves it the processor.
   */
  private calmUntil = Infinity;
  /** When the backdrop and the slots' drawing last began to fade in, and how far they are (0..1). */
  private backSince = -Infinity;
  private slotSince = -Infinity;
  private backFade = 1;
  private slotFade = 1;
  private now = 0;

  private still!: StillLayer;
  /** When the still layer was last painted (a resize repaints it at most every REPAINT_MS; CSS stretches it meanwhile). */
  private stillAt = -Infinity;
  private readonly titleDots: Image[] = [];
  private readonly swell: Image[] = [];
  /** The arc over the title, sampled: x, y pairs at equal steps of the curve's parameter. */
  private readonly arcTable = new Float32Array(129 * 2);
  private titleAt = { seoulX: 0, seoulY: 0, tokyoX: 0, tokyoY: 0 };

  private boardImage!: Image;
  private boardBox: SlotBox | null = null;
  private boardSlot: HTMLElement | null = null;
  /** The board's texture size (w, h) and the slot size it was painted for (slotW, slotH): the same, unless the slot outgrew the largest texture. */
  private boardPainted = { w: 0, h: 0, slotW: 0, slotH: 0, at: -Infinity, data: null as MapData | null, home: null as Side | null };
  private placement: Placement = { scale: 0, x: 0, y: 0 };
  private boardLast = { x0: NaN, y0: NaN, s0: NaN, s1: NaN, t0: NaN, t1: NaN };

  private bars = new Map<string, Bar>();
  private readonly spareQuads: { track: Image; fill: Image; band: Image; mark: Image }[] = [];
  private readonly arcs: ArcCue[] = [];
  private readonly pulses: PulseCue[] = [];

  constructor() {
    super('World');
  }

  create(): void {
    this.makeTextures();
    this.still = new StillLayer(this.game.canvas.parentElement ?? document.body, this.game.canvas);
    for (let i = 0; i < SWELL_ROWS * SWELL_COLS; i++) this.swell.push(this.add.image(0, 0, WHITE).setOrigin(0, 0).setTint(COLORS.seaLine).setAlpha(0.25).setDepth(DEPTH.swell));
    for (let i = 0; i < TITLE_DOTS; i++) this.titleDots.push(this.add.image(0, 0, DOT).setDisplaySize(4, 4).setTint(COLORS.gold).setDepth(DEPTH.drift));
    this.boardImage = this.add.image(0, 0, BOARD).setOrigin(0, 0).setDepth(DEPTH.board).setVisible(false);
    for (let i = 0; i < 2; i++) {
      const dots = Array.from({ length: ARC_DOTS }, () => this.add.image(0, 0, DOT).setDisplaySize(5, 5).setDepth(DEPTH.cues).setVisible(false));
      this.arcs.push({ start: 0, from: 'seoul', to: 'tokyo', dots, head: this.add.image(0, 0, DOT).setDisplaySize(10, 10).setDepth(DEPTH.cues).setVisible(false), active: false });
    }
    for (let i = 0; i < 3; i++) {
      const rings = [0, 1].map(() => this.add.image(0, 0, RING).setDepth(DEPTH.cues).setVisible(false));
      this.pulses.push({ start: 0, at: 'islands', rings, active: false });
    }

    const html = document.documentElement;
    const readMotion = (): void => {
      this.reduced = html.dataset.motion === 'reduced';
      this.forceFrame = true;
    };
    readMotion();
    const motion = new MutationObserver(readMotion);
    motion.observe(html, { attributes: true, attributeFilter: ['data-motion'] });
    const offStage = onStage(() => (this.stageChanged = true));
    const offCue = onCue((c) => this.cue(c));
    this.events.once('shutdown', () => {
      motion.disconnect();
      offStage();
      offCue();
    });
    // The board appears when the map arrives; the title does not wait for it.
    void loadMap().then(() => (this.forceFrame = true));
  }

  /** Small white shapes, tinted where used: painted once. */
  private makeTextures(): void {
    const dot = this.textures.createCanvas(DOT, 16, 16);
    if (dot) {
      const ctx = dot.getContext();
      ctx.fillStyle = '#ffffff';
      ctx.beginPath();
      ctx.arc(8, 8, 7.5, 0, Math.PI * 2);
      ctx.fill();
      dot.refresh();
    }
    const ring = this.textures.createCanvas(RING, 64, 64);
    if (ring) {
      const ctx = ring.getContext();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(32, 32, 29, 0, Math.PI * 2);
      ctx.stroke();
      ring.refresh();
    }
    this.textures.createCanvas(BOARD, 1, 1);
  }

  /** The title's arc between the capitals at the window's size, sampled for the drifting dots. */
  private measureTitle(): void {
    const w = this.viewW;
    const h = this.viewH;
    const sx = w / 1280;
    const sy = h / 720;
    const [ax, ay] = TITLE_CAPITALS.seoul;
    const [bx, by] = TITLE_CAPITALS.tokyo;
    this.titleAt = { seoulX: ax * sx, seoulY: ay * sy, tokyoX: bx * sx, tokyoY: by * sy };
    const cx = w / 2;
    const cy = -280 * sy;
    const n = this.arcTable.length / 2 - 1;
    for (let i = 0; i <= n; i++) {
      const t = i / n;
      const u = 1 - t;
      this.arcTable[i * 2] = u * u * ax * sx + 2 * u * t * cx + t * t * bx * sx;
      this.arcTable[i * 2 + 1] = u * u * ay * sy + 2 * u * t * cy + t * t * by * sy;
    }
  }

  /** Called by the loop before each step: follows the stage and the slots; true when the frame must be drawn. */
  tick(now: number): boolean {
    // Not created yet (the loop's first steps): draw, so the first frame is not held back.
    if (!this.sys.isActive()) return true;
    this.now = now;
    frameNo++;
    let moved = this.forceFrame;
    this.forceFrame = false;
    this.backFade = clamp01((now - this.backSince) / TRANSITION_MS);
    this.slotFade = clamp01((now - this.slotSince) / TRANSITION_MS);
    const w = window.innerWidth;
    const h = window.innerHeight;
    if (w !== this.viewW || h !== this.viewH) {
      this.viewW = w;
      this.viewH = h;
      this.measureTitle();
      moved = true;
    }
    if (this.stageChanged) {
      this.stageChanged = false;
      this.applyStage(now);
      moved = true;
    }
    // The fade between screens: drawn until it has ended, and once more at its end.
    const fading = this.backFade < 1 || this.slotFade < 1;
    let animated = fading || this.fading;
    if (animated) this.boardImage.setAlpha(this.slotFade);
    this.fading = fading;
    const backdrop = this.backdrop;
    const newBackdrop = this.still.backdrop !== backdrop;
    if (!this.still.shows(backdrop, w, h) && (newBackdrop || now - this.stillAt >= REPAINT_MS)) {
      // A new backdrop fades in with the screen (CSS); a resize repaints it as it is.
      this.still.paint(backdrop, w, h, newBackdrop && this.backFade < 1);
      this.stillAt = now;
    }
    if (this.tickBoard(now)) moved = true;
    for (const bar of this.bars.values()) {
      const change = bar.tick(now, w, h, this.slotFade);
      if (change === MOVED) moved = true;
      else if (change === ANIMATED) animated = true;
    }
    if (this.tickCues(now)) animated = true;
    // The backdrop's slow drift is an animation too.
    if (backdrop !== 'board' && !this.reduced && now >= this.calmUntil) animated = true;
    if (!moved && !animated) return false;
    if (backdrop !== 'board') this.drift(now, backdrop === 'title');
    return true;
  }

  private applyStage(now: number): void {
    const s = stage();
    const animate = !this.reduced;
    if (s.scene > 0 && this.calmUntil === Infinity) this.calmUntil = now + CALM_MS;
    if (s.scene !== this.sceneCount) {
      // A new screen: what it draws in its slots fades in with its words (the DOM's own fade), and a
      // new backdrop fades in from the ink. Alpha on each object, not a fade over the whole canvas: a
      // full-window quad more would cost a software-rendered frame dearly. Not on the first screen.
      if (this.sceneCount >= 0 && animate) {
        this.slotSince = now;
        if (s.backdrop !== this.backdrop) this.backSince = now;
        this.backFade = this.backSince === now ? 0 : this.backFade;
        this.slotFade = 0;
      }
      this.sceneCount = s.scene;
      for (const bar of this.bars.values()) this.spareQuads.push(bar.release());
      this.bars.clear();
    }
    this.backdrop = s.backdrop;
    const sea = s.backdrop !== 'board';
    for (const dash of this.swell) dash.setVisible(sea);
    for (const dot of this.titleDots) dot.setVisible(s.backdrop === 'title');

    const slot = s.map?.slot ?? null;
    if (slot !== this.boardSlot) {
      this.boardSlot = slot;
      this.boardBox = slot ? new SlotBox(slot) : null;
      this.boardLast.x0 = NaN;
    }
    if (!slot) this.boardImage.setVisible(false);

    const next = new Map<string, Bar>();
    for (const meter of s.meters) {
      const known = this.bars.get(meter.id);
      if (known) {
        known.update(meter, now, animate);
        next.set(meter.id, known);
        this.bars.delete(meter.id);
      } else {
        next.set(meter.id, new Bar(meter, this.spareQuads.pop() ?? this.newQuads(), now, animate));
      }
    }
    for (const gone of this.bars.values()) this.spareQuads.push(gone.release());
    this.bars = next;
  }

  private newQuads(): { track: Image; fill: Image; band: Image; mark: Image } {
    const q = (): Image => this.add.image(0, 0, WHITE).setOrigin(0, 0).setDepth(DEPTH.bars).setVisible(false);
    return { track: q(), fill: q(), band: q(), mark: q() };
  }

  /** The sea's swell lines drifting, and on the title the arc's dots travelling from Seoul to Tokyo. */
  private drift(now: number, title: boolean): void {
    const w = this.viewW;
    const h = this.viewH;
    const t = this.reduced ? 0 : Math.max(0, now - this.calmUntil) / 1000;
    const span = w + 80;
    const rows = Math.min(SWELL_ROWS, Math.ceil((h - 40) / 58) + 1);
    for (let row = 0; row < SWELL_ROWS; row++) {
      const speed = (row % 2 ? 1 : -1) * (5 + (row % 3) * 2);
      for (let col = 0; col < SWELL_COLS; col++) {
        const dash = this.swell[row * SWELL_COLS + col]!;
        if (row >= rows) {
          dash.setVisible(false);
          continue;
        }
        const base = ((row * 97 + col * 151) % 1280) * (w / 1280) + (row % 2) * 40;
        const x = ((((base + t * speed + 40) % span) + span) % span) - 40;
        const y = 40 + row * 58 + Math.sin(t * 0.6 + row * 0.9 + col * 1.7) * 1.5;
        dash
          .setVisible(true)
          .setPosition(x, y)
          .setDisplaySize(34, 2)
          .setAlpha(0.25 * this.backFade);
      }
    }
    if (!title) return;
    const n = this.arcTable.length / 2 - 1;
    // The dots keep their spacing and move one step every four seconds; at the ends they fade.
    const phase = (t / 4) % 1;
    for (let i = 0; i < TITLE_DOTS; i++) {
      const u = (i + 1 + phase) / (TITLE_DOTS + 1);
      const f = u * n;
      const k = Math.min(n - 1, Math.floor(f));
      const r = f - k;
      const x = this.arcTable[k * 2]! * (1 - r) + this.arcTable[k * 2 + 2]! * r;
      const y = this.arcTable[k * 2 + 1]! * (1 - r) + this.arcTable[k * 2 + 3]! * r;
      this.titleDots[i]!.setPosition(x, y).setAlpha(0.45 * this.backFade * Math.min(1, u * 10, (1 - u) * 10));
    }
  }

  /** The map in its slot: painted when it arrives or its size changes, moved when the slot moves. */
  private tickBoard(now: number): boolean {
    const img = this.boardImage;
    const data = mapNow();
    const boxes = this.boardBox;
    if (!boxes || !data || !boxes.read(this.viewW, this.viewH)) {
      const was = img.visible;
      img.setVisible(false);
      return was;
    }
    const { rect, seen } = boxes;
    const w = Math.round(rect.x1 - rect.x0);
    const h = Math.round(rect.y1 - rect.y0);
    const painted = this.boardPainted;
    const home = stage().map?.highlight ?? null;
    let changed = false;
    if (painted.data !== data || painted.home !== home || painted.slotW !== w || painted.slotH !== h) {
      if (w > 0 && h > 0 && (painted.data !== data || painted.home !== home || now - painted.at >= REPAINT_MS)) {
        const texture = this.textures.get(BOARD) as Textures.CanvasTexture;
        const size = textureSize(w, h, this.maxTexture());
        texture.setSize(size.w, size.h);
        this.placement = paintMap(texture.getContext(), data, size.w, size.h, home);
        texture.refresh();
        img.setTexture(BOARD);
        this.boardPainted = { w: size.w, h: size.h, slotW: w, slotH: h, at: now, data, home };
      }
      changed = true;
    }
    const last = this.boardLast;
    if (!changed && rect.x0 === last.x0 && rect.y0 === last.y0 && seen.x0 === last.s0 && seen.y0 === last.s1 && seen.x1 === last.t0 && seen.y1 === last.t1) return false;
    last.x0 = rect.x0;
    last.y0 = rect.y0;
    last.s0 = seen.x0;
    last.s1 = seen.y0;
    last.t0 = seen.x1;
    last.t1 = seen.y1;
    if (seen.x1 <= seen.x0 || seen.y1 <= seen.y0 || this.boardPainted.w === 0) {
      img.setVisible(false);
      return true;
    }
    // Drawn at the slot's size (stretched only until a resize settles), cut to what of the slot is seen.
    const kx = (rect.x1 - rect.x0) / this.boardPainted.w;
    const ky = (rect.y1 - rect.y0) / this.boardPainted.h;
    const x0 = Math.round(rect.x0);
    const y0 = Math.round(rect.y0);
    img.setVisible(true).setPosition(x0, y0).setScale(kx, ky);
    img.setCrop((seen.x0 - x0) / kx, (seen.y0 - y0) / ky, (seen.x1 - seen.x0) / kx, (seen.y1 - seen.y0) / ky);
    return true;
  }

  /** The largest texture the renderer draws (WebGL's MAX_TEXTURE_SIZE; a canvas renderer has no such bound but memory). */
  private maxTexture(): number {
    const renderer = this.game.renderer as { getMaxTextureSize?: () => number };
    return renderer.getMaxTextureSize?.() ?? Infinity;
  }

  /** Where a place is in the window now: on the board when the map is shown, else on the backdrop. */
  private placeAt(at: Place, out: { x: number; y: number }): boolean {
    const data = mapNow();
    const boxes = this.boardBox;
    if (data && boxes && this.boardImage.visible && this.boardPainted.w > 0) {
      const place = cuePlace(data, at);
      if (place) {
        const { rect } = boxes;
        out.x = rect.x0 + slotX(this.placement, place.x) * ((rect.x1 - rect.x0) / this.boardPainted.w);
        out.y = rect.y0 + slotY(this.placement, place.y) * ((rect.y1 - rect.y0) / this.boardPainted.h);
        return true;
      }
    }
    if (this.backdrop === 'title' && (at === 'seoul' || at === 'tokyo')) {
      out.x = at === 'seoul' ? this.titleAt.seoulX : this.titleAt.tokyoX;
      out.y = at === 'seoul' ? this.titleAt.seoulY : this.titleAt.tokyoY;
      return true;
    }
    const [fx, fy] = BACKDROP_PLACES[at];
    out.x = fx * this.viewW;
    out.y = fy * this.viewH;
    return true;
  }

  private cue(c: Cue): void {
    const now = this.now;
    if (c.kind === 'arc') {
      const arc = this.arcs.find((a) => !a.active) ?? this.arcs.reduce((a, b) => (a.start <= b.start ? a : b));
      arc.active = true;
      arc.start = now;
      arc.from = c.from;
      arc.to = c.to;
      const color = c.what === 'summit' ? COLORS.gold : SIDE_COLORS[c.from];
      for (const d of arc.dots) d.setTint(color);
      arc.head.setTint(color);
    } else {
      const pulse = this.pulses.find((p) => !p.active) ?? this.pulses.reduce((a, b) => (a.start <= b.start ? a : b));
      pulse.active = true;
      pulse.start = now;
      pulse.at = c.at;
      const color = c.at === 'islands' ? MAP_COLORS.islands : c.at === 'tokyo' || c.at === 'seoul' ? SIDE_COLORS[c.at] : MAP_COLORS.capital;
      for (const r of pulse.rings) r.setTint(color);
    }
    this.forceFrame = true;
  }

  // The cue's end points and the arc's control point, reused every frame.
  private readonly p0 = { x: 0, y: 0 };
  private readonly p1 = { x: 0, y: 0 };
  private readonly p2 = { x: 0, y: 0 };

  /** Puts `img` at parameter `t` of the quadratic curve p0 → p1 → p2. */
  private onArc(t: number, img: Image): void {
    const u = 1 - t;
    const { p0, p1, p2 } = this;
    img.setPosition(u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x, u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y);
  }

  private tickCues(now: number): boolean {
    let any = false;
    for (const arc of this.arcs) {
      if (!arc.active) continue;
      any = true;
      const e = now - arc.start;
      // Travels for 0.9 s, stays 0.6 s, fades for 0.6 s; under reduced motion it shows whole, then goes.
      const end = this.reduced ? 1800 : 2100;
      if (e >= end || !this.placeAt(arc.from, this.p0) || !this.placeAt(arc.to, this.p2)) {
        arc.active = false;
        for (const d of arc.dots) d.setVisible(false);
        arc.head.setVisible(false);
        continue;
      }
      const progress = this.reduced ? 1 : easeOut(clamp01(e / 900));
      const alpha = this.reduced ? 1 : 1 - clamp01((e - 1500) / 600);
      const { p0, p2, p1 } = this;
      // The arc bows away from the line between the capitals, by a third of their distance.
      p1.x = (p0.x + p2.x) / 2;
      p1.y = (p0.y + p2.y) / 2 - 0.35 * Math.hypot(p2.x - p0.x, p2.y - p0.y);
      for (let i = 0; i < ARC_DOTS; i++) {
        const t = i / (ARC_DOTS - 1);
        this.onArc(t, arc.dots[i]!.setVisible(t <= progress).setAlpha(alpha * 0.9));
      }
      this.onArc(progress, arc.head.setVisible(!this.reduced && progress < 1).setAlpha(alpha));
    }
    for (const pulse of this.pulses) {
      if (!pulse.active) continue;
      any = true;
      const e = now - pulse.start;
      if (e >= (this.reduced ? 1200 : 1300) || !this.placeAt(pulse.at, this.p0)) {
        pulse.active = false;
        for (const r of pulse.rings) r.setVisible(false);
        continue;
      }
      for (let k = 0; k < pulse.rings.length; k++) {
        const ring = pulse.rings[k]!;
        if (this.reduced) {
          ring
            .setVisible(k === 0)
            .setPosition(this.p0.x, this.p0.y)
            .setDisplaySize(32, 32)
            .setAlpha(0.9);
          continue;
        }
        // Two rings, 0.3 s apart, widen and fade.
        const t = (e - k * 300) / 1000;
        if (t < 0 || t > 1) {
          ring.setVisible(false);
          continue;
        }
        const r = 6 + 34 * easeOut(t);
        ring
          .setVisible(true)
          .setPosition(this.p0.x, this.p0.y)
          .setDisplaySize(r * 2, r * 2)
          .setAlpha(0.9 * (1 - t));
      }
    }
    return any;
  }
}

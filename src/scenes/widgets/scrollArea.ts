/**
 * A box of wrapped text that scrolls when it is taller than the box: by mouse wheel over it, or by
 * the arrow keys / Page Up / Page Down while its DOM twin (a focusable `scroll` region) has focus.
 * The text lives far off to the side of the scene, where the main camera never looks, and a camera
 * of the box's size shows it: the camera clips it to the box, so nothing spills over its neighbours.
 */
import { Geom, type Cameras, type GameObjects, type Scene } from 'phaser';

/** Where scroll areas keep their text, well outside the 1280 × 720 screen; each area gets its own lane. */
const OFFSTAGE_X = 100_000;
const LANE_WIDTH = 4_000;
let lanes = 0;
import type { ScrollStep } from '../../ui/dom';
import { UI_COLORS, fontPx } from '../../theme';
import { addText, type TextOptions } from './text';
import type { FocusRing } from './focusRing';

interface Item {
  readonly text: GameObjects.Text;
  /** Its top, in content coordinates (0 = top of the box when not scrolled). */
  readonly top: number;
}

export class ScrollArea {
  private readonly items: Item[] = [];
  private contentHeight = 0;
  private scroll = 0;
  private readonly bar: GameObjects.Graphics;
  private readonly camera: Cameras.Scene2D.Camera;
  private readonly laneX: number;
  private readonly onWheel: (pointer: { x: number; y: number }, over: unknown, dx: number, dy: number) => void;
  private readonly onShutdown = (): void => this.destroy();
  /** The room the box was given; when the text is taller, the box shows only whole lines of it. */
  private readonly room: number;

  constructor(
    private readonly scene: Scene,
    readonly x: number,
    readonly y: number,
    readonly width: number,
    private height: number,
    ring: FocusRing | null = null,
    key?: string,
  ) {
    this.room = height;
    this.bar = scene.add.graphics();
    this.laneX = OFFSTAGE_X + (lanes++ % 1000) * LANE_WIDTH;
    this.camera = scene.cameras.add(x, y, width, height).setScroll(this.laneX, 0).setRoundPixels(true);
    this.onWheel = (pointer, _over, _dx, dy) => {
      if (this.bounds().contains(pointer.x, pointer.y)) this.scrollTo(this.scroll + dy * 0.6);
    };
    scene.input.on('wheel', this.onWheel);
    scene.events.once('shutdown', this.onShutdown);
    if (ring && key) ring.register(key, () => this.bounds());
  }

  /** Adds wrapped text below what is there, after `gap` pixels (unscaled). */
  add(text: string, options: TextOptions = {}, gap = 0): GameObjects.Text {
    const top = this.contentHeight + (this.items.length ? fontPx(gap) : 0);
    const obj = addText(this.scene, this.laneX, top, text, { ...options, wrap: this.width - 18 });
    this.items.push({ text: obj, top });
    this.contentHeight = top + obj.height;
    this.showWholeLines();
    this.layout();
    return obj;
  }

  /**
   * Text taller than the room: the box ends under the last line that fits whole, so its bottom edge
   * never cuts a line in half (the scroll bar says there is more).
   */
  private showWholeLines(): void {
    let height = this.room;
    if (this.contentHeight > this.room) {
      let best = 0;
      for (const { text, top } of this.items) {
        const lines = text.getWrappedText().length;
        if (lines === 0) continue;
        const spacing = text.lineSpacing;
        const padTop = text.padding.top ?? 0;
        const inner = text.height - padTop - (text.padding.bottom ?? 0);
        const lineHeight = (inner - spacing * (lines - 1)) / lines;
        for (let k = 0; k < lines; k++) {
          const bottom = top + padTop + (k + 1) * lineHeight + k * spacing;
          if (bottom <= this.room) best = Math.max(best, bottom);
        }
      }
      // Phaser's line box is tight to the glyphs (accents to descenders): the next line starts right under it.
      if (best > 0) height = Math.floor(best);
    }
    if (height !== this.height) {
      this.height = height;
      this.camera.setSize(this.width, height);
    }
  }

  bounds(): Geom.Rectangle {
    return new Geom.Rectangle(this.x, this.y, this.width, this.height);
  }

  /** Shrinks the box to its text when the text is shorter; returns the box's height. */
  fit(): number {
    if (this.contentHeight < this.height) {
      this.height = Math.ceil(this.contentHeight);
      this.camera.setSize(this.width, this.height);
      this.layout();
    }
    return this.height;
  }

  /** True when there is more text than the box shows. */
  scrollable(): boolean {
    return this.contentHeight > this.height;
  }

  step(step: ScrollStep): void {
    const line = fontPx(28);
    const page = this.height - line;
    const to: Record<ScrollStep, number> = {
      'line-up': this.scroll - line,
      'line-down': this.scroll + line,
      'page-up': this.scroll - page,
      'page-down': this.scroll + page,
      top: 0,
      bottom: this.contentHeight,
    };
    this.scrollTo(to[step]);
  }

  scrollTo(position: number): void {
    this.scroll = Math.max(0, Math.min(position, Math.max(0, this.contentHeight - this.height)));
    this.layout();
  }

  /** Removes the text, the scroll bar and the wheel listener (also done when the scene shuts down). */
  destroy(): void {
    this.scene.input.off('wheel', this.onWheel);
    this.scene.events.off('shutdown', this.onShutdown);
    for (const { text } of this.items.splice(0)) text.destroy();
    this.bar.destroy();
    this.scene.cameras.remove(this.camera);
  }

  private layout(): void {
    this.camera.setScroll(this.laneX, this.scroll);
    this.drawBar();
  }

  private drawBar(): void {
    const g = this.bar.clear();
    if (!this.scrollable()) return;
    const x = this.x + this.width - 6;
    g.fillStyle(UI_COLORS.track, 1).fillRoundedRect(x, this.y, 6, this.height, 3);
    const thumb = Math.max(30, (this.height * this.height) / this.contentHeight);
    const y = this.y + ((this.height - thumb) * this.scroll) / (this.contentHeight - this.height);
    g.fillStyle(UI_COLORS.primary, 0.9).fillRoundedRect(x, y, 6, thumb, 3);
  }
}

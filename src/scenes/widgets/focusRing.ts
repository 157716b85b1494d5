/**
 * The canvas half of keyboard focus: the DOM layer holds the real controls (and the focus); this
 * ring follows the focused control's canvas twin, so a keyboard player sees where they are. A
 * focused control without a twin reveals the DOM layer itself instead, so focus is never invisible.
 */
import type { GameObjects, Geom, Scene } from 'phaser';
import { keyboardInUse, onFocusChange, revealLayer } from '../../ui/dom';
import { UI_COLORS } from '../../theme';

export type BoundsSource = () => Geom.Rectangle;

export class FocusRing {
  private readonly targets = new Map<string, BoundsSource>();
  private readonly graphics: GameObjects.Graphics;
  private focused: string | null = null;
  private readonly stop: () => void;

  constructor(private readonly scene: Scene) {
    this.graphics = scene.add.graphics().setDepth(1000);
    this.stop = onFocusChange((key) => {
      this.focused = key;
      this.draw();
    });
    scene.input.on('pointerdown', this.hide, this);
    scene.events.once('shutdown', () => this.destroy());
    this.focused = document.activeElement instanceof HTMLElement ? (document.activeElement.dataset.key ?? null) : null;
    // The first control is focused as the screen is built, before its twin is registered: draw next frame.
    scene.events.once('postupdate', () => this.draw());
  }

  /** Makes the canvas object whose bounds `bounds` gives the twin of the DOM control `key`. */
  register(key: string, bounds: BoundsSource): void {
    this.targets.set(key, bounds);
    if (key === this.focused) this.draw();
  }

  /** Redraws after the focused widget moved (e.g. a scrolled list). */
  draw(): void {
    const g = this.graphics;
    g.clear();
    const source = this.focused ? this.targets.get(this.focused) : undefined;
    revealLayer(this.focused !== null && !source);
    if (!source || !keyboardInUse()) return;
    const r = source();
    const pad = 5;
    g.lineStyle(4, UI_COLORS.focus, 1);
    g.strokeRoundedRect(r.x - pad, r.y - pad, r.width + pad * 2, r.height + pad * 2, 10);
    g.lineStyle(2, UI_COLORS.primary, 1);
    g.strokeRoundedRect(r.x - pad - 4, r.y - pad - 4, r.width + pad * 2 + 8, r.height + pad * 2 + 8, 13);
  }

  private hide(): void {
    this.graphics.clear();
  }

  private destroy(): void {
    this.stop();
    this.scene.input.off('pointerdown', this.hide, this);
    revealLayer(false);
    this.targets.clear();
  }
}

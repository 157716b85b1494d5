/**
 * A canvas button, the twin of a DOM control with the same key: hover, pressed, disabled and
 * selected looks; the focus ring comes from FocusRing. Clicking it runs the same handler as the DOM
 * control (and moves keyboard focus there, so Tab continues from the button just used).
 */
import { Geom, type GameObjects, type Scene } from 'phaser';
import { focusControl } from '../../ui/dom';
import { CSS_COLORS, UI_COLORS, UI_CSS_COLORS, fontPx } from '../../theme';
import { addText } from './text';
import type { FocusRing } from './focusRing';
import { playSound } from '../../audio/sound';

export interface ButtonOptions {
  readonly key: string;
  /** Top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly label: string;
  /** Unscaled font size (default 22). */
  readonly size?: number;
  /** Fixed width; by default the label's width plus padding. */
  readonly width?: number;
  readonly height?: number;
  readonly variant?: 'primary' | 'normal';
  readonly disabled?: boolean;
  readonly selected?: boolean;
  /** The play screens' denser button: smaller type, corners and padding (default false). */
  readonly compact?: boolean;
  /** Room either side of the label together (default 48, compact 32). */
  readonly padX?: number;
  /** Plays the click sound and runs; the DOM twin should call the same `press()`. */
  readonly onActivate: () => void;
}

/** Wraps a handler so that both the canvas and the DOM control click audibly. */
export function clicked(handler: () => void): () => void {
  return () => {
    playSound('click');
    handler();
  };
}

export class Button {
  readonly key: string;
  readonly width: number;
  readonly height: number;
  private readonly bg: GameObjects.Rectangle;
  private readonly text: GameObjects.Text;
  private enabled: boolean;
  private selected: boolean;
  private hovered = false;
  readonly press: () => void;

  constructor(private readonly scene: Scene, ring: FocusRing | null, private readonly options: ButtonOptions) {
    this.key = options.key;
    this.enabled = !options.disabled;
    this.selected = options.selected ?? false;
    this.press = clicked(options.onActivate);

    const compact = options.compact ?? false;
    const size = options.size ?? (compact ? 20 : 22);
    this.text = addText(scene, 0, 0, options.label, { size, bold: options.variant === 'primary', align: 'center', ...(options.width && { wrap: options.width - 24 }) });
    this.width = options.width ?? Math.ceil(this.text.width + (options.padX ?? (compact ? 32 : 48)));
    this.height = Math.max(options.height ?? 0, Math.ceil(this.text.height + fontPx(compact ? 12 : 18)));
    this.bg = scene.add
      .rectangle(options.x, options.y, this.width, this.height, UI_COLORS.button)
      .setOrigin(0, 0)
      .setRounded(compact ? 8 : 10)
      .setInteractive({ useHandCursor: true });
    this.text.setOrigin(0.5).setDepth(1);
    this.placeText(options.x, options.y);

    this.bg.on('pointerover', () => this.setHover(true));
    this.bg.on('pointerout', () => this.setHover(false));
    this.bg.on('pointerup', () => {
      if (!this.enabled) return;
      focusControl(this.key);
      this.press();
    });
    ring?.register(this.key, () => this.bounds());
    this.paint();
  }

  bounds(): Geom.Rectangle {
    return new Geom.Rectangle(this.bg.x, this.bg.y, this.width, this.height);
  }

  setEnabled(enabled: boolean): this {
    this.enabled = enabled;
    this.paint();
    return this;
  }

  setSelected(selected: boolean): this {
    this.selected = selected;
    this.paint();
    return this;
  }

  /** Changes the label (a toggle's On/Off); the button keeps its size. */
  setLabel(label: string): this {
    this.text.setText(label);
    return this;
  }

  setDepth(depth: number): this {
    this.bg.setDepth(depth);
    this.text.setDepth(depth + 1);
    return this;
  }

  /** Removes the button's objects (its focus-ring twin goes when the scene shuts down or is re-registered). */
  destroy(): void {
    if (this.hovered) this.scene.input.setDefaultCursor('default');
    this.bg.destroy();
    this.text.destroy();
  }

  setVisible(visible: boolean): this {
    this.bg.setVisible(visible);
    this.text.setVisible(visible);
    return this;
  }

  /** Moves the button's top-left corner (e.g. after measuring it, or inside a scrolled list). */
  setPosition(x: number, y: number): this {
    this.bg.setPosition(x, y);
    this.placeText(x, y);
    return this;
  }

  private placeText(x: number, y: number): void {
    this.text.setPosition(x + this.width / 2, y + this.height / 2);
  }

  setY(y: number): this {
    return this.setPosition(this.bg.x, y);
  }

  private setHover(hovered: boolean): void {
    this.hovered = hovered;
    this.paint();
    this.scene.input.setDefaultCursor(hovered && this.enabled ? 'pointer' : 'default');
  }

  private paint(): void {
    const primary = this.options.variant === 'primary';
    if (!this.enabled) {
      this.bg.setFillStyle(UI_COLORS.buttonDisabled).setStrokeStyle(2, UI_COLORS.track);
      this.text.setColor(UI_CSS_COLORS.disabledText);
      return;
    }
    if (primary) {
      this.bg.setFillStyle(this.hovered ? UI_COLORS.primaryHover : UI_COLORS.primary).setStrokeStyle(2, UI_COLORS.primary);
      this.text.setColor(UI_CSS_COLORS.primaryText);
      return;
    }
    const fill = this.selected ? UI_COLORS.selected : this.hovered ? UI_COLORS.buttonHover : UI_COLORS.button;
    this.bg.setFillStyle(fill).setStrokeStyle(this.selected ? 3 : 2, this.selected ? UI_COLORS.primary : UI_COLORS.buttonEdge);
    this.text.setColor(this.selected ? CSS_COLORS.gold : UI_CSS_COLORS.buttonText);
  }
}

/**
 * A canvas button for the play screens, the twin of a DOM control with the same key. Like the menus'
 * Button (same look), but it can be destroyed and raised, because the turn screen redraws its
 * buttons whenever the draft changes.
 */
import { Geom, type GameObjects, type Scene } from 'phaser';
import { playSound } from '../../audio/sound';
import { CSS_COLORS, UI_COLORS, UI_CSS_COLORS, fontPx } from '../../theme';
import { focusControl } from '../../ui/dom';
import type { FocusRing } from '../widgets/focusRing';
import { addText } from '../widgets/text';

export interface PlayButtonOptions {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly size?: number;
  readonly width?: number;
  readonly height?: number;
  readonly variant?: 'primary' | 'normal';
  readonly disabled?: boolean;
  readonly selected?: boolean;
  readonly align?: 'left' | 'center';
  /** Room either side of the label together (default 32). */
  readonly padX?: number;
  readonly onActivate: () => void;
}

export class PlayButton {
  readonly key: string;
  readonly width: number;
  readonly height: number;
  private readonly bg: GameObjects.Rectangle;
  private readonly text: GameObjects.Text;
  private enabled: boolean;
  private hovered = false;

  constructor(
    private readonly scene: Scene,
    ring: FocusRing | null,
    private readonly options: PlayButtonOptions,
  ) {
    this.key = options.key;
    this.enabled = !options.disabled;
    const size = options.size ?? 20;
    const left = options.align === 'left';
    this.text = addText(scene, 0, 0, options.label, { size, bold: options.variant === 'primary', align: left ? 'left' : 'center', ...(options.width && { wrap: options.width - 24 }) });
    this.width = options.width ?? Math.ceil(this.text.width + (options.padX ?? 32));
    this.height = Math.max(options.height ?? 0, Math.ceil(this.text.height + fontPx(12)));
    this.bg = scene.add.rectangle(options.x, options.y, this.width, this.height, UI_COLORS.button).setOrigin(0, 0).setRounded(8).setInteractive({ useHandCursor: true });
    if (left) this.text.setOrigin(0, 0.5).setPosition(options.x + 12, options.y + this.height / 2);
    else this.text.setOrigin(0.5).setPosition(options.x + this.width / 2, options.y + this.height / 2);
    this.text.setDepth(1);
    this.bg.on('pointerover', () => this.setHover(true));
    this.bg.on('pointerout', () => this.setHover(false));
    this.bg.on('pointerup', () => {
      if (!this.enabled) return;
      focusControl(this.key);
      playSound('click');
      this.options.onActivate();
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

  setDepth(depth: number): this {
    this.bg.setDepth(depth);
    this.text.setDepth(depth + 1);
    return this;
  }

  destroy(): void {
    if (this.hovered) this.scene.input.setDefaultCursor('default');
    this.bg.destroy();
    this.text.destroy();
  }

  private setHover(hovered: boolean): void {
    this.hovered = hovered;
    this.paint();
    this.scene.input.setDefaultCursor(hovered && this.enabled ? 'pointer' : 'default');
  }

  private paint(): void {
    if (!this.enabled) {
      this.bg.setFillStyle(UI_COLORS.buttonDisabled).setStrokeStyle(2, UI_COLORS.track);
      this.text.setColor(UI_CSS_COLORS.disabledText);
      return;
    }
    if (this.options.variant === 'primary') {
      this.bg.setFillStyle(this.hovered ? UI_COLORS.primaryHover : UI_COLORS.primary).setStrokeStyle(2, UI_COLORS.primary);
      this.text.setColor(UI_CSS_COLORS.primaryText);
      return;
    }
    const selected = this.options.selected ?? false;
    this.bg.setFillStyle(selected ? UI_COLORS.selected : this.hovered ? UI_COLORS.buttonHover : UI_COLORS.button).setStrokeStyle(selected ? 3 : 2, selected ? UI_COLORS.primary : UI_COLORS.buttonEdge);
    this.text.setColor(selected ? CSS_COLORS.gold : UI_CSS_COLORS.buttonText);
  }
}

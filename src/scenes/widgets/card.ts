/**
 * A large selectable area (a side, a scenario): the canvas twin of a radio option or a button.
 * The caller draws the card's content on top; the card paints hover and selected states.
 */
import { Geom, type GameObjects, type Scene } from 'phaser';
import { focusControl } from '../../ui/dom';
import { UI_COLORS } from '../../theme';
import type { FocusRing } from './focusRing';
import { clicked } from './button';

export interface CardOptions {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The edge colour when selected (a side's colour, or gold). */
  readonly accent?: number;
  readonly selected?: boolean;
  readonly onActivate: () => void;
}

export class Card {
  private readonly bg: GameObjects.Rectangle;
  private selected: boolean;
  private hovered = false;
  readonly press: () => void;

  constructor(scene: Scene, ring: FocusRing | null, private readonly options: CardOptions) {
    this.selected = options.selected ?? false;
    this.press = clicked(options.onActivate);
    this.bg = scene.add
      .rectangle(options.x, options.y, options.width, options.height, UI_COLORS.panel)
      .setOrigin(0, 0)
      .setRounded(14)
      .setInteractive({ useHandCursor: true });
    this.bg.on('pointerover', () => {
      this.hovered = true;
      this.paint();
    });
    this.bg.on('pointerout', () => {
      this.hovered = false;
      this.paint();
    });
    this.bg.on('pointerup', () => {
      focusControl(options.key);
      this.press();
    });
    ring?.register(options.key, () => this.bounds());
    this.paint();
  }

  bounds(): Geom.Rectangle {
    return new Geom.Rectangle(this.options.x, this.options.y, this.options.width, this.options.height);
  }

  setSelected(selected: boolean): this {
    this.selected = selected;
    this.paint();
    return this;
  }

  destroy(): void {
    this.bg.destroy();
  }

  private paint(): void {
    const accent = this.options.accent ?? UI_COLORS.primary;
    const fill = this.selected ? UI_COLORS.button : this.hovered ? UI_COLORS.buttonHover : UI_COLORS.panel;
    this.bg.setFillStyle(fill, 0.92).setStrokeStyle(this.selected ? 4 : 2, this.selected ? accent : UI_COLORS.panelEdge);
  }
}

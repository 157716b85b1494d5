/**
 * The decision cards of the turn screen, a page at a time: title, category, cost, and a status line
 * (chosen, why unavailable, joint, a proposal to accept). Every card is also a button in the DOM
 * mirror; focusing one there turns to its page here and rings it.
 */
import { Geom, type GameObjects, type Scene } from 'phaser';
import { CSS_COLORS, UI_COLORS, UI_CSS_COLORS, fontPx } from '../../theme';
import { focusControl } from '../../ui/dom';
import { addText } from '../widgets/text';
import type { FocusRing } from '../widgets/focusRing';

export interface CardView {
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly category: string;
  /** The category in the player's language (the card's corner label). */
  readonly categoryLabel: string;
  readonly cost: string;
  readonly costValue: number;
  readonly chosen: boolean;
  readonly choosable: boolean;
  readonly status: string;
  readonly statusKind: 'chosen' | 'unavailable' | 'joint' | 'proposal' | 'none';
}

export interface GridFrame {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const COLUMNS = 2;
const GAP_X = 16;
const GAP_Y = 10;

export class CardGrid {
  private objects: GameObjects.GameObject[] = [];
  private cards: readonly CardView[] = [];
  page = 0;
  readonly cardWidth: number;
  readonly cardHeight: number;
  readonly perPage: number;

  constructor(
    private readonly scene: Scene,
    private readonly ring: FocusRing,
    private readonly frame: GridFrame,
    private readonly onActivate: (card: CardView) => void,
  ) {
    this.cardWidth = (frame.width - GAP_X * (COLUMNS - 1)) / COLUMNS;
    this.cardHeight = fontPx(108);
    const rows = Math.max(1, Math.floor((frame.height + GAP_Y) / (this.cardHeight + GAP_Y)));
    this.perPage = rows * COLUMNS;
  }

  get pages(): number {
    return Math.max(1, Math.ceil(this.cards.length / this.perPage));
  }

  setCards(cards: readonly CardView[]): void {
    this.cards = cards;
    this.page = Math.min(this.page, this.pages - 1);
    for (const c of cards) this.ring.register(c.key, () => this.slot(this.cards.findIndex((x) => x.key === c.key)));
    this.draw();
  }

  /** Turns to the page that holds this card (when its DOM twin gets focus). */
  reveal(key: string): boolean {
    const i = this.cards.findIndex((c) => c.key === key);
    if (i < 0) return false;
    const page = Math.floor(i / this.perPage);
    if (page !== this.page) {
      this.page = page;
      this.draw();
    }
    return true;
  }

  turn(delta: number): void {
    const page = Math.max(0, Math.min(this.pages - 1, this.page + delta));
    if (page === this.page) return;
    this.page = page;
    this.draw();
  }

  private slot(index: number): Geom.Rectangle {
    const i = Math.max(0, index) % this.perPage;
    const col = i % COLUMNS;
    const row = Math.floor(i / COLUMNS);
    return new Geom.Rectangle(this.frame.x + col * (this.cardWidth + GAP_X), this.frame.y + row * (this.cardHeight + GAP_Y), this.cardWidth, this.cardHeight);
  }

  private draw(): void {
    for (const o of this.objects) o.destroy();
    this.objects = [];
    const start = this.page * this.perPage;
    this.cards.slice(start, start + this.perPage).forEach((card, i) => this.drawCard(card, this.slot(i)));
  }

  private drawCard(card: CardView, r: Geom.Rectangle): void {
    const s = this.scene;
    const dim = !card.choosable && !card.chosen;
    const bg = s.add
      .rectangle(r.x, r.y, r.width, r.height, card.chosen ? 0x2b3f6e : dim ? UI_COLORS.buttonDisabled : UI_COLORS.button)
      .setOrigin(0, 0)
      .setRounded(10)
      .setStrokeStyle(card.chosen ? 3 : 1.5, card.chosen ? UI_COLORS.primary : card.statusKind === 'proposal' ? 0x8fe3a0 : UI_COLORS.buttonEdge)
      .setInteractive({ useHandCursor: true });
    bg.on('pointerover', () => !card.chosen && bg.setFillStyle(dim ? UI_COLORS.buttonDisabled : UI_COLORS.buttonHover));
    bg.on('pointerout', () => !card.chosen && bg.setFillStyle(dim ? UI_COLORS.buttonDisabled : UI_COLORS.button));
    bg.on('pointerup', () => {
      focusControl(card.key);
      this.onActivate(card);
    });
    const pad = 12;
    const cat = addText(s, r.x + pad, r.y + 8, card.categoryLabel.toUpperCase(), { size: 11, bold: true, color: CSS_COLORS.muted });
    const cost = addText(s, r.right - pad, r.y + 6, card.cost, { size: 13, bold: true, color: dim ? UI_CSS_COLORS.disabledText : CSS_COLORS.gold }).setOrigin(1, 0);
    const title = addText(s, r.x + pad, r.y + 8 + cat.height, card.title, { size: 15, bold: true, color: dim ? UI_CSS_COLORS.disabledText : CSS_COLORS.text, wrap: r.width - pad * 2, lineSpacing: -2 });
    const statusColor = card.statusKind === 'chosen' ? CSS_COLORS.gold : card.statusKind === 'unavailable' ? '#f0a38f' : card.statusKind === 'proposal' ? '#8fe3a0' : CSS_COLORS.muted;
    const status = addText(s, r.x + pad, r.bottom - 6, card.status, { size: 12, bold: card.statusKind === 'chosen', color: statusColor, wrap: r.width - pad * 2 }).setOrigin(0, 1);
    // A long title gives way to the status line rather than running under it.
    const room = status.y - status.height - title.y;
    if (title.height > room) {
      // Whole lines only: a line cut through its middle is harder to read than one left out.
      const lineHeight = title.height / Math.max(1, title.getWrappedText().length);
      const shown = Math.floor(Math.max(0, room) / lineHeight) * lineHeight;
      const res = title.style.resolution || 1;
      title.setCrop(0, 0, title.width * res, shown * res);
    }
    this.objects.push(bg, cat, cost, title, status);
  }
}

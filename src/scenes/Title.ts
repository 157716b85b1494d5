import { Curves, Math as PMath, Scene, type GameObjects } from 'phaser';
import { publish, snapshot } from '../testHook';
import { announce, clearScreen, setLoadingMessage, showTitleScreen } from '../ui/dom';
import { COLORS, CSS_COLORS, FONT_JA, FONT_KO, FONT_LATIN, textResolution } from '../theme';

export const TITLE = 'Close Yet Distant';
export const SUBTITLE = 'Japan and South Korea, governed by you';
const LATER = 'The full game arrives in a later release.';

type Point = readonly [number, number];

// A stylised map of the Korea Strait: the peninsula on the left, the Japanese archipelago on the right.
const PENINSULA: readonly Point[] = [
  [0, 0], [250, 0], [272, 62], [238, 124], [262, 196], [248, 262], [276, 340], [262, 420],
  [238, 492], [204, 556], [150, 590], [92, 578], [58, 536], [70, 480], [36, 430], [48, 360],
  [20, 300], [0, 290],
];
const HONSHU: readonly Point[] = [
  [1280, 96], [1280, 330], [1212, 384], [1122, 432], [1040, 474], [962, 520], [900, 548],
  [862, 522], [902, 482], [982, 440], [1062, 392], [1150, 322], [1222, 214],
];
const SHIKOKU: readonly Point[] = [[936, 566], [1016, 544], [1034, 578], [962, 596]];
const KYUSHU: readonly Point[] = [[802, 560], [862, 556], [884, 612], [852, 684], [792, 694], [770, 630]];
const SEOUL: Point = [96, 292];
const TOKYO: Point = [1168, 358];

/** The title screen: the game's name in three languages and a Start control. */
export class Title extends Scene {
  private note?: GameObjects.Text;

  constructor() {
    super('Title');
  }

  create(): void {
    publish({ scene: 'Title', ready: false });
    const { width, height } = this.scale;
    const cx = width / 2;
    const resolution = textResolution();

    this.drawBackdrop(width, height);

    this.add
      .text(cx, 238, TITLE, {
        fontFamily: FONT_LATIN,
        fontSize: '84px',
        fontStyle: 'bold',
        color: CSS_COLORS.text,
        resolution,
      })
      .setOrigin(0.5)
      .setShadow(0, 4, '#000000', 12, false, true);

    // The phrase both publics use for each other, in each language, with that language's font first.
    for (const [y, phrase, fontFamily] of [
      [336, '近くて遠い国', FONT_JA],
      [392, '가깝고도 먼 나라', FONT_KO],
    ] as const) {
      this.add.text(cx, y, phrase, { fontFamily, fontSize: '40px', color: CSS_COLORS.gold, resolution, padding: { y: 6 } }).setOrigin(0.5);
    }

    this.add
      .text(cx, 462, SUBTITLE, {
        fontFamily: FONT_LATIN,
        fontSize: '26px',
        fontStyle: 'italic',
        color: CSS_COLORS.muted,
        resolution,
      })
      .setOrigin(0.5);

    this.createStartButton(cx, 566, resolution);

    this.note = this.add
      .text(cx, 630, LATER, {
        fontFamily: FONT_LATIN,
        fontSize: '20px',
        color: CSS_COLORS.muted,
        resolution,
      })
      .setOrigin(0.5);

    this.add
      .text(width - 20, height - 16, `v${snapshot().version}`, {
        fontFamily: FONT_LATIN,
        fontSize: '16px',
        color: CSS_COLORS.muted,
        resolution,
      })
      .setOrigin(1, 1)
      .setAlpha(0.7);

    // Enter starts from anywhere except a focused DOM control, which handles its own Enter.
    this.input.keyboard?.on('keydown-ENTER', (event: KeyboardEvent) => {
      if (event.target instanceof Element && event.target.closest('#a11y')) return;
      this.start();
    });

    this.events.once('shutdown', () => {
      this.input.keyboard?.off('keydown-ENTER');
      clearScreen();
    });

    showTitleScreen({ title: TITLE, subtitle: SUBTITLE, onStart: () => this.start() });
    setLoadingMessage(null);
    publish({ scene: 'Title', ready: true });
    announce(`${TITLE} is ready.`);
  }

  private start(): void {
    // Nothing to start yet: say so, on the canvas and to screen readers.
    announce(LATER);
    const note = this.note;
    if (!note) return;
    note.setColor(CSS_COLORS.gold);
    this.tweens.killTweensOf(note);
    note.setScale(1);
    this.tweens.add({ targets: note, scale: 1.08, duration: 140, yoyo: true, ease: 'Sine.easeOut' });
  }

  private createStartButton(x: number, y: number, resolution: number): void {
    const button = this.add
      .rectangle(x, y, 220, 64, COLORS.gold)
      .setRounded(12)
      .setInteractive({ useHandCursor: true });
    this.add
      .text(x, y, 'Start', {
        fontFamily: FONT_LATIN,
        fontSize: '30px',
        fontStyle: 'bold',
        color: CSS_COLORS.ink,
        resolution,
      })
      .setOrigin(0.5);
    button.on('pointerover', () => button.setFillStyle(0xffd873));
    button.on('pointerout', () => button.setFillStyle(COLORS.gold));
    button.on('pointerup', () => this.start());
  }

  private drawBackdrop(width: number, height: number): void {
    const g = this.add.graphics();

    // Sea, darker towards the top.
    g.fillGradientStyle(COLORS.skyTop, COLORS.skyTop, COLORS.skyBottom, COLORS.skyBottom, 1);
    g.fillRect(0, 0, width, height);

    // Swell lines on the sea, in a fixed pattern.
    g.lineStyle(2, COLORS.seaLine, 0.35);
    for (let row = 0; row < 12; row++) {
      const y = 40 + row * 58;
      for (let col = 0; col < 9; col++) {
        const x = ((row * 97 + col * 151) % width) + (row % 2) * 40;
        g.lineBetween(x, y, x + 34, y);
      }
    }

    // Land.
    for (const shape of [PENINSULA, HONSHU, SHIKOKU, KYUSHU]) {
      const points = shape.map(([px, py]) => new PMath.Vector2(px, py));
      g.fillStyle(COLORS.land, 0.9);
      g.fillPoints(points, true);
      g.lineStyle(2, COLORS.landEdge, 0.9);
      g.strokePoints(points, true);
    }

    // The two capitals joined by a dotted arc over the title.
    const arc = new Curves.QuadraticBezier(
      new PMath.Vector2(SEOUL[0], SEOUL[1]),
      new PMath.Vector2(width / 2, -280),
      new PMath.Vector2(TOKYO[0], TOKYO[1]),
    );
    g.fillStyle(COLORS.gold, 0.45);
    for (const p of arc.getSpacedPoints(64).slice(1, -1)) g.fillCircle(p.x, p.y, 2);

    for (const [px, py] of [SEOUL, TOKYO]) {
      g.fillStyle(COLORS.gold, 0.25);
      g.fillCircle(px, py, 12);
      g.fillStyle(COLORS.gold, 1);
      g.fillCircle(px, py, 5);
    }
  }
}

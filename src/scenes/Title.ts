import { Curves, Math as PMath } from 'phaser';
import { saveProblemText, t } from '../i18n';
import { publish, snapshot } from '../testHook';
import { announce, openFileChooser, renderScreen, type MirrorItem } from '../ui/dom';
import { COLORS, CSS_COLORS, FONT_JA, FONT_KO, UI_COLORS, UI_CSS_COLORS, fontPx, fontSize, textResolution } from '../theme';
import { Button, clicked } from './widgets/button';
import { addKeyHint } from './widgets/backdrop';
import { MenuScene } from './widgets/menuScene';
import { addPanel } from './widgets/panel';
import { addText } from './widgets/text';
import { afterLibrary } from '../ui/library';

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

/** The phrase both publics use for each other, in each language (shown as itself in every language). */
const PHRASES = [
  ['近くて遠い国', FONT_JA, 'ja'],
  ['가깝고도 먼 나라', FONT_KO, 'ko'],
] as const;

/** The title screen: the game's name, New game, Continue (when a save exists), Settings, Import. */
export class Title extends MenuScene {
  constructor() {
    super('Title');
  }

  create(): void {
    this.begin();
    const { width, height } = this.scale;
    const cx = width / 2;
    const resolution = textResolution();
    const { canContinue, notice } = this.state;
    const actions = this.actions;

    this.drawMapBackdrop(width);

    addText(this, cx, 212, t('app.title'), { size: 84, bold: true, unscaled: true }).setOrigin(0.5).setShadow(0, 4, '#000000', 12, false, true);
    PHRASES.forEach(([phrase, fontFamily], i) => {
      this.add.text(cx, 304 + i * 54, phrase, { fontFamily, fontSize: fontSize(38), color: CSS_COLORS.gold, resolution, padding: { y: 6 } }).setOrigin(0.5);
    });
    addText(this, cx, 426, t('app.subtitle'), { size: 26, italic: true, color: CSS_COLORS.muted }).setOrigin(0.5);

    const IMPORT = 'title:import';
    const choices = [
      { key: 'title:new', label: t('title.newGame'), primary: true, run: () => actions.go('scenarios') },
      ...(canContinue ? [{ key: 'title:continue', label: t('title.continue'), primary: false, run: () => afterLibrary(() => actions.continueSavedGame()) }] : []),
      { key: 'title:settings', label: t('title.settings'), primary: false, run: () => actions.openSettings() },
      { key: IMPORT, label: t('title.importSave'), primary: false, run: () => openFileChooser(IMPORT) },
    ];
    this.layoutButtons(choices, cx, 492);

    const items: MirrorItem[] = [
      { kind: 'heading', level: 1, text: t('app.title') },
      ...PHRASES.map(([text, , lang]) => ({ kind: 'text' as const, text, lang })),
      { kind: 'text', text: t('app.subtitle') },
    ];
    if (notice) {
      const dismiss = clicked(() => {
        actions.dismissNotice();
        announce(t('title.dismissed'));
      });
      this.drawNotice(saveProblemText(notice.problem), dismiss);
      items.push(
        { kind: 'text', role: 'alert', text: t('common.labelled', { label: t('title.noticeError'), text: saveProblemText(notice.problem) }) },
        { kind: 'button', key: 'title:dismiss', label: t('title.dismiss'), onActivate: dismiss },
      );
    }
    for (const choice of choices) {
      if (choice.key === IMPORT) {
        items.push({
          kind: 'file',
          key: IMPORT,
          label: choice.label,
          accept: '.json,application/json,.txt,text/plain',
          onText: (text) => actions.importSave(text),
          onError: (message) => announce(t('title.importUnreadable', { message })),
        });
      } else {
        items.push({ kind: 'button', key: choice.key, label: choice.label, onActivate: clicked(choice.run) });
      }
    }
    items.push({ kind: 'text', text: t('keys.title') });
    // The first control (New game, or Dismiss when there is a notice) takes focus.
    renderScreen({ name: 'title', items });

    addText(this, width - 20, height - 16, t('app.version', { version: snapshot().version }), { size: 16, color: CSS_COLORS.muted })
      .setOrigin(1, 1)
      .setAlpha(0.8);
    addKeyHint(this, t('keys.title'));

    // A notice arriving or leaving, or a save appearing, redraws the screen (focus stays put).
    this.watch((s) => s.notice, () => this.redraw());
    this.watch((s) => s.canContinue, () => this.redraw());

    this.ready();
    publish({ ready: true });
    announce(notice ? `${t('app.ready')} ${saveProblemText(notice.problem)}` : t('app.ready'));
  }

  private layoutButtons(choices: readonly { key: string; label: string; primary: boolean; run: () => void }[], cx: number, y: number): void {
    const gap = 20;
    const widths = choices.map((c) => Math.ceil(this.measure(c.label) + 56));
    const total = widths.reduce((a, b) => a + b, 0) + gap * (choices.length - 1);
    let x = cx - total / 2;
    choices.forEach((choice, i) => {
      new Button(this, this.ring, {
        key: choice.key,
        x,
        y,
        width: widths[i]!,
        label: choice.label,
        size: 24,
        variant: choice.primary ? 'primary' : 'normal',
        onActivate: choice.run,
      });
      x += widths[i]! + gap;
    });
  }

  private measure(label: string): number {
    const probe = addText(this, 0, 0, label, { size: 24, bold: true });
    const width = probe.width;
    probe.destroy();
    return width;
  }

  /** A message from the store (a save problem, mostly) in a panel across the top, with Dismiss. */
  private drawNotice(message: string, dismiss: () => void): void {
    const { width } = this.scale;
    const panelWidth = 1000;
    const x = (width - panelWidth) / 2;
    const label = t('title.noticeError');
    const text = addText(this, x + 20, 22, t('common.labelled', { label, text: message }), {
      size: 19,
      color: UI_CSS_COLORS.error,
      wrap: panelWidth - 200,
    }).setDepth(2);
    const height = Math.max(text.height + 20, fontPx(22) + 36);
    addPanel(this, x, 12, panelWidth, height, UI_COLORS.error).setDepth(1);
    const button = new Button(this, this.ring, { key: 'title:dismiss', x: 0, y: 0, label: t('title.dismiss'), size: 18, onActivate: dismiss }).setDepth(3);
    button.setPosition(x + panelWidth - 16 - button.width, 12 + (height - button.height) / 2);
  }

  private drawMapBackdrop(width: number): void {
    const g = this.add.graphics();
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

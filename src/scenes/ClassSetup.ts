import { Geom, type GameObjects } from 'phaser';
import { t, tx } from '../i18n';
import { announce, focusControl, renderScreen, type MirrorHandle } from '../ui/dom';
import { CSS_COLORS, UI_COLORS, UI_CSS_COLORS, fontPx } from '../theme';
import { addKeyHint, footerTop } from './widgets/backdrop';
import { Button, clicked } from './widgets/button';
import { MenuScene } from './widgets/menuScene';
import { addHeading, addText } from './widgets/text';

const MARGIN = 80;
/** The timer choices, in seconds per team's turn (null: no timer). */
const TIMERS: readonly (number | null)[] = [null, 60, 120, 180, 300, 600];
const PIN_MAX = 8;

/** A PIN is 4 to 8 digits; no PIN at all is fine too. */
export function pinProblem(pin: string): boolean {
  return pin !== '' && !/^\d{4,8}$/.test(pin);
}

const timerValue = (seconds: number | null): string => (seconds === null ? 'off' : String(seconds));

/**
 * Before a hot-seat game's briefing: the class session's options. An optional instructor PIN (it
 * locks the instructor panel, which a shared projector would otherwise open to anyone) and the
 * time each team has for its turn. Start starts the game and shows the briefing.
 */
export class ClassSetup extends MenuScene {
  private mirror!: MirrorHandle;
  /** What is typed in the PIN box; the store keeps it only once it is a whole PIN. */
  private typed = '';
  private dots!: GameObjects.Text;
  private caret!: GameObjects.Rectangle;
  private pinError!: GameObjects.Text;
  private box!: Geom.Rectangle;

  constructor() {
    super('ClassSetup');
  }

  create(): void {
    this.begin();
    const { width } = this.scale;
    const { catalog, pick } = this.state;
    const actions = this.actions;
    const entry = catalog.find((e) => e.id === pick.scenarioId);
    if (!entry || pick.mode !== 'hotseat') {
      actions.go(entry ? 'side' : 'scenarios');
      return;
    }
    this.typed = pick.classroom.pin ?? '';
    const back = clicked(() => actions.go('side'));
    const start = (): void => {
      if (pinProblem(this.typed)) {
        announce(t('hotseat.setup.pinInvalid'));
        focusControl('pin');
        return;
      }
      actions.setClassroom({ pin: this.typed || null });
      actions.startGame();
    };
    const press = clicked(start);

    const top = addHeading(this, MARGIN, 36, t('hotseat.setup.heading'), width - MARGIN * 2);
    const intro = addText(this, MARGIN, top, t('hotseat.setup.intro', { title: tx(entry.scenario.title) }), { size: 17, color: CSS_COLORS.muted, wrap: width - MARGIN * 2 });

    // The PIN: a box that shows dots for what is typed (its DOM twin takes the keys).
    const pinTop = intro.y + intro.height + 14;
    const pad = 22;
    const pinPanel = this.add.graphics();
    const label = addText(this, MARGIN + pad, pinTop + 14, t('hotseat.setup.pinLabel'), { size: 22, bold: true, color: CSS_COLORS.gold });
    const boxY = label.y + label.height + 10;
    const boxHeight = fontPx(30) + 20;
    this.box = new Geom.Rectangle(MARGIN + pad, boxY, 300, boxHeight);
    const field = this.add.rectangle(this.box.x, this.box.y, this.box.width, this.box.height, UI_COLORS.button).setOrigin(0, 0).setRounded(8).setStrokeStyle(2, UI_COLORS.buttonEdge).setInteractive({ useHandCursor: true });
    field.on('pointerup', () => focusControl('pin'));
    this.ring.register('pin', () => this.box);
    this.dots = addText(this, this.box.x + 16, this.box.centerY, '', { size: 30, color: CSS_COLORS.text }).setOrigin(0, 0.5).setDepth(1);
    this.caret = this.add.rectangle(this.box.x + 16, this.box.centerY, 2, fontPx(28), UI_COLORS.primary).setOrigin(0, 0.5).setDepth(1).setVisible(false);
    // Beside the box: whether a PIN is set, or (in its place) what is wrong with the one typed.
    const besideBox = { wrap: width - MARGIN - pad - this.box.right - 20 };
    const status = addText(this, this.box.right + 20, this.box.centerY, '', { size: 18, color: CSS_COLORS.muted, ...besideBox }).setOrigin(0, 0.5);
    this.pinError = addText(this, this.box.right + 20, this.box.centerY, t('hotseat.setup.pinInvalid'), { size: 17, bold: true, color: UI_CSS_COLORS.error, ...besideBox }).setOrigin(0, 0.5);
    const hint = addText(this, MARGIN + pad, this.box.bottom + 8, t('hotseat.setup.pinHint'), { size: 17, color: CSS_COLORS.muted, wrap: width - MARGIN * 2 - pad * 2, lineSpacing: fontPx(3) });
    const pinBottom = hint.y + hint.height + 12;
    panelAt(pinPanel, MARGIN, pinTop, width - MARGIN * 2, pinBottom - pinTop);
    const showPin = (): void => {
      this.dots.setText('●'.repeat(this.typed.length).split('').join(' '));
      this.caret.setX(this.typed ? this.dots.x + this.dots.width + 4 : this.dots.x);
      this.pinError.setVisible(pinProblem(this.typed));
      status.setVisible(!pinProblem(this.typed)).setText(this.typed === '' ? t('hotseat.setup.pinEmpty') : t('hotseat.setup.pinSet', { count: this.typed.length }));
    };
    showPin();

    // The timer: one choice of six.
    const timerTop = pinBottom + 12;
    const timerPanel = this.add.graphics();
    const legend = addText(this, MARGIN + pad, timerTop + 14, t('hotseat.setup.timerLegend'), { size: 22, bold: true, color: CSS_COLORS.gold });
    const timers = new Map<number | null, Button>();
    let x = MARGIN + pad;
    const rowY = legend.y + legend.height + 10;
    for (const seconds of TIMERS) {
      const button = new Button(this, this.ring, {
        key: `timer:${timerValue(seconds)}`,
        x,
        y: rowY,
        label: this.timerLabel(seconds),
        size: 20,
        selected: pick.classroom.timerSeconds === seconds,
        onActivate: () => actions.setClassroom({ timerSeconds: seconds }),
      });
      timers.set(seconds, button);
      x += button.width + 12;
    }
    const rowBottom = rowY + timers.get(null)!.height;
    const timerHint = addText(this, MARGIN + pad, rowBottom + 8, t('hotseat.setup.timerHint'), { size: 17, color: CSS_COLORS.muted, wrap: width - MARGIN * 2 - pad * 2 });
    panelAt(timerPanel, MARGIN, timerTop, width - MARGIN * 2, timerHint.y + timerHint.height + 12 - timerTop);

    const footerY = footerTop(this);
    const startButton = new Button(this, this.ring, { key: 'setup:start', x: 0, y: footerY, label: t('hotseat.setup.start'), variant: 'primary', size: 24, onActivate: start });
    startButton.setPosition(width - MARGIN - startButton.width, footerY);
    new Button(this, this.ring, { key: 'setup:back', x: MARGIN, y: footerY, label: t('common.back'), onActivate: () => back() });
    addKeyHint(this, t('keys.list'));

    this.mirror = renderScreen({
      name: 'classSetup',
      onEscape: back,
      items: [
        { kind: 'heading', level: 1, text: t('hotseat.setup.heading') },
        { kind: 'text', text: t('hotseat.setup.intro', { title: tx(entry.scenario.title) }) },
        {
          kind: 'textbox',
          key: 'pin',
          label: t('hotseat.setup.pinLabel'),
          value: this.typed,
          description: t('hotseat.setup.pinHint'),
          inputMode: 'numeric',
          maxLength: PIN_MAX,
          secret: true,
          onInput: (value) => {
            // Digits only: anything else typed is dropped at once, so the box never holds it.
            const digits = value.replace(/\D/g, '').slice(0, PIN_MAX);
            if (digits !== value) this.mirror.setValue('pin', digits);
            this.typed = digits;
            showPin();
            // The store holds a whole PIN or none, so a half-typed one never locks the panel.
            actions.setClassroom({ pin: pinProblem(digits) || digits === '' ? null : digits });
          },
          onEnter: press,
        },
        {
          kind: 'radio',
          key: 'timer',
          legend: t('hotseat.setup.timerLegend'),
          value: timerValue(pick.classroom.timerSeconds),
          options: TIMERS.map((seconds) => ({ value: timerValue(seconds), label: this.timerLabel(seconds) })),
          onChange: (value) => actions.setClassroom({ timerSeconds: value === 'off' ? null : Number(value) }),
        },
        { kind: 'text', text: t('hotseat.setup.timerHint') },
        { kind: 'button', key: 'setup:start', label: t('hotseat.setup.start'), onActivate: press },
        { kind: 'button', key: 'setup:back', label: t('common.back'), onActivate: back },
        { kind: 'text', text: t('keys.list') },
      ],
    });

    this.watch(
      (s) => s.pick.classroom.timerSeconds,
      (seconds) => {
        for (const [value, button] of timers) button.setSelected(value === seconds);
        this.mirror.setRadio('timer', timerValue(seconds));
      },
    );
    this.ready();
    announce(t('hotseat.setup.heading'));
  }

  override update(time: number): void {
    // A blinking caret while the PIN box has focus.
    const focused = document.activeElement instanceof HTMLElement && document.activeElement.dataset.key === 'pin';
    this.caret?.setVisible(focused && Math.floor(time / 530) % 2 === 0);
  }

  private timerLabel(seconds: number | null): string {
    return seconds === null ? t('hotseat.setup.timerOff') : t('hotseat.setup.minutes', { count: seconds / 60 });
  }
}

/** A panel drawn into graphics made before its content (so it lies behind), once the content's height is known. */
function panelAt(g: GameObjects.Graphics, x: number, y: number, width: number, height: number): void {
  g.fillStyle(UI_COLORS.panel, 0.88).fillRoundedRect(x, y, width, height, 12);
  g.lineStyle(2, UI_COLORS.panelEdge, 0.9).strokeRoundedRect(x, y, width, height, 12);
}

import { Geom, type GameObjects } from 'phaser';
import { INTERFACE_LANGUAGES, formatPercent, t } from '../i18n';
import { GAME_SCREENS, type Settings as PlayerSettings, type TextSize } from '../store';
import { announce, downloadText, focusControl, renderScreen, type MirrorHandle } from '../ui/dom';
import { prepareLanguage } from '../ui/language';
import { openInstructorPanel } from '../ui/instructor/shortcut';
import { CSS_COLORS, UI_COLORS, fontPx } from '../theme';
import { addKeyHint, footerTop } from './widgets/backdrop';
import { Button, clicked } from './widgets/button';
import { MenuScene } from './widgets/menuScene';
import { addPanel } from './widgets/panel';
import { addHeading, addText } from './widgets/text';

const TEXT_SIZES: readonly TextSize[] = ['normal', 'large'];
const LEFT = 160;
const CONTROL_X = 520;
const SLIDER_WIDTH = 360;

/**
 * Settings: volume, mute, text size, reduced motion, language. Every change is saved through the
 * store at once; sound follows live (the director applies it), text size and language redraw.
 */

export class Settings extends MenuScene {
  private mirror!: MirrorHandle;
  private volumeFill!: GameObjects.Graphics;
  private volumeText!: GameObjects.Text;
  private volumeTrackY = 0;
  private toggles: { key: string; button: Button; read: (s: PlayerSettings) => boolean }[] = [];
  private choices: { button: Button; read: (s: PlayerSettings) => boolean }[] = [];

  constructor() {
    super('Settings');
  }

  create(): void {
    this.begin();
    this.toggles = [];
    this.choices = [];
    const { width } = this.scale;
    const settings = this.state.settings;
    const actions = this.actions;
    const update = (change: Partial<PlayerSettings>): void => actions.updateSettings(change);
    const back = clicked(() => actions.closeSettings());
    // The new language's strings and fonts load before the screen redraws in it (canvas text keeps its first font).
    const chooseLanguage = (language: PlayerSettings['language']): void => void prepareLanguage(language).then(() => update({ language }));

    const top = addHeading(this, 120, 44, t('settings.heading'), width - 240);
    // Five rows in a panel that ends clear of the buttons under it, at either text size.
    const rowGap = Math.min(Math.max(84, fontPx(22) * 2 + 36), (footerTop(this, 22) - 20 - top - 24) / 5);
    addPanel(this, 120, top, width - 240, rowGap * 5 + 24);
    const rowY = (i: number): number => top + 22 + i * rowGap;

    // Volume: a slider (drag or click on the track).
    this.rowLabel(rowY(0), t('settings.volume'));
    this.drawSlider(rowY(0), settings.volume, (volume) => update({ volume }));

    // Mute and reduced motion: On/Off toggles.
    this.rowLabel(rowY(1), t('settings.mute'));
    this.addToggle('settings:mute', rowY(1), (s) => s.muted, () => update({ muted: !this.state.settings.muted }));
    this.rowLabel(rowY(3), t('settings.reducedMotionShort'));
    this.addToggle('settings:motion', rowY(3), (s) => s.reducedMotion, () => update({ reducedMotion: !this.state.settings.reducedMotion }));
    addText(this, CONTROL_X + 150, rowY(3) + 10, t('settings.reducedMotionHint'), { size: 16, color: CSS_COLORS.muted, wrap: width - CONTROL_X - 300 });

    // Text size and language: one choice out of a few.
    this.rowLabel(rowY(2), t('settings.textSize'));
    this.addChoices('settings:textSize', rowY(2), TEXT_SIZES.map((size) => ({ value: size, label: t(`settings.textSizes.${size}`) })), (s) => s.textSize, (textSize) => update({ textSize: textSize as TextSize }));
    this.rowLabel(rowY(4), t('settings.language'));
    const languages = INTERFACE_LANGUAGES.map((lang) => ({ value: lang, label: t(`languages.${lang}`) }));
    this.addChoices('settings:language', rowY(4), languages, (s) => s.language, (language) => chooseLanguage(language as PlayerSettings['language']));

    const backButton = new Button(this, this.ring, { key: 'settings:back', x: 120, y: footerTop(this, 22), label: t('common.back'), size: 22, onActivate: () => actions.closeSettings() });
    // Opened from a game: the game can be kept as a file, or left for the title (it stays saved).
    const inGame = this.state.session !== null && GAME_SCREENS.has(this.state.previousScreen);
    const exportGame = (): void => {
      const text = actions.exportSave();
      if (text !== null) downloadText(`close-yet-distant-${this.state.session?.scenarioId ?? 'game'}.json`, text);
      announce(t('settings.exported'));
    };
    const quit = (): void => actions.quitToTitle();
    const instructor = (): void => openInstructorPanel(this.store);
    if (inGame) {
      const exportButton = new Button(this, this.ring, { key: 'settings:export', x: 120 + backButton.width + 24, y: footerTop(this, 22), label: t('settings.exportGame'), size: 22, onActivate: exportGame });
      new Button(this, this.ring, { key: 'settings:quit', x: 120 + backButton.width + 48 + exportButton.width, y: footerTop(this, 22), label: t('settings.quitToTitle'), size: 22, onActivate: quit });
      // The instructor panel, at the right: it comes up over the game screen (behind its PIN when the session has one).
      const panel = new Button(this, this.ring, { key: 'settings:instructor', x: 0, y: footerTop(this, 22), label: t('instructor.menuButton'), size: 22, onActivate: instructor });
      panel.setPosition(width - 120 - panel.width, footerTop(this, 22));
    }
    addKeyHint(this, t('keys.menu'));

    const onOff = (on: boolean): string => t(on ? 'common.on' : 'common.off');
    this.mirror = renderScreen({
      name: 'settings',
      onEscape: back,
      items: [
        { kind: 'heading', level: 1, text: t('settings.heading') },
        {
          kind: 'range',
          key: 'settings:volume',
          label: t('settings.volume'),
          min: 0,
          max: 100,
          step: 5,
          value: Math.round(settings.volume * 100),
          valueText: (v) => formatPercent(v / 100),
          onChange: (v) => update({ volume: v / 100 }),
        },
        { kind: 'checkbox', key: 'settings:mute', label: t('settings.mute'), checked: settings.muted, onChange: (muted) => update({ muted }) },
        {
          kind: 'radio',
          key: 'settings:textSize',
          legend: t('settings.textSize'),
          value: settings.textSize,
          options: TEXT_SIZES.map((size) => ({ value: size, label: t(`settings.textSizes.${size}`) })),
          onChange: (v) => update({ textSize: v as TextSize }),
        },
        { kind: 'checkbox', key: 'settings:motion', label: t('settings.reducedMotion'), checked: settings.reducedMotion, onChange: (reducedMotion) => update({ reducedMotion }) },
        {
          kind: 'radio',
          key: 'settings:language',
          legend: t('settings.language'),
          value: settings.language,
          options: languages,
          onChange: (v) => chooseLanguage(v as PlayerSettings['language']),
        },
        { kind: 'button', key: 'settings:back', label: t('common.back'), onActivate: back },
        ...(inGame
          ? [
              { kind: 'button', key: 'settings:export', label: t('settings.exportGame'), onActivate: exportGame } as const,
              { kind: 'button', key: 'settings:quit', label: t('settings.quitToTitle'), onActivate: quit } as const,
              { kind: 'button', key: 'settings:instructor', label: t('instructor.menuButton'), description: t('instructor.keys'), onActivate: instructor } as const,
            ]
          : []),
        { kind: 'text', text: t('keys.menu') },
      ],
    });

    // Canvas and DOM follow the store, whichever of them (or a reload) made the change.
    this.watch(
      (s) => s.settings,
      (s) => {
        this.paintVolume(s.volume);
        this.mirror.setRange('settings:volume', Math.round(s.volume * 100));
        for (const toggle of this.toggles) {
          const on = toggle.read(s);
          toggle.button.setSelected(on).setLabel(onOff(on));
          this.mirror.setChecked(toggle.key, on);
        }
        for (const choice of this.choices) choice.button.setSelected(choice.read(s));
        this.mirror.setRadio('settings:language', s.language);
      },
    );
    this.ready();
    announce(t('settings.heading'));
  }

  private rowLabel(y: number, text: string): void {
    addText(this, LEFT, y + 8, text, { size: 22, wrap: CONTROL_X - LEFT - 24 });
  }

  private addToggle(key: string, y: number, read: (s: PlayerSettings) => boolean, flip: () => void): void {
    const on = read(this.state.settings);
    const button = new Button(this, this.ring, { key, x: CONTROL_X, y, width: 120, label: t(on ? 'common.on' : 'common.off'), selected: on, onActivate: flip });
    this.toggles.push({ key, button, read });
  }

  /** Buttons for one choice out of several; returns the x where they end. */
  private addChoices(key: string, y: number, options: readonly { value: string; label: string }[], read: (s: PlayerSettings) => string, choose: (value: string) => void): number {
    let x = CONTROL_X;
    for (const option of options) {
      const button = new Button(this, this.ring, {
        key: `${key}:${option.value}`,
        x,
        y,
        label: option.label,
        selected: read(this.state.settings) === option.value,
        onActivate: () => choose(option.value),
      });
      this.choices.push({ button, read: (s) => read(s) === option.value });
      x += button.width + 16;
    }
    return x;
  }

  private drawSlider(y: number, volume: number, change: (volume: number) => void): void {
    const height = fontPx(22) + 18;
    const trackY = y + height / 2 - 5;
    const track = this.add
      .rectangle(CONTROL_X, y, SLIDER_WIDTH, height, 0x000000, 0)
      .setOrigin(0, 0)
      .setInteractive({ useHandCursor: true, draggable: false });
    const graphics = this.add.graphics();
    graphics.fillStyle(UI_COLORS.track, 1).fillRoundedRect(CONTROL_X, trackY, SLIDER_WIDTH, 10, 5);
    this.volumeTrackY = trackY;
    this.volumeFill = this.add.graphics();
    this.volumeText = addText(this, CONTROL_X + SLIDER_WIDTH + 24, y + 8, '', { size: 22 });
    this.ring.register('settings:volume', () => new Geom.Rectangle(CONTROL_X, y, SLIDER_WIDTH, height));
    this.paintVolume(volume);

    const setFrom = (pointer: { x: number; isDown: boolean }): void => {
      const share = Math.max(0, Math.min(1, (pointer.x - CONTROL_X) / SLIDER_WIDTH));
      change(Math.round(share * 20) / 20);
    };
    track.on('pointerdown', (pointer: { x: number; isDown: boolean }) => {
      focusControl('settings:volume');
      setFrom(pointer);
    });
    track.on('pointermove', (pointer: { x: number; isDown: boolean }) => {
      if (pointer.isDown) setFrom(pointer);
    });
  }

  private paintVolume(volume: number): void {
    const g = this.volumeFill.clear();
    const y = this.volumeTrackY;
    g.fillStyle(UI_COLORS.primary, 1).fillRoundedRect(CONTROL_X, y, Math.max(10, SLIDER_WIDTH * volume), 10, 5);
    g.fillStyle(0xffffff, 1).fillCircle(CONTROL_X + SLIDER_WIDTH * volume, y + 5, 11);
    g.lineStyle(3, UI_COLORS.primary, 1).strokeCircle(CONTROL_X + SLIDER_WIDTH * volume, y + 5, 11);
    this.volumeText.setText(formatPercent(volume));
  }
}

/**
 * Settings: volume, mute, text size, reduced motion, language. Every change is saved through the
 * store at once and takes effect for the whole page (the director applies it: sound live, text size
 * and motion as attributes CSS reads, a language by drawing the screen again in it). Opened from a
 * game, the game can also be kept as a file, left for the title (it stays saved), or handed to the
 * instructor's panel.
 */
import { INTERFACE_LANGUAGES, formatPercent, t } from '../../i18n';
import type { Language } from '../../engine/model';
import { GAME_SCREENS, type Settings, type TextSize } from '../../store';
import { announce } from '../announce';
import { exportGame } from '../exportGame';
import { openInstructorPanel } from '../instructor/shortcut';
import { button, choice, el, range, section, setChoice, setRange, setToggle, toggle } from '../kit';
import { completeLanguage, prepareLanguage } from '../language';
import { menuFrame } from './menu';
import './settings.css';
import type { ScreenView } from './view';

const TEXT_SIZES: readonly TextSize[] = ['normal', 'large'];

export const settingsView: ScreenView = (root, ctx) => {
  const { actions } = ctx;
  const state = ctx.state();
  const settings = state.settings;
  const update = (change: Partial<Settings>): void => actions.updateSettings(change);
  const back = (): void => actions.closeSettings();

  const volume = range({
    label: t('settings.volume'),
    key: 'settings:volume',
    min: 0,
    max: 100,
    step: 5,
    value: Math.round(settings.volume * 100),
    valueText: (v) => formatPercent(v / 100),
    onChange: (v) => update({ volume: v / 100 }),
  });
  const mute = toggle({ label: t('settings.mute'), key: 'settings:mute', checked: settings.muted, onChange: (muted) => update({ muted }) });
  const textSize = choice({
    legend: t('settings.textSize'),
    quietLegend: true,
    name: 'settings:textSize',
    value: settings.textSize,
    options: TEXT_SIZES.map((size) => ({ value: size, label: t(`settings.textSizes.${size}`) })),
    onChange: (size) => update({ textSize: size as TextSize }),
  });
  const motion = toggle({
    label: t('settings.reducedMotionShort'),
    detail: t('settings.reducedMotionHint'),
    key: 'settings:motion',
    checked: settings.reducedMotion,
    onChange: (reducedMotion) => update({ reducedMotion }),
  });
  // Each language under its own name, in its own language (a reader of it looks for it so).
  const language: HTMLFieldSetElement = choice({
    legend: t('settings.language'),
    quietLegend: true,
    name: 'settings:language',
    value: settings.language,
    options: INTERFACE_LANGUAGES.map((lang) => ({ value: lang, label: t(`languages.${lang}`), lang })),
    // The new language's strings and fonts arrive before the screen is drawn in it; if they cannot, the choice goes back.
    onChange: (lang) =>
      void prepareLanguage(lang as Language).then(
        () => {
          update({ language: lang as Language });
          void completeLanguage(lang as Language);
        },
        (error: unknown) => {
          console.warn(`The language ${lang} could not be loaded (${String(error)}).`);
          setChoice(language, ctx.state().settings.language);
        },
      ),
  });

  const group = (heading: string, ...controls: HTMLElement[]): HTMLElement => section(heading, { class: 'panel settings-group' }, el('h2', { text: heading }), ...controls);

  // Opened from a game: the game can be kept as a file, or left for the title (it stays saved).
  const inGame = state.session !== null && GAME_SCREENS.has(state.previousScreen);
  const exportThisGame = (): void => {
    if (exportGame(ctx.store)) return;
    // A class session's file is the instructor's: the panel asks for the PIN, then offers Export.
    announce(t('settings.exportNeedsPin'));
    openInstructorPanel(ctx.store);
  };
  const gameButtons = inGame
    ? [
        button({ label: t('settings.exportGame'), key: 'settings:export', onPress: exportThisGame }),
        button({ label: t('settings.quitToTitle'), key: 'settings:quit', onPress: () => actions.quitToTitle() }),
        // It comes up over the game screen (behind its PIN when the session has one).
        button({ label: t('instructor.menuButton'), key: 'settings:instructor', description: t('instructor.keys'), onPress: () => openInstructorPanel(ctx.store) }),
      ]
    : [];

  root.append(
    menuFrame({
      class: 'settings',
      heading: t('settings.heading'),
      body: [
        el(
          'div',
          { class: 'settings-groups' },
          group(t('settings.sound'), volume, mute),
          group(t('settings.textSize'), textSize),
          group(t('settings.motion'), motion),
          group(t('settings.language'), language),
        ),
      ],
      buttons: [button({ label: t('common.back'), key: 'settings:back', onPress: back })],
      primary: gameButtons,
      hint: t('keys.menu'),
    }),
  );

  // The controls follow the store, whatever made the change; a new language redraws the whole screen (the director).
  ctx.watch(
    (s) => s.settings,
    (s) => {
      setRange(volume, Math.round(s.volume * 100));
      setToggle(mute, s.muted);
      setChoice(textSize, s.textSize);
      setToggle(motion, s.reducedMotion);
      setChoice(language, s.language);
    },
  );
  ctx.onEscape(back);
  announce(t('settings.heading'));
};

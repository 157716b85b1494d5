/**
 * The title: the game's name and the phrase both publics use for each other, then New game, Continue
 * (when a save exists), Settings and Import. A save problem shows across the top until dismissed.
 * The world draws the strait behind it.
 */
import { saveProblemText, t } from '../../i18n';
import { snapshot } from '../../testHook';
import { announce } from '../announce';
import { afterLibrary } from '../library';
import { button, el, fileButton, keyHint } from '../kit';
import { takeUpdate } from '../offline';
import './title.css';
import type { ScreenView } from './view';

/** The phrase both publics use for each other, each in its own language on every screen. */
const PHRASES = [
  ['近くて遠い国', 'ja'],
  ['가깝고도 먼 나라', 'ko'],
] as const;

export const titleView: ScreenView = (root, ctx) => {
  const { actions } = ctx;
  const { canContinue, notice, updateReady } = ctx.state();

  const notices = notice
    ? el(
        'div',
        { class: 'notice title-notice', role: 'alert' },
        el('p', { text: t('common.labelled', { label: t('title.noticeError'), text: saveProblemText(notice.problem) }) }),
        button({
          label: t('title.dismiss'),
          key: 'title:dismiss',
          onPress: () => {
            actions.dismissNotice();
            announce(t('title.dismissed'));
          },
        }),
      )
    : null;

  // Offered only here, between games: taking it reloads the page into the new version.
  const update = updateReady
    ? el('div', { class: 'notice title-notice', role: 'status' }, el('p', { text: t('title.updateReady') }), button({ label: t('title.updateNow'), key: 'title:update', onPress: () => takeUpdate() }))
    : null;

  const menu = el(
    'nav',
    { class: 'title-menu', aria: { label: t('app.title') } },
    button({ label: t('title.newGame'), key: 'title:new', variant: 'primary', onPress: () => actions.go('scenarios') }),
    canContinue ? button({ label: t('title.continue'), key: 'title:continue', onPress: () => afterLibrary(() => actions.continueSavedGame()) }) : null,
    button({ label: t('classGame.titleButton'), key: 'title:class', onPress: () => actions.go('classJoin') }),
    button({ label: t('title.settings'), key: 'title:settings', onPress: () => actions.openSettings() }),
    fileButton({
      label: t('title.importSave'),
      key: 'title:import',
      accept: '.json,application/json,.txt,text/plain',
      onFile: (file) =>
        void file.text().then(
          (text) => actions.importSave(text),
          (error: unknown) => announce(t('title.importUnreadable', { message: error instanceof Error ? error.message : String(error) })),
        ),
    }),
  );

  root.append(
    el(
      'div',
      { class: 'title-layout' },
      notices,
      update,
      el(
        'header',
        { class: 'title-head' },
        el('h1', { class: 'title-name', text: t('app.title') }),
        ...PHRASES.map(([text, lang]) => el('p', { class: 'title-phrase', lang, text })),
        el('p', { class: 'title-subtitle', text: t('app.subtitle') }),
      ),
      menu,
      el('footer', { class: 'title-foot' }, keyHint(t('keys.title')), el('p', { class: 'title-version', text: t('app.version', { version: snapshot().version }) })),
    ),
  );

  // A notice arriving or leaving, or a save appearing, redraws the screen (focus stays put).
  ctx.watch(
    (s) => s.notice,
    () => ctx.redraw(),
  );
  ctx.watch(
    (s) => s.updateReady,
    () => ctx.redraw(),
  );
  ctx.watch(
    (s) => s.canContinue,
    () => ctx.redraw(),
  );
  announce(notice ? `${t('app.ready')} ${saveProblemText(notice.problem)}` : t('app.ready'));
};

/**
 * The title: the game's name and the phrase both publics use for each other, then New game, Continue
 * (when a save exists), Settings and Import. A save problem shows across the top until dismissed.
 * The world draws the strait behind it.
 */
import { currentLanguage, saveProblemText, t, tx } from '../../i18n';
import type { BackupInfo } from '../../store/persistence';
import { snapshot } from '../../testHook';
import { announce } from '../announce';
import { afterLibrary } from '../library';
import { button, el, fileButton, keyHint } from '../kit';
import { noticeBar } from './noticeBar';
import { takeUpdate } from '../offline';
import './title.css';
import type { ScreenContext, ScreenView } from './view';

/** The phrase both publics use for each other, each in its own language on every screen. */
const PHRASES = [
  ['近くて遠い国', 'ja'],
  ['가깝고도 먼 나라', 'ko'],
] as const;

export const titleView: ScreenView = (root, ctx) => {
  const { actions } = ctx;
  const { canContinue, notice, updateReady } = ctx.state();

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
      noticeBar(ctx),
      update,
      el(
        'header',
        { class: 'title-head' },
        el('h1', { class: 'title-name', text: t('app.title') }),
        ...PHRASES.map(([text, lang]) => el('p', { class: 'title-phrase', lang, text })),
        el('p', { class: 'title-subtitle', text: t('app.subtitle') }),
      ),
      el('div', { class: 'title-actions' }, menu, earlierSaves(ctx, actions.listBackups())),
      el('footer', { class: 'title-foot' }, keyHint(t('keys.title')), el('p', { class: 'title-version', text: t('app.version', { version: snapshot().version }) })),
    ),
  );

  // A save appearing redraws the screen (focus stays put); the notice bar follows the notice itself.
  ctx.watch(
    (s) => s.updateReady,
    () => ctx.redraw(),
  );
  ctx.watch(
    (s) => s.canContinue,
    () => ctx.redraw(),
  );
  // The earlier saves name their scenarios by title, once the catalog that holds them has come.
  ctx.watch(
    (s) => s.catalog,
    () => ctx.redraw(),
  );
  announce(notice ? `${t('app.ready')} ${saveProblemText(notice.problem)}` : t('app.ready'));
};

/** The dated backups, folded away: a player who lost a turn to a mistake, or a damaged save, steps back here. */
function earlierSaves(ctx: ScreenContext, backups: readonly BackupInfo[]): HTMLElement | null {
  if (backups.length === 0) return null;
  const { catalog } = ctx.state();
  const when = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  const items = backups.map((backup) => {
    const entry = catalog.find((e) => e.id === backup.scenarioId);
    const saved = Number.isNaN(Date.parse(backup.savedAt)) ? '' : when.format(new Date(backup.savedAt));
    const what = t('title.backupLine', { scenario: entry ? tx(entry.scenario.title) : backup.scenarioId, turn: backup.turn, saved });
    return el(
      'li',
      { class: 'title-backup' },
      el('span', { text: what }),
      button({
        label: t('title.restore'),
        spokenLabel: t('title.restoreSpoken', { what }),
        key: `title:restore:${backup.key}`,
        onPress: () => afterLibrary(() => ctx.actions.restoreBackup(backup.key)),
      }),
    );
  });
  return el(
    'details',
    { class: 'title-backups' },
    el('summary', { text: t('title.earlierSaves', { count: backups.length }) }),
    el('p', { class: 'title-backups-hint', text: t('title.earlierSavesHint') }),
    el('ul', {}, ...items),
  );
}

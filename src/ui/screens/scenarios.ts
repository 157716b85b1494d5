/**
 * The scenarios to choose from: the list (one choice out of several; it scrolls when an instructor's
 * files make it longer than the room), the chosen one's title, period, length, difficulty and
 * summary beside it (with Remove for an instructor's own file), a button to load a scenario file,
 * and Next to choose a side. Until the shipped scenarios have arrived, a loading line says how far.
 */
import { currentLanguage, formatPercent, t, tx } from '../../i18n';
import { formatPeriod } from '../../i18n/period';
import { fallbackLang } from '../../i18n/text';
import type { Text } from '../../engine/model';
import type { CatalogEntry } from '../../store';
import { isLibraryEntry } from '../../store/library';
import { announce } from '../announce';
import { inApp } from '../appRoot';
import { onCatalogProgress } from '../catalogLoader';
import { bringLocalFiles } from '../library';
import { button, choice, el, fileButton, scrollRegion, setChoice } from '../kit';
import { menuFrame } from './menu';
import './scenarios.css';
import type { ScreenView } from './view';

/** What the file chooser offers: YAML files (any file can still be chosen; the checker says what is wrong). */
const YAML_FILES = '.yaml,.yml,application/yaml,application/x-yaml,text/yaml,text/x-yaml';

/** A scenario's facts: its period, its length in turns, its difficulty. */
function scenarioFacts(entry: CatalogEntry): string[] {
  const s = entry.scenario;
  return [
    ...(s.period ? [t('scenarios.period', { period: formatPeriod(s.period) })] : []),
    t('scenarios.length', { count: s.turns }),
    ...(s.difficulty ? [t('scenarios.difficulty', { level: t(`common.scenarioDifficulty.${s.difficulty}`) })] : []),
  ];
}

/** Scenario text in the interface's language, and the `lang` to mark it with when it fell back to English. */
function scenarioText(text: Text | undefined): { text: string; lang?: string } {
  const lang = fallbackLang(text, currentLanguage());
  return { text: tx(text), ...(lang && { lang }) };
}

export const scenariosView: ScreenView = (root, ctx) => {
  const { actions } = ctx;
  const { catalog, catalogReady, pick } = ctx.state();
  let selected = (pick.scenarioId && catalog.some((e) => e.id === pick.scenarioId) ? pick.scenarioId : null) ?? catalog[0]?.id ?? null;
  const back = (): void => actions.go('title');

  const next = button({
    label: t('scenarios.next'),
    key: 'scenarios:next',
    variant: 'primary',
    disabled: !selected,
    onPress: () => {
      if (!selected) return;
      actions.pickScenario(selected);
      actions.go('side');
    },
  });
  const load = fileButton({ label: t('library.load'), key: 'library:load', accept: YAML_FILES, onFile: (file) => void bringLocalFiles(ctx.store, [file], 'chosen') });

  const detail = el('div', { class: 'scenarios-detail' });
  /** The chosen scenario's title, facts and summary (and Remove for an instructor's own file). */
  const showDetail = (): void => {
    const entry = ctx.state().catalog.find((e) => e.id === selected);
    if (!entry) return detail.replaceChildren();
    const s = entry.scenario;
    const mine = isLibraryEntry(entry) ? entry : null;
    const remove = mine
      ? button({
          label: t('library.remove'),
          key: 'library:remove',
          variant: 'danger',
          description: t('library.yourFile', { file: mine.file }),
          onPress: () => {
            actions.removeFromLibrary(mine.id);
            announce(t('library.removed', { file: mine.file }));
            // The list is drawn again without it: the focus goes back to the list.
            inApp<HTMLInputElement>('input[name="scenario"]:checked')?.focus();
          },
        })
      : null;
    detail.replaceChildren(
      scrollRegion(
        tx(s.title),
        el('h2', { class: 'scenarios-title', ...scenarioText(s.title) }),
        el('ul', { class: 'scenarios-facts' }, ...scenarioFacts(entry).map((fact) => el('li', { text: fact }))),
        mine ? el('p', { class: 'scenarios-file', text: t('library.yourFile', { file: mine.file }) }) : null,
        el('p', { class: 'scenarios-summary', ...scenarioText(s.summary) }),
      ),
    );
    if (remove) detail.append(remove);
  };

  const select = (id: string): void => {
    const before = ctx.state().catalog.find((e) => e.id === selected);
    selected = id;
    next.disabled = false;
    if (list) {
      setChoice(list, id);
      reveal();
    }
    // Moving onto or off an instructor's file brings Remove or takes it away; the rest is redrawn in place.
    showDetail();
    const entry = ctx.state().catalog.find((e) => e.id === id);
    if (entry && entry !== before) announce(tx(entry.scenario.title));
  };

  const list = catalog.length
    ? choice({
        legend: t('scenarios.legend'),
        quietLegend: true,
        name: 'scenario',
        layout: 'column',
        value: selected,
        options: catalog.map((entry) => {
          const title = scenarioText(entry.scenario.title);
          return { value: entry.id, label: title.text, ...(title.lang && { lang: title.lang }), ...(isLibraryEntry(entry) && { detail: t('library.yourFile', { file: entry.file }) }) };
        }),
        onChange: (id) => {
          actions.pickScenario(id);
          select(id);
        },
      })
    : null;

  /** Before the shipped scenarios arrive: how far their loading has come. */
  const loading = (): HTMLElement => {
    const line = el('p', { class: 'scenarios-loading' });
    ctx.onLeave(onCatalogProgress((share) => (line.textContent = t('preloader.progress', { percent: formatPercent(share) }))));
    return line;
  };

  const body =
    !catalogReady && !list
      ? [loading()]
      : list
        ? [el('div', { class: 'scenarios-layout' }, el('div', { class: 'scenarios-list scroll' }, list, !catalogReady ? loading() : null), detail)]
        : [el('p', { class: 'panel', text: t('scenarios.none') })];

  /** Scrolls the list to the chosen scenario (a file just loaded sits at its end). */
  const reveal = (): void => list?.querySelector('input:checked')?.closest('label')?.scrollIntoView({ block: 'nearest' });

  root.append(
    menuFrame({
      class: 'scenarios',
      heading: t('scenarios.heading'),
      body,
      buttons: [button({ label: t('common.back'), key: 'scenarios:back', onPress: back }), load],
      primary: [next],
      hint: t('keys.list'),
    }),
  );
  showDetail();
  // Once the screen is on the page (scrolling needs it laid out).
  queueMicrotask(reveal);

  // The list changes when the shipped scenarios arrive, or a file is loaded or removed: drawn again (focus stays put).
  // Each compares with what this drawing was made from: a redraw's own watches hear the change that caused it too.
  // While the list is loading, the focus sits on the first control there is (Back): when the list arrives
  // and the player has not moved on meanwhile, it goes to the list, where it would have started.
  let touched = false;
  const touch = (): void => void (touched = true);
  root.addEventListener('keydown', touch);
  root.addEventListener('pointerdown', touch);
  ctx.watch(
    (s) => s.catalogReady,
    (ready) => {
      if (ready === catalogReady) return;
      ctx.redraw();
      if (!touched) inApp<HTMLInputElement>('input[name="scenario"]:checked')?.focus();
    },
  );
  ctx.watch(
    (s) => s.catalog,
    (now) => now !== catalog && ctx.redraw(),
  );
  // A file just loaded is picked for the player.
  ctx.watch(
    (s) => s.pick.scenarioId,
    (id) => {
      if (id && id !== selected && ctx.state().catalog.some((e) => e.id === id)) select(id);
    },
  );
  ctx.onEscape(back);
  announce(t('scenarios.heading'));
};

/**
 * The class debrief, from the class record the server sends: every game side by side (ending,
 * final true meters, the essays' arguments that moved each most), one meter in every game on one
 * chart, the decisions by turn across the games, and each team's work to grade (its memos, its
 * answers with the questions' guides, its decisions, the essays its play cited). It prints (the
 * class, or a page per team) and exports: the meters as CSV, the whole record as JSON, a gradebook
 * CSV and every memo and answer as CSV.
 */
import type { ClassRecord } from '../../class/instructor';
import type { Scenario } from '../../engine/model';
import { currentLanguage, t, tx } from '../../i18n';
import { selectClassEntry } from '../../store';
import { announce } from '../announce';
import { inApp } from '../appRoot';
import { button, downloadText, el, scrollRegion } from '../kit';
import { classDebrief, inParts } from '../present/classDebrief';
import { sideName } from '../present/names';
import { classWork, type TeamWork } from '../present/teamWork';
import { day } from '../report/actions';
import { classMetersCsv, classRecordJson, gradebookCsv, workCsv } from '../report/classExports';
import { openClassSheets, type SheetPage } from '../report/classSheets';
import { decisionsTable, gamesTable, meterFigure, teamWorkElement } from '../report/classTables';
import { menuFrame } from './menu';
import './classDebrief.css';
import type { ScreenView } from './view';

/** How many games a printed table holds side by side before the next ones go to a table of their own. */
const GAMES_PER_PRINTED_TABLE = 6;

/** What the screen keeps between redraws: the meter charted and the team whose work shows. */
const pick = { meter: '', team: '' };

const teamKey = (w: TeamWork): string => `${w.game}:${w.side}`;

function fileName(record: ClassRecord, what: string, extension: string): string {
  return `close-yet-distant-class-${record.code}-${day(new Date())}${what ? `-${what}` : ''}.${extension}`;
}

export const classDebriefView: ScreenView = (root, ctx) => {
  const { actions } = ctx;
  const c = ctx.state().instructorClass;
  if (!c) {
    queueMicrotask(() => actions.go('classJoin'));
    return;
  }
  const entry = selectClassEntry(ctx.state());
  const language = currentLanguage();
  const back = (): void => actions.backToClassDashboard();
  const frame = (body: (HTMLElement | null)[], primary: HTMLElement[] = []): void =>
    void root.append(
      menuFrame({
        class: 'class-debrief',
        heading: t('instructorClass.debrief.heading', { code: c.code }),
        lead: entry ? el('p', { text: tx(entry.scenario.title) }) : null,
        body,
        buttons: [button({ label: t('instructorClass.debrief.back'), key: 'cdeb:back', onPress: back })],
        primary,
        hint: t('keys.list'),
      }),
    );
  ctx.onEscape(back);
  // The record arrives (or is refused) after the screen shows: drawn again then.
  ctx.watch(
    (s) => s.instructorClass,
    (now, before) => {
      if (now && (now.record !== before?.record || now.recordLoading !== before?.recordLoading)) ctx.redraw();
    },
  );

  const record = c.record;
  if (!entry || !record) {
    const words = !entry && c.settings ? t('instructorClass.noScenario', { id: c.settings.scenario }) : c.recordLoading ? t('instructorClass.debrief.loading') : t('instructorClass.debrief.noRecord');
    frame(
      [
        el('p', { class: c.recordLoading ? 'muted' : 'notice', role: c.recordLoading ? 'status' : 'alert', text: words }),
        c.refusal && !c.recordLoading ? el('p', { class: 'notice', role: 'alert', text: t('classGame.failed', { problem: c.refusal.problem }) }) : null,
        !c.recordLoading && entry ? button({ label: t('instructorClass.debrief.retry'), key: 'cdeb:retry', onPress: () => actions.requestClassRecord() }) : null,
      ],
      [],
    );
    announce(words);
    return;
  }

  const scenario: Scenario = entry.scenario;
  const model = classDebrief(scenario, record, language);
  const work = classWork(scenario, record, language);
  const sideNames = { tokyo: sideName(scenario, 'tokyo', language), seoul: sideName(scenario, 'seoul', language) };
  if (!scenario.meters.some((m) => m.id === pick.meter)) pick.meter = scenario.meters[0]?.id ?? '';
  if (!work.some((w) => teamKey(w) === pick.team)) pick.team = work[0] ? teamKey(work[0]) : '';
  const team = work.find((w) => teamKey(w) === pick.team);
  const meterLabel = (): string => model.meters.find((m) => m.id === pick.meter)?.label ?? '';
  const chartTitle = (): string => t('instructorClass.debrief.meterChart', { label: meterLabel() });

  /** Back from a printed page, focus returns to the button that opened it. */
  const printed = (key: string) => (): void => inApp(`[data-key="${key}"]`)?.focus({ preventScroll: true });
  const documentTitle = t('instructorClass.debrief.documentTitle', { code: record.code, title: tx(scenario.title) });
  const classPages = (): SheetPage[] => [
    {
      heading: documentTitle,
      children: [
        el('h2', { text: t('instructorClass.debrief.gamesHeading') }),
        ...inParts(model, GAMES_PER_PRINTED_TABLE).map((part) => gamesTable(part)),
        el('h2', { text: chartTitle() }),
        meterFigure(scenario, record, pick.meter, chartTitle()),
        el('h2', { text: t('instructorClass.debrief.decisionsHeading') }),
        ...inParts(model, GAMES_PER_PRINTED_TABLE).map((part) => decisionsTable(part, sideNames)),
      ],
    },
  ];
  const teamPage = (w: TeamWork): SheetPage => ({ heading: t('instructorClass.work.team', { code: w.game, side: w.sideName }), children: [teamWorkElement(w, 'h2', true)] });
  const exportText = (name: string, text: string, type: string, said: string): void => {
    downloadText(name, text, type);
    announce(said);
  };
  const CSV = 'text/csv;charset=utf-8';

  const exports = el(
    'section',
    { class: 'panel cdeb-exports', aria: { label: t('instructorClass.debrief.exports') } },
    el('h2', { text: t('instructorClass.debrief.exports') }),
    el(
      'div',
      { class: 'cdeb-row' },
      button({
        label: t('instructorClass.debrief.print'),
        key: 'cdeb:print',
        onPress: () => {
          openClassSheets(classPages(), language, documentTitle, printed('cdeb:print'));
          announce(t('report.announce.opened'));
        },
      }),
      button({
        label: t('instructorClass.debrief.metersCsv'),
        key: 'cdeb:meters',
        onPress: () => exportText(fileName(record, 'meters', 'csv'), classMetersCsv(scenario, record, language), CSV, t('report.announce.csv')),
      }),
      button({
        label: t('instructorClass.debrief.recordJson'),
        key: 'cdeb:json',
        onPress: () => exportText(fileName(record, '', 'json'), classRecordJson(scenario, record, new Date().toISOString()), 'application/json', t('report.announce.json')),
      }),
      button({
        label: t('instructorClass.debrief.gradebook'),
        key: 'cdeb:gradebook',
        onPress: () => exportText(fileName(record, 'gradebook', 'csv'), gradebookCsv(work), CSV, t('instructorClass.debrief.exported')),
      }),
      button({
        label: t('instructorClass.debrief.allWork'),
        key: 'cdeb:work',
        onPress: () => exportText(fileName(record, 'work', 'csv'), workCsv(work), CSV, t('instructorClass.debrief.exported')),
      }),
      button({
        label: t('instructorClass.debrief.printTeams'),
        key: 'cdeb:print-teams',
        disabled: work.length === 0,
        onPress: () => {
          openClassSheets(work.map(teamPage), language, documentTitle, printed('cdeb:print-teams'));
          announce(t('report.announce.opened'));
        },
      }),
    ),
  );

  const wide = (label: string, child: HTMLElement, key: string): HTMLElement => {
    const region = scrollRegion(label, child);
    region.classList.add('cdeb-wide');
    region.dataset.key = key;
    return region;
  };

  // One meter in every game: the picker draws the chart again in place.
  const figure = el('div', { class: 'cdeb-figure' }, meterFigure(scenario, record, pick.meter, chartTitle()));
  const chartHeading = el('h2', { text: chartTitle() });
  const meterSelect = el('select', { class: 'field-input', data: { key: 'cdeb:meter' } });
  meterSelect.append(...model.meters.map((m) => Object.assign(el('option', { text: m.label }), { value: m.id })));
  meterSelect.value = pick.meter;
  meterSelect.addEventListener('change', () => {
    pick.meter = meterSelect.value;
    chartHeading.textContent = chartTitle();
    figure.replaceChildren(meterFigure(scenario, record, pick.meter, chartTitle()));
    announce(chartTitle());
  });

  // The work of one team at a time; the picker draws it again in place.
  const teamSlot = el('div', { class: 'cdeb-team' }, team ? teamWorkElement(team) : el('p', { class: 'muted', text: t('instructorClass.work.noTeams') }));
  const teamSelect = el('select', { class: 'field-input', data: { key: 'cdeb:team' } });
  teamSelect.append(...work.map((w) => Object.assign(el('option', { text: t('instructorClass.work.team', { code: w.game, side: w.sideName }) }), { value: teamKey(w) })));
  teamSelect.value = pick.team;
  teamSelect.disabled = work.length === 0;
  teamSelect.addEventListener('change', () => {
    pick.team = teamSelect.value;
    const w = work.find((x) => teamKey(x) === pick.team);
    if (w) teamSlot.replaceChildren(teamWorkElement(w));
  });
  const current = (): TeamWork | undefined => work.find((w) => teamKey(w) === pick.team);

  frame(
    [
      exports,
      el(
        'section',
        { class: 'panel cdeb-section', aria: { label: t('instructorClass.debrief.gamesHeading') } },
        el('h2', { text: t('instructorClass.debrief.gamesHeading') }),
        wide(t('instructorClass.debrief.gamesHeading'), gamesTable(model), 'scroll:cdeb-games'),
      ),
      el(
        'section',
        { class: 'panel cdeb-section', aria: { label: t('instructorClass.debrief.meterHeading') } },
        chartHeading,
        el('label', { class: 'field cdeb-picker' }, el('span', { class: 'field-label', text: t('instructorClass.debrief.meterPicker') }), meterSelect),
        figure,
      ),
      el(
        'section',
        { class: 'panel cdeb-section', aria: { label: t('instructorClass.debrief.decisionsHeading') } },
        el('h2', { text: t('instructorClass.debrief.decisionsHeading') }),
        model.turns.length
          ? wide(t('instructorClass.debrief.decisionsHeading'), decisionsTable(model, sideNames), 'scroll:cdeb-decisions')
          : el('p', { class: 'muted', text: t('instructorClass.work.noTurns') }),
      ),
      el(
        'section',
        { class: 'panel cdeb-section', aria: { label: t('instructorClass.work.heading') } },
        el('h2', { text: t('instructorClass.work.heading') }),
        el('p', { class: 'setup-intro', text: t('instructorClass.work.intro') }),
        el('label', { class: 'field cdeb-picker' }, el('span', { class: 'field-label', text: t('instructorClass.work.picker') }), teamSelect),
        el(
          'div',
          { class: 'cdeb-row' },
          button({
            label: t('instructorClass.work.printTeam'),
            key: 'cdeb:print-team',
            disabled: work.length === 0,
            onPress: () => {
              const w = current();
              if (!w) return;
              openClassSheets([teamPage(w)], language, documentTitle, printed('cdeb:print-team'));
              announce(t('report.announce.opened'));
            },
          }),
          button({
            label: t('instructorClass.work.exportTeam'),
            key: 'cdeb:export-team',
            disabled: work.length === 0,
            onPress: () => {
              const w = current();
              if (w) exportText(fileName(record, `${w.game}-${w.side}`, 'csv'), workCsv([w]), CSV, t('instructorClass.debrief.exported'));
            },
          }),
        ),
        teamSlot,
      ),
    ],
    [],
  );
  announce(t('instructorClass.debrief.heading', { code: c.code }));
};

/**
 * The class debrief's parts as DOM, the same on the screen and on paper: the games side by side, the
 * decisions by turn across the games, one meter in every game on one chart (the single game's
 * debrief's chart, one line per game), and a team's work to grade. Built with createElement and
 * textContent only: scenario text and the teams' memos are text.
 */
import type { ClassRecord } from '../../class/instructor';
import type { Scenario } from '../../engine/model';
import { t } from '../../i18n';
import type { ClassDebriefModel } from '../present/classDebrief';
import { meterAcrossGames } from '../present/classDebrief';
import { formatNumber } from '../present/names';
import type { TeamWork } from '../present/teamWork';
import { el } from '../kit';
import { legendSwatch, meterChart } from './chart';

function cells(tag: 'th' | 'td', texts: readonly string[], scope?: 'col' | 'row'): HTMLElement[] {
  return texts.map((text) => {
    const cell = el(tag, { text });
    if (scope) cell.setAttribute('scope', scope);
    return cell;
  });
}

function table(caption: string, head: readonly string[], rows: readonly HTMLTableRowElement[], className: string): HTMLTableElement {
  return el(
    'table',
    { class: `class-table ${className}` },
    el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, ...cells('th', head, 'col'))),
    el('tbody', {}, ...rows),
  );
}

function row(heading: string, ...data: HTMLElement[]): HTMLTableRowElement {
  const th = el('th', { text: heading });
  th.setAttribute('scope', 'row');
  return el('tr', {}, th, ...data);
}

/** Columns are the games; rows the ending, each side's result, each meter at the end, the arguments that moved the game most. */
export function gamesTable(model: ClassDebriefModel): HTMLTableElement {
  const games = model.games;
  const sides = games[0]?.sides ?? [];
  return table(
    t('instructorClass.debrief.gamesHeading'),
    ['', ...games.map((g) => t('instructorClass.debrief.game', { code: g.code }))],
    [
      row(t('instructorClass.debrief.ending'), ...games.map((g) => el('td', { text: g.ending }))),
      ...sides.map((s, i) => row(s.name, ...games.map((g) => el('td', { text: g.sides[i]?.result || '–' })))),
      ...model.meters.map((m, i) => row(m.label, ...games.map((g) => el('td', { class: 'class-number', text: g.meters[i]?.text ?? '–' })))),
      row(
        t('instructorClass.debrief.arguments'),
        ...games.map((g) => el('td', {}, g.arguments.length ? el('ol', { class: 'class-arguments' }, ...g.arguments.map((a) => el('li', { text: a }))) : '–')),
      ),
    ],
    'class-games-table',
  );
}

/** Rows are turns, columns the games; each cell what both sides decided that turn. */
export function decisionsTable(model: ClassDebriefModel, sideNames: Readonly<Record<'tokyo' | 'seoul', string>>): HTMLTableElement {
  return table(
    t('instructorClass.debrief.decisionsHeading'),
    [t('instructorClass.debrief.turnColumn'), ...model.games.map((g) => t('instructorClass.debrief.game', { code: g.code }))],
    model.turns.map((r) =>
      row(
        t('play.debrief.timelineTurn', { turn: r.turn }),
        ...r.cells.map((c) =>
          el(
            'td',
            {},
            ...(c.played
              ? (['tokyo', 'seoul'] as const).map((side) =>
                  el('p', {
                    class: `class-decided side-${side}`,
                    text: t('play.debrief.timelineSide', { side: sideNames[side], list: c.decisions[side].join(t('report.punctuation.list')) || t('play.debrief.nothing') }),
                  }),
                )
              : [el('span', { class: 'muted', text: t('instructorClass.debrief.notPlayed') })]),
          ),
        ),
      ),
    ),
    'class-decisions-table',
  );
}

/** One meter in every game of the class: one line per game, the legend naming each game with its line's look. */
export function meterFigure(scenario: Scenario, record: ClassRecord, meterId: string, label: string): HTMLElement {
  const across = meterAcrossGames(scenario, record, meterId);
  return el(
    'figure',
    { class: 'class-figure' },
    meterChart(across.lines, across.xLabels, [], label),
    el('ul', { class: 'class-legend' }, ...across.lines.map((line, i) => el('li', {}, legendSwatch(i), el('span', { text: t('instructorClass.debrief.game', { code: line.id }) })))),
  );
}

/**
 * A team's work: its memos by turn, its answers (with each question's guide, for the instructor), its
 * decisions, the essays its play cited. Headed by the team's name unless the page already is (`named`).
 */
export function teamWorkElement(work: TeamWork, headingLevel: 'h2' | 'h3' = 'h3', named = false): HTMLElement {
  const sub = headingLevel === 'h2' ? 'h3' : 'h4';
  const memos = work.memos.length
    ? el(
        'ol',
        { class: 'class-memos' },
        ...work.memos.map((m) => el('li', {}, el('p', { class: 'class-label', text: t('play.debrief.timelineTurn', { turn: m.turn }) }), el('p', { class: 'class-memo', text: m.text }))),
      )
    : el('p', { class: 'muted', text: t('instructorClass.work.noMemos') });
  const answers = el(
    'ol',
    { class: 'class-answers' },
    ...work.answers.map((a) =>
      el(
        'li',
        {},
        el('p', { class: 'class-question', text: a.text }),
        a.choices.length ? el('ul', { class: 'class-choices' }, ...a.choices.map((c) => el('li', { text: `${c.label}) ${c.text}`, class: a.chose?.id === c.id ? 'class-chosen' : '' }))) : null,
        a.chose
          ? el('p', {
              class: `class-answer${a.correct === true ? ' class-right' : a.correct === false ? ' class-wrong' : ''}`,
              text: t(a.correct === null ? 'instructorClass.work.chose' : a.correct ? 'instructorClass.work.choseRight' : 'instructorClass.work.choseWrong', {
                choice: `${a.chose.label}) ${a.chose.text}`,
              }),
            })
          : null,
        a.written ? el('p', { class: 'class-answer class-written', text: a.written }) : null,
        a.answered ? null : el('p', { class: 'muted', text: t('instructorClass.work.noAnswer') }),
        a.guide ? el('p', { class: 'class-guide', text: t('instructorClass.work.guide', { guide: a.guide }) }) : null,
      ),
    ),
  );
  const decisions = work.decisions.length
    ? el(
        'ul',
        { class: 'class-team-decisions' },
        ...work.decisions.map((d) =>
          el('li', { text: t('common.labelled', { label: t('play.debrief.timelineTurn', { turn: d.turn }), text: d.titles.join(t('report.punctuation.list')) || t('play.debrief.nothing') }) }),
        ),
      )
    : el('p', { class: 'muted', text: t('instructorClass.work.noTurns') });
  const essays = work.essays.length
    ? el(
        'ul',
        { class: 'class-essays' },
        ...work.essays.map((e) => el('li', { text: t('instructorClass.work.essay', { essay: e.words, decisions: formatNumber(e.byDecisions), rules: formatNumber(e.byRules) }) })),
      )
    : el('p', { class: 'muted', text: t('instructorClass.work.noEssays') });
  return el(
    'article',
    { class: 'class-team' },
    named ? null : el(headingLevel, { text: t('instructorClass.work.team', { code: work.game, side: work.sideName }) }),
    el('p', {
      class: 'class-score',
      text: t('instructorClass.work.score', {
        memos: work.memos.length,
        answered: work.answers.filter((a) => a.answered).length,
        questions: work.answers.length,
        correct: work.choiceScore.correct,
        of: work.choiceScore.of,
      }),
    }),
    el(sub, { text: t('instructorClass.work.memos') }),
    memos,
    el(sub, { text: t('instructorClass.work.answers') }),
    work.answers.length ? answers : el('p', { class: 'muted', text: t('report.questions.none') }),
    el(sub, { text: t('instructorClass.work.decisions') }),
    decisions,
    el(sub, { text: t('instructorClass.work.essays') }),
    el('p', { class: 'muted', text: t('instructorClass.work.essaysNote') }),
    essays,
  );
}

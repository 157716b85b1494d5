/**
 * The printable class debrief: a document page laid over the game, built with createElement and
 * textContent only (scenario text is text). On screen it reads as a page with "Back to the game" and
 * "Print / save as PDF"; under @media print (src/style.css, report part) only the page is printed,
 * black on white, without the canvas or the buttons. Escape or Back returns to the game.
 */
import { t } from '../../i18n';
import { legendSwatch, meterChart } from './chart';
import { isOpen, openOverlay, type Overlay } from './overlay';
import type { PrintModel } from './printModel';

export const VIEW_ID = 'report-view';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function section(key: string, heading: string, ...children: Node[]): HTMLElement {
  const s = el('section', undefined, `report-section report-section-${key}`);
  const h = el('h2', heading);
  h.id = `report-h-${key}`;
  s.setAttribute('aria-labelledby', h.id);
  s.append(h, ...children);
  return s;
}

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], className: string): HTMLTableElement {
  const tableEl = el('table', undefined, className);
  tableEl.append(el('caption', caption, 'visually-hidden'));
  const thead = el('thead');
  const tr = el('tr');
  tr.append(...head.map((h) => Object.assign(el('th', h), { scope: 'col' })));
  thead.append(tr);
  const tbody = el('tbody');
  for (const row of rows) {
    const r = el('tr');
    row.forEach((cell, i) => r.append(i === 0 ? Object.assign(el('th', cell), { scope: 'row' }) : el('td', cell)));
    tbody.append(r);
  }
  tableEl.append(thead, tbody);
  return tableEl;
}

function list(tag: 'ul' | 'ol', items: readonly string[], className?: string): HTMLElement {
  const l = el(tag, undefined, className);
  l.append(...items.map((text) => el('li', text)));
  return l;
}

/** The page itself (without the toolbar), for the view and for tests. */
export function buildDebriefPage(m: PrintModel): HTMLElement {
  const page = el('article', undefined, 'report-page');

  const header = el('header', undefined, 'report-header');
  const title = el('h1', m.scenarioTitle);
  title.id = 'report-title';
  title.tabIndex = -1;
  const facts = el('dl', undefined, 'report-facts');
  for (const f of m.facts) {
    const row = el('div');
    row.append(el('dt', f.label), el('dd', f.value));
    facts.append(row);
  }
  header.append(el('p', t('report.kicker'), 'report-kicker'), title, ...(m.summary ? [el('p', m.summary, 'report-summary')] : []), facts);
  page.append(header);

  const endingChildren: Node[] = [el('p', m.ending.title, 'report-ending-title'), ...(m.ending.text ? [el('p', m.ending.text)] : []), el('p', m.ending.note, 'report-note')];
  if (m.ending.explain) endingChildren.push(el('p', m.ending.explain, 'report-explain'));
  if (m.ending.source) endingChildren.push(el('p', m.ending.source, 'report-source'));
  endingChildren.push(
    table(
      t('report.sides.heading'),
      [t('report.sides.side'), t('report.sides.player'), t('report.sides.outcome'), t('report.sides.score')],
      m.sides.map((s) => [s.name, s.player, s.outcome, s.score]),
      'report-sides',
    ),
  );
  page.append(section('ending', t('report.ending.heading'), ...endingChildren));

  const figure = el('figure', undefined, 'report-figure');
  figure.append(meterChart(m.chart.series, m.chart.xLabels, m.chart.marks, t('report.chart.heading')));
  const legend = el('ul', undefined, 'report-legend');
  m.chart.series.forEach((s, i) => {
    const li = el('li');
    li.append(legendSwatch(i), el('span', s.label, 'report-legend-label'), el('span', ` ${s.summary}`, 'report-legend-values'));
    legend.append(li);
  });
  figure.append(legend);
  const chartChildren: Node[] = [el('p', t('report.chart.note'), 'report-note'), figure];
  if (m.chart.marks.length > 0) {
    chartChildren.push(
      el('h3', t('play.debrief.keyEvents')),
      list(
        'ol',
        m.chart.marks.map((k) => t('common.labelled', { label: t('play.debrief.timelineTurn', { turn: k.turn }), text: k.title })),
        'report-marks',
      ),
    );
  }
  chartChildren.push(
    table(
      t('report.meters.heading'),
      [
        t('report.meters.meter'),
        t('report.meters.range'),
        t('report.meters.start'),
        t('report.meters.end'),
        t('report.meters.change'),
        t('report.meters.seenBy', { side: m.sides[0]!.name }),
        t('report.meters.seenBy', { side: m.sides[1]!.name }),
      ],
      m.meters.map((r) => [r.label, r.range, r.start, r.end, r.change, r.seen.tokyo, r.seen.seoul]),
      'report-meters',
    ),
  );
  page.append(section('chart', t('report.chart.heading'), ...chartChildren));

  if (m.arguments.length > 0) {
    const args = el('ol', undefined, 'report-arguments');
    for (const a of m.arguments) {
      const li = el('li');
      li.append(el('p', a.source, 'report-argument-source'), el('p', a.weight, 'report-note'));
      const causes = el('ul');
      for (const c of a.causes) {
        const item = el('li', c.title);
        if (c.explain) item.append(el('span', c.explain, 'report-explain'));
        causes.append(item);
      }
      li.append(causes);
      args.append(li);
    }
    page.append(section('arguments', t('report.arguments.heading'), el('p', t('report.arguments.note'), 'report-note'), args));
  }

  const turns: Node[] = [el('p', t('report.timeline.note'), 'report-note')];
  for (const turn of m.timeline) {
    const block = el('div', undefined, 'report-turn');
    block.append(el('h3', turn.heading));
    for (const c of turn.chose) block.append(el('p', c.text, `report-chose report-chose-${c.side}`));
    if (turn.events.length > 0) {
      block.append(el('p', t('report.timeline.events'), 'report-label'), list('ul', turn.events, 'report-events'));
    }
    if (turn.changes.length > 0) {
      block.append(el('p', t('report.timeline.changes'), 'report-label'));
      const changes = el('ul', undefined, 'report-changes');
      for (const c of turn.changes) {
        const li = el('li');
        li.append(el('span', c.cause, 'report-cause'), el('span', c.changes ? `${t('report.punctuation.colon')}${c.changes}` : ''));
        if (c.explain) li.append(el('span', c.explain, 'report-explain'));
        if (c.source) li.append(el('span', c.source, 'report-source'));
        changes.append(li);
      }
      block.append(changes);
    }
    turns.push(block);
  }
  page.append(section('timeline', t('play.debrief.timeline'), ...turns));

  page.append(
    section(
      'interventions',
      t('report.interventions.heading'),
      m.interventions.length > 0 ? list('ul', m.interventions, 'report-interventions') : el('p', t('report.interventions.none'), 'report-note'),
    ),
  );

  const questions = el('ol', undefined, 'report-questions');
  for (const q of m.questions) {
    const li = el('li');
    const space = el('div', undefined, 'report-answer');
    space.setAttribute('aria-hidden', 'true');
    li.append(el('p', q.text));
    if (q.choices.length > 0) {
      const choices = el('ol', undefined, 'report-choices');
      choices.type = 'a';
      for (const c of q.choices) choices.append(el('li', c.text));
      li.append(choices);
    }
    li.append(space);
    questions.append(li);
  }
  page.append(
    section('questions', t('report.questions.heading'), el('p', t('report.questions.note'), 'report-note'), m.questions.length > 0 ? questions : el('p', t('report.questions.none'), 'report-note')),
  );

  page.append(section('sources', t('report.sources.heading'), list('ul', m.sources, 'report-sources')));
  return page;
}

let open: Overlay | null = null;

export function printViewOpen(): boolean {
  return isOpen(open);
}

/** Shows the page over the game (src/ui/report/overlay.ts) until Back or Escape; `onClose` then gives focus back to the game. */
export function openPrintView(m: PrintModel, onClose: () => void): void {
  const root = el('div', undefined, 'report-view');
  root.id = VIEW_ID;
  root.lang = m.language;
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-modal', 'true');
  root.setAttribute('aria-labelledby', 'report-title');
  open = openOverlay(root, [buildDebriefPage(m)], { backLabel: t('report.view.back'), documentTitle: m.documentTitle, focus: '#report-title', onClose });
}

export function closePrintView(): void {
  if (isOpen(open)) open!.close();
}

/**
 * The resolution of a turn: "How Tokyo saw it / How Seoul saw it" side by side, the player's own
 * column first and outlined in gold (in hot-seat Tokyo's then Seoul's, shown to both teams). Each
 * column lists the meters over the turn, every change with its cause, argument and essay, and what
 * the other side did, and scrolls on its own. Continue (or See the debrief) goes on; Enter too.
 */
import { SIDES, type Side } from '../../engine/model';
import { saveProblemText, t } from '../../i18n';
import { cue } from '../../world/stage';
import { announce } from '../announce';
import { button, el, keyHint, scrollRegion } from '../kit';
import { gameStates, playContext } from '../play/context';
import { resolutionLines, type Line } from '../play/resolutionText';
import { endingModel, explainChanges, sideName } from '../present';
import './resolution.css';
import type { ScreenView } from './view';

/**
 * One line of the text layer (src/ui/play): headings become headings (h3 under a column's h2), the
 * rest paragraphs styled by the line's kind (resolution.css; the debrief's reading column uses it too).
 */
export function lineElement(line: Line, heading: 'h2' | 'h3' = 'h3'): HTMLElement {
  return el(line.style === 'heading' ? heading : 'p', { class: `line line-${line.style}`, text: line.text });
}

export const resolutionView: ScreenView = (root, ctx) => {
  const state = ctx.state();
  const play = playContext(state);
  const report = play?.session.reports[play.session.reports.length - 1];
  if (!play || !report) {
    root.append(el('h1', { text: t('play.resolution.heading', { turn: 0 }) }));
    return;
  }
  const { scenario, session, language, human, other } = play;
  const states = gameStates(play);
  const n = session.reports.length;
  const around = states.length > n ? { before: states[n - 1]!, after: states[n]! } : undefined;
  const ended = endingModel(scenario, session.state, language);
  const hotseat = session.mode === 'hotseat';

  const cont = (): void => ctx.actions.nextTurn();
  const menu = (): void => ctx.actions.openSettings();

  // A save that failed (a full storage) is said here, where the player is, not only on the title.
  const notice = state.notice ? saveProblemText(state.notice.problem) : undefined;
  const endedText = ended ? t('play.resolution.ended', { title: ended.title }) : undefined;

  // Hot-seat, and a class game's observer: shown to both teams together, Tokyo's account then Seoul's, each as that side saw it.
  const both = hotseat || (session.mode === 'class' && state.classGame?.seat === 'observer');
  const order: readonly Side[] = both ? SIDES : [human, other];
  const columns = order.map((side) => {
    const mine = !both && side === human;
    const label = t(mine ? 'play.resolution.sawItYou' : 'play.resolution.sawIt', { side: sideName(scenario, side, language) });
    const lines = resolutionLines(explainChanges(scenario, report, side, language, around, both ? side : human), scenario, language);
    const region = scrollRegion(label, ...lines.map((line) => lineElement(line)));
    region.classList.add('resolution-lines');
    region.dataset.key = `scroll:${side}`;
    // The player's own account takes focus first: it scrolls by the arrow keys, and Enter goes on.
    if (mine || (hotseat && side === 'tokyo')) region.dataset.autofocus = '';
    const column = el('div', { class: `panel resolution-column resolution-${side}${mine ? ' resolution-mine' : ''}` }, el('h2', { class: `side-${side}`, text: label }), region);
    return { column, lines };
  });

  root.append(
    el(
      'div',
      { class: 'resolution-layout' },
      el(
        'header',
        { class: 'resolution-head' },
        el('h1', { class: 'resolution-title', text: t('play.resolution.heading', { turn: report.turn }) }),
        hotseat ? el('p', { class: 'resolution-both muted', text: t('hotseat.resolution.both') }) : null,
        button({ label: t('play.turn.menu'), key: 'menu', variant: 'quiet', class: 'resolution-menu', onPress: menu }),
      ),
      notice || endedText
        ? el(
            'div',
            { class: 'resolution-alerts' },
            notice ? el('p', { class: 'notice', role: 'alert', text: notice }) : null,
            endedText ? el('p', { class: 'resolution-ended', role: 'alert', text: endedText }) : null,
          )
        : null,
      el('div', { class: 'resolution-columns' }, ...columns.map((c) => c.column)),
      el(
        'footer',
        { class: 'resolution-foot' },
        keyHint(t('play.resolution.keys')),
        button({ label: ended ? t('play.resolution.toDebrief') : t('play.resolution.continue'), key: 'continue', variant: 'primary', class: 'resolution-continue', onPress: cont }),
      ),
    ),
  );

  // Enter anywhere but on a control continues (a focused button presses itself); Escape opens the menu.
  // A class game's next turn can resolve while this one still shows (the observer's projector waits for no one): drawn anew.
  ctx.watch(
    (st) => st.session?.reports,
    (now) => {
      if (now && now !== session.reports) ctx.redraw();
    },
  );
  ctx.keys({ Enter: cont });
  ctx.onEscape(menu);

  // A summit both governments took: the world draws it between the capitals.
  if (report.joint.some((id) => scenario.decisions.find((d) => d.id === id)?.category === 'summit')) cue({ kind: 'arc', from: 'seoul', to: 'tokyo', what: 'summit' });

  const mine = columns[0]!.lines
    .filter((l) => l.style === 'plain')
    .slice(0, 8)
    .map((l) => l.text);
  announce([t('play.resolution.announce', { turn: report.turn, summary: mine.join(' ') }), endedText ?? ''].filter(Boolean).join(' '));
};

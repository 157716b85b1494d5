/**
 * The turn screen's right column, above End turn: the other side's proposals to accept, the events
 * that ask for an answer (one choice each), and the guide note.
 */
import { t } from '../../../i18n';
import { button, choice, el, section } from '../../kit';
import type { ProposalModel, ResponseModel, TurnModel } from '../../play/turnModel';

export function guidePanel(model: TurnModel, open: boolean, onToggle: () => void): HTMLElement | null {
  if (model.guide.length === 0) return null;
  const toggle = button({ label: open ? t('play.turn.dismissGuide') : t('play.turn.showGuide'), key: 'guide', variant: 'quiet', shortcut: 'G', onPress: onToggle });
  if (!open) return el('div', { class: 'turn-guide-closed' }, toggle);
  return section(
    t('play.turn.guide'),
    { class: 'panel turn-guide' },
    el('h2', { text: t('play.turn.guide') }),
    ...model.guide.map((g) => el('div', { class: 'turn-guide-note', role: 'note' }, g.title ? el('h3', { text: g.title }) : null, el('p', { text: g.text }))),
    toggle,
  );
}

export function proposalsSection(model: TurnModel, onToggle: (p: ProposalModel) => void): HTMLElement | null {
  if (model.proposals.length === 0) return null;
  const heading = t('play.turn.proposals', { other: model.otherName });
  return section(
    heading,
    { class: 'turn-proposals' },
    el('h2', { text: heading }),
    ...model.proposals.map((p) => {
      // One label whether accepted or not (a toggle's name stays; aria-pressed says which), its cost in it.
      const b = button({
        label: t('play.turn.acceptSpoken', { other: model.otherName, title: p.title, cost: p.cost }),
        description: t('play.turn.declineNote'),
        key: p.key,
        pressed: p.accepted,
        class: 'turn-accept',
        onPress: () => onToggle(p),
      });
      if (p.accepted) b.prepend(el('span', { class: 'turn-accept-mark', aria: { hidden: true }, text: '✓' }));
      // Like a card: pressable, so the reason it cannot be accepted is said.
      if (!p.choosable && !p.accepted) b.setAttribute('aria-disabled', 'true');
      return b;
    }),
    el('p', { class: 'turn-note', text: t('play.turn.declineNote') }),
  );
}

export function eventsSection(model: TurnModel, onAnswer: (r: ResponseModel, choiceId: string) => void): HTMLElement | null {
  if (model.responses.length === 0) return null;
  return section(
    t('play.turn.events'),
    { class: 'turn-events' },
    el('h2', { text: t('play.turn.events') }),
    ...model.responses.map((r) =>
      el(
        'div',
        { class: 'turn-event' },
        el('h3', { text: r.title }),
        el('p', { class: 'turn-event-prompt', text: r.prompt }),
        choice({
          legend: t('common.sentences', { first: t('play.turn.answerSpoken', { title: r.title }), second: r.prompt }),
          quietLegend: true,
          name: r.key,
          layout: 'column',
          value: r.chosen,
          options: r.choices.map((c) => ({ value: c.id, label: c.label, ...(c.isDefault && { detail: t('play.turn.defaultChoice') }), disabled: !c.affordable && r.chosen !== c.id })),
          onChange: (value) => onAnswer(r, value),
        }),
      ),
    ),
  );
}

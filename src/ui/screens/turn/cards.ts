/**
 * A decision card: a real toggle button (aria-pressed when chosen) named by its title, with its
 * category, cost, status line (chosen, why it cannot be chosen, joint, a proposal to accept) and
 * description printed on the card around it. The button stretches over the whole card, so a press
 * anywhere on the card is a press of the button; the card's other words are its description. A card
 * that cannot be chosen stays focusable and pressable (aria-disabled), so its reason can be read
 * and is said again when pressed.
 */
import { t } from '../../../i18n';
import { button, el } from '../../kit';
import type { CardModel } from '../../play/turnModel';

export function cardElement(card: CardModel, onPress: () => void): HTMLElement {
  const toggle = button({
    label: card.title,
    ...(card.titleLang && { lang: card.titleLang }),
    key: card.key,
    pressed: card.chosen,
    class: 'turn-card-toggle',
    description: [t('play.turn.cardSpoken', { title: card.title, category: t(`play.categoryLong.${card.category}`), cost: card.costValue }), card.status, card.description].filter(Boolean).join(' '),
    onPress,
  });
  if (!card.choosable && !card.chosen) toggle.setAttribute('aria-disabled', 'true');
  // Screen readers hear these through the button's description; on their own they would be said twice.
  return el(
    'div',
    { class: `turn-card turn-card-${card.statusKind}` },
    toggle,
    el('div', { class: 'turn-card-meta', aria: { hidden: true } }, el('span', { class: 'turn-card-category', text: card.categoryLabel }), el('span', { class: 'turn-card-cost', text: card.cost })),
    card.status ? el('p', { class: 'turn-card-status', aria: { hidden: true }, text: card.chosen ? `✓ ${card.status}` : card.status }) : null,
    card.description ? el('p', { class: 'turn-card-description', aria: { hidden: true }, text: card.description, ...(card.descriptionLang && { lang: card.descriptionLang }) }) : null,
  );
}

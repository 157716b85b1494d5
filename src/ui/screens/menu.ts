/**
 * The frame the menus share (settings, scenario list, side, class setup): the heading on top, the
 * screen's own part in the middle (it scrolls when it is longer than the window), the buttons and
 * the key hint at the bottom. The bottom row stays on screen at any text size, so Back and the way
 * on are always in reach.
 */
import { el, keyHint, type Child } from '../kit';
import './menu.css';

export interface MenuFrame {
  readonly heading: string;
  /** A line under the heading (the scenario's title). */
  readonly lead?: Child;
  readonly body: readonly Child[];
  /** The buttons: those before `primary` sit at the start of the row, `primary` at its end. */
  readonly buttons: readonly Child[];
  readonly primary?: readonly Child[];
  readonly hint: string;
  readonly class?: string;
}

export function menuFrame(o: MenuFrame): HTMLElement {
  return el(
    'div',
    { class: ['menu', o.class].filter(Boolean).join(' ') },
    el('header', { class: 'menu-head' }, el('h1', { text: o.heading }), o.lead),
    // A plain scrolling box, not a focusable region: what is in it is controls, which take the focus and bring themselves into view.
    el('div', { class: 'menu-body scroll' }, ...o.body),
    el('footer', { class: 'menu-foot' }, el('div', { class: 'menu-buttons' }, ...o.buttons, o.primary?.length ? el('div', { class: 'menu-primary' }, ...o.primary) : null), keyHint(o.hint)),
  );
}

/**
 * The screens' building blocks: real, visible DOM elements laid out by CSS (src/ui/base.css). Every
 * control exists once, here; pointers, keyboards, screen readers and tests all use the same element.
 * Text is always set with textContent: author text is text, never markup.
 */
import { playSound } from '../audio/sound';

export type Child = Node | string | null | undefined | false;

export interface Attrs {
  readonly class?: string;
  readonly id?: string;
  readonly lang?: string;
  readonly role?: string;
  /** Visible text (textContent). */
  readonly text?: string;
  /** aria-* attributes, without the prefix ({ label: '…' } sets aria-label). */
  readonly aria?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** data-* attributes, without the prefix. */
  readonly data?: Readonly<Record<string, string | undefined>>;
  readonly tabIndex?: number;
  readonly hidden?: boolean;
  readonly title?: string;
}

/** An element with attributes and children (strings become text nodes, falsy children are skipped). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs.class) node.className = attrs.class;
  if (attrs.id) node.id = attrs.id;
  if (attrs.lang) node.lang = attrs.lang;
  if (attrs.role) node.setAttribute('role', attrs.role);
  if (attrs.title) node.title = attrs.title;
  if (attrs.tabIndex !== undefined) node.tabIndex = attrs.tabIndex;
  if (attrs.hidden) node.hidden = true;
  for (const [k, v] of Object.entries(attrs.aria ?? {})) if (v !== undefined) node.setAttribute(`aria-${k}`, String(v));
  for (const [k, v] of Object.entries(attrs.data ?? {})) if (v !== undefined) node.dataset[k] = v;
  if (attrs.text !== undefined) node.textContent = attrs.text;
  append(node, ...children);
  return node;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) if (child !== null && child !== undefined && child !== false) parent.append(child);
}

let uid = 0;
/** A page-unique id, for label/description links. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${++uid}`;
}

export interface ButtonOptions {
  readonly label: string;
  readonly onPress: () => void;
  /** primary: the screen's main way on; quiet: a secondary action; danger: cannot be taken back. */
  readonly variant?: 'primary' | 'normal' | 'quiet' | 'danger';
  /** Names the control for focus restoring across a redraw (data-key), and for tests. */
  readonly key?: string;
  readonly disabled?: boolean;
  /** A toggle button's state (aria-pressed). */
  readonly pressed?: boolean;
  /** Read after the label by screen readers. */
  readonly description?: string;
  /** The name screen readers say when the visible label alone is ambiguous ("Fire" → "Fire the event: …"). */
  readonly spokenLabel?: string;
  /** A keyboard shortcut shown on the button (aria-keyshortcuts too), e.g. 'E'. */
  readonly shortcut?: string;
  readonly class?: string;
  readonly lang?: string;
  /** Plays the click sound (default true). */
  readonly sound?: boolean;
}

/** The one button: a <button type="button"> with the game's looks and the click sound. */
export function button(o: ButtonOptions): HTMLButtonElement {
  const b = el('button', { class: ['btn', `btn-${o.variant ?? 'normal'}`, o.class].filter(Boolean).join(' '), ...(o.lang && { lang: o.lang }), data: { key: o.key } });
  b.type = 'button';
  b.append(el('span', { class: 'btn-label', text: o.label }));
  if (o.shortcut) {
    b.append(el('kbd', { class: 'btn-key', text: o.shortcut, aria: { hidden: true } }));
    b.setAttribute('aria-keyshortcuts', o.shortcut);
  }
  if (o.disabled) b.disabled = true;
  if (o.pressed !== undefined) b.setAttribute('aria-pressed', String(o.pressed));
  if (o.spokenLabel) b.setAttribute('aria-label', o.spokenLabel);
  if (o.description) describe(b, o.description);
  b.addEventListener('click', () => {
    if (b.disabled) return;
    if (o.sound !== false) playSound('click');
    o.onPress();
  });
  return b;
}

/** Changes a kit button's visible label in place (focus stays on it). */
export function setButtonLabel(b: HTMLButtonElement, label: string): void {
  const span = b.querySelector('.btn-label');
  if (span) span.textContent = label;
}

/** Links a visually hidden description to a control (aria-describedby), read after its name. */
export function describe(control: HTMLElement, description: string): HTMLElement {
  // Hidden from the name computation (a button is named by its content, which holds the note): read only as the description.
  const note = el('span', { id: uniqueId('desc'), class: 'visually-hidden', text: description, aria: { hidden: true } });
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
  control.append(note);
  return note;
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  /** What follows the label in the card, visible (a line, or a few blocks); screen readers read it as the option's description. */
  readonly detail?: string | Node;
  readonly disabled?: boolean;
  /** The label's language, when not the interface's (scenario text shown in English on a ja screen). */
  readonly lang?: string;
  readonly detailLang?: string;
}

export interface ChoiceOptions {
  readonly legend: string;
  /** The radio group's name (and the data-key of each option: `${name}:${value}`). */
  readonly name: string;
  readonly options: readonly ChoiceOption[];
  readonly value: string | null;
  readonly onChange: (value: string) => void;
  /** Hides the legend visually (the screen's heading already says it); screen readers still read it. */
  readonly quietLegend?: boolean;
  /** row: options side by side (wrapping); column: one under another; grid: cards. */
  readonly layout?: 'row' | 'column' | 'grid';
  readonly class?: string;
}

/** One choice out of several: a fieldset of real radio buttons, each option a visible, clickable card. */
export function choice(o: ChoiceOptions): HTMLFieldSetElement {
  const set = el('fieldset', { class: ['choice', `choice-${o.layout ?? 'row'}`, o.class].filter(Boolean).join(' ') });
  set.append(el('legend', { class: o.quietLegend ? 'visually-hidden' : 'choice-legend', text: o.legend }));
  const list = el('div', { class: 'choice-options' });
  for (const option of o.options) {
    const input = el('input', { data: { key: `${o.name}:${option.value}` } });
    input.type = 'radio';
    input.name = o.name;
    input.value = option.value;
    input.checked = option.value === o.value;
    input.disabled = option.disabled ?? false;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      playSound('click');
      o.onChange(option.value);
    });
    // The detail is the option's description, not part of its name: a radio is named by its label alone ("Lead Tokyo").
    const detail = option.detail ? el('span', { class: 'choice-detail', id: uniqueId('detail'), aria: { hidden: true }, ...(option.detailLang && { lang: option.detailLang }) }, option.detail) : null;
    if (detail) input.setAttribute('aria-describedby', detail.id);
    const text = el('span', { class: 'choice-text' }, el('span', { class: 'choice-label', text: option.label, ...(option.lang && { lang: option.lang }) }), detail);
    list.append(el('label', { class: 'choice-option' }, input, text));
  }
  set.append(list);
  return set;
}

/** Sets a choice group's checked option without rebuilding it (focus and screen-reader position stay). */
export function setChoice(set: HTMLFieldSetElement, value: string | null): void {
  for (const input of set.querySelectorAll<HTMLInputElement>('input[type="radio"]')) input.checked = input.value === value;
}

export interface ToggleOptions {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly key?: string;
  readonly detail?: string;
}

/** An on/off setting: a real checkbox drawn as a switch. */
export function toggle(o: ToggleOptions): HTMLLabelElement {
  const input = el('input', { class: 'switch-input', data: { key: o.key } });
  input.type = 'checkbox';
  input.checked = o.checked;
  input.setAttribute('role', 'switch');
  input.addEventListener('change', () => {
    playSound('click');
    o.onChange(input.checked);
  });
  // As with a choice's option, the detail describes the switch; its name is the label alone.
  const detail = o.detail ? el('span', { class: 'field-detail', id: uniqueId('detail'), text: o.detail, aria: { hidden: true } }) : null;
  if (detail) input.setAttribute('aria-describedby', detail.id);
  return el('label', { class: 'switch' }, input, el('span', { class: 'switch-track', aria: { hidden: true } }), el('span', { class: 'switch-text' }, el('span', { text: o.label }), detail));
}

/** Sets a switch on or off without rebuilding it (a change made elsewhere, e.g. a reload's settings). */
export function setToggle(control: HTMLElement, checked: boolean): void {
  const input = control.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (input) input.checked = checked;
}

export interface RangeOptions {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly value: number;
  /** The value as shown and spoken ("70%"). */
  readonly valueText: (value: number) => string;
  readonly onChange: (value: number) => void;
  readonly key?: string;
}

/** A slider (a real range input) with its value shown beside it. */
export function range(o: RangeOptions): HTMLLabelElement {
  const input = el('input', { class: 'range-input', data: { key: o.key } });
  input.type = 'range';
  input.min = String(o.min);
  input.max = String(o.max);
  input.step = String(o.step);
  input.value = String(o.value);
  const shown = el('output', { class: 'range-value', aria: { hidden: true } });
  const show = (value: number): void => {
    shown.textContent = o.valueText(value);
    input.setAttribute('aria-valuetext', o.valueText(value));
  };
  show(o.value);
  input.addEventListener('input', () => {
    const value = Number(input.value);
    show(value);
    o.onChange(value);
  });
  const control = el('label', { class: 'range' }, el('span', { class: 'field-label', text: o.label }), input, shown);
  rangeShows.set(control, (value) => {
    input.value = String(value);
    show(value);
  });
  return control;
}

const rangeShows = new WeakMap<Element, (value: number) => void>();

/** Moves a slider to `value` without rebuilding it or calling its onChange (the value came from elsewhere). */
export function setRange(control: HTMLElement, value: number): void {
  rangeShows.get(control)?.(value);
}

export interface TextFieldOptions {
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly onEnter?: () => void;
  readonly detail?: string;
  readonly key?: string;
  readonly inputMode?: 'text' | 'numeric';
  readonly maxLength?: number;
  /** Masks what is typed (a PIN on a shared projector) and keeps the browser from offering to remember it. */
  readonly secret?: boolean;
  readonly multiline?: boolean;
}

/** A labelled text field (one line, or several). */
export function textField(o: TextFieldOptions): HTMLLabelElement {
  const input = o.multiline ? el('textarea', { class: 'field-input', data: { key: o.key } }) : el('input', { class: 'field-input', data: { key: o.key } });
  if (input instanceof HTMLInputElement) {
    input.type = o.secret ? 'password' : 'text';
    input.autocomplete = o.secret ? 'new-password' : 'off';
    if (o.inputMode) input.inputMode = o.inputMode;
  }
  input.value = o.value;
  input.spellcheck = false;
  if (o.maxLength !== undefined) input.maxLength = o.maxLength;
  input.addEventListener('input', () => o.onInput(input.value));
  input.addEventListener('keydown', (event) => {
    if (!(event instanceof KeyboardEvent) || event.key !== 'Enter' || !o.onEnter || event.isComposing || o.multiline) return;
    event.preventDefault();
    o.onEnter();
  });
  const detail = o.detail ? el('span', { class: 'field-detail', id: uniqueId('detail'), text: o.detail }) : null;
  if (detail) input.setAttribute('aria-describedby', detail.id);
  return el('label', { class: 'field' }, el('span', { class: 'field-label', text: o.label }), input, detail);
}

export interface FileButtonOptions extends Omit<ButtonOptions, 'onPress'> {
  readonly accept: string;
  readonly onFile: (file: File) => void;
}

/** A button that opens the browser's file chooser (the input itself stays out of sight and out of the tab order). */
export function fileButton(o: FileButtonOptions): HTMLElement {
  const input = el('input', { class: 'visually-hidden', tabIndex: -1, aria: { hidden: true } });
  input.type = 'file';
  input.accept = o.accept;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) o.onFile(file);
  });
  const b = button({ ...o, onPress: () => input.click() });
  return el('span', { class: 'file-button' }, b, input);
}

/**
 * A region of long text that scrolls natively. It is focusable (tabindex 0) so keyboard users can
 * scroll it with the arrow keys, and named for screen readers.
 */
export function scrollRegion(label: string, ...children: Child[]): HTMLElement {
  return el('section', { class: 'scroll', tabIndex: 0, aria: { label } }, ...children);
}

/** A named section (a landmark-like group screen readers can jump to). */
export function section(label: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  return el('section', { ...attrs, aria: { label, ...attrs.aria } }, ...children);
}

/** A key hint line: which keys do what on this screen. */
export function keyHint(text: string): HTMLElement {
  return el('p', { class: 'key-hint', text });
}

/** Offers text to the player as a file download (a save to keep, an export); `type` is its MIME type. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

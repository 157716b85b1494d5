/**
 * The accessible DOM layer: a real document structure that mirrors what the canvas shows, for
 * keyboard users, screen readers and end-to-end tests. Text is always set with textContent.
 *
 * A screen describes its mirror as data (headings, paragraphs, buttons, radio groups, ranges,
 * lists…); `renderScreen` builds it, focuses the first control when the screen changes (or the
 * same control again when a screen is redrawn), and routes Escape to the screen's `onEscape`.
 * Every control carries a `key` (data-key) so the canvas can draw its focus ring on the twin widget.
 */

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html is missing #${id}`);
  return el;
}

export interface RadioOption {
  readonly value: string;
  readonly label: string;
  /** Read after the label by screen readers. */
  readonly description?: string;
  readonly disabled?: boolean;
}

export type MirrorItem =
  | { readonly kind: 'heading'; readonly text: string; readonly level?: 1 | 2 | 3; readonly lang?: string }
  /** `key` names a paragraph whose text the screen changes in place (setText), e.g. a turn timer. */
  | { readonly kind: 'text'; readonly text: string; readonly lang?: string; readonly role?: 'alert' | 'note'; readonly key?: string }
  | { readonly kind: 'list'; readonly label: string; readonly items: readonly string[] }
  | {
      readonly kind: 'button';
      readonly key: string;
      readonly label: string;
      readonly description?: string;
      readonly disabled?: boolean;
      readonly onActivate: () => void;
    }
  | {
      readonly kind: 'radio';
      readonly key: string;
      readonly legend: string;
      readonly value: string | null;
      readonly options: readonly RadioOption[];
      readonly onChange: (value: string) => void;
    }
  | {
      readonly kind: 'range';
      readonly key: string;
      readonly label: string;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly value: number;
      /** What a screen reader says for the value ("70%"). */
      readonly valueText: (value: number) => string;
      readonly onChange: (value: number) => void;
    }
  | { readonly kind: 'checkbox'; readonly key: string; readonly label: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void }
  /**
   * A one-line text field (a PIN, a written reason). Its canvas twin draws what is typed (as dots
   * when `secret`); clicking the twin focuses this field, which receives the keys.
   */
  | {
      readonly kind: 'textbox';
      readonly key: string;
      readonly label: string;
      readonly value: string;
      /** Read after the label by screen readers (what the field is for, what it accepts). */
      readonly description?: string;
      /** The on-screen keyboard a touch device offers ('numeric' for a PIN). */
      readonly inputMode?: 'text' | 'numeric';
      readonly maxLength?: number;
      /** Masks what is typed (a PIN on a shared projector) and keeps the browser from offering to remember it. */
      readonly secret?: boolean;
      readonly onInput: (value: string) => void;
      /** Enter pressed in the field (e.g. to submit a PIN). */
      readonly onEnter?: () => void;
    }
  /** A button that opens the browser's file chooser and hands the chosen file's text over. */
  | ({ readonly kind: 'file'; readonly key: string; readonly label: string; readonly accept: string } & (
      | { readonly onText: (text: string) => void; readonly onError: (message: string) => void }
      /** The chosen file itself (its name and bytes), for a reader that decodes it on its own terms. */
      | { readonly onFile: (file: File) => void }
    ))
  /** A focusable region of long text; arrow keys and Page Up/Down scroll its canvas twin. */
  | { readonly kind: 'scroll'; readonly key: string; readonly label: string; readonly children: readonly MirrorItem[]; readonly onScroll: (step: ScrollStep) => void }
  | { readonly kind: 'group'; readonly label: string; readonly children: readonly MirrorItem[] };

export type ScrollStep = 'line-up' | 'line-down' | 'page-up' | 'page-down' | 'top' | 'bottom';

export interface ScreenMirror {
  /** Names the screen: redrawing the same screen keeps the focused control focused. */
  readonly name: string;
  readonly items: readonly MirrorItem[];
  /** What Escape does on this screen (usually: back). */
  readonly onEscape?: () => void;
  /** The control focused when the screen opens, when it is not the first one (the choice most people make here). */
  readonly initialFocus?: string;
}

/** Lets a screen update its mirror in place (no rebuild, so focus and screen-reader position stay). */
export interface MirrorHandle {
  element(key: string): HTMLElement | undefined;
  setDisabled(key: string, disabled: boolean): void;
  setChecked(key: string, checked: boolean): void;
  setRadio(key: string, value: string | null): void;
  setRange(key: string, value: number): void;
  /** Sets a textbox's text (when it differs, so the caret stays put while typing). */
  setValue(key: string, value: string): void;
  /** Replaces the text of a keyed paragraph. */
  setText(key: string, text: string): void;
}

let current: { name: string; onEscape?: () => void } | null = null;
/** The key focused when the previous screen was cleared, to focus it again if the same screen returns. */
let remembered: { name: string; key: string } | null = null;
let escapeInstalled = false;

function installEscape(): void {
  if (escapeInstalled) return;
  escapeInstalled = true;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !current?.onEscape) return;
    event.preventDefault();
    current.onEscape();
  });
}

function focusedKey(): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.closest('#a11y-content')) return null;
  return active.dataset.key ?? null;
}

/** Removes whatever the previous screen put into the layer (remembering which control had focus). */
export function clearScreen(): void {
  const key = focusedKey();
  remembered = current && key ? { name: current.name, key } : null;
  current = null;
  byId('a11y-content').replaceChildren();
}

/** Builds a screen's mirror in the DOM layer and focuses its first control (or the one focused before). */
export function renderScreen(screen: ScreenMirror): MirrorHandle {
  installEscape();
  const keepKey = focusedKey() ?? (remembered?.name === screen.name ? remembered.key : null);
  const sameScreen = current?.name === screen.name || remembered?.name === screen.name;
  remembered = null;
  current = { name: screen.name, ...(screen.onEscape && { onEscape: screen.onEscape }) };

  const root = byId('a11y-content');
  root.replaceChildren(...screen.items.map(build));

  const keyed = (key: string): HTMLElement | undefined =>
    root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) ?? undefined;
  const target = (sameScreen && keepKey ? keyed(keepKey) : undefined) ?? (screen.initialFocus ? keyed(screen.initialFocus) : undefined) ?? firstControl(root);
  target?.focus({ preventScroll: true });

  return {
    element: keyed,
    setDisabled: (key, disabled) => {
      const el = keyed(key);
      if (el instanceof HTMLButtonElement || el instanceof HTMLInputElement) el.disabled = disabled;
    },
    setChecked: (key, checked) => {
      const el = keyed(key);
      if (el instanceof HTMLInputElement) el.checked = checked;
      else if (el) el.setAttribute('aria-pressed', String(checked));
    },
    setRadio: (key, value) => {
      for (const input of root.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(key)}"]`)) {
        input.checked = input.value === value;
      }
    },
    setRange: (key, value) => {
      const el = keyed(key);
      if (el instanceof HTMLInputElement && Number(el.value) !== value) el.value = String(value);
    },
    setValue: (key, value) => {
      const el = keyed(key);
      if (el instanceof HTMLInputElement && el.value !== value) el.value = value;
    },
    setText: (key, text) => {
      const el = keyed(key);
      if (el && !(el instanceof HTMLInputElement) && el.textContent !== text) el.textContent = text;
    },
  };
}

function firstControl(root: HTMLElement): HTMLElement | undefined {
  // A radio group is entered at its checked option, as Tab would.
  for (const el of root.querySelectorAll<HTMLElement>('button, input, select, [tabindex="0"]')) {
    if ((el as HTMLButtonElement).disabled || el.getAttribute('tabindex') === '-1') continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) {
      const group = root.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]`);
      if ([...group].some((r) => r.checked)) continue;
    }
    return el;
  }
  return undefined;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, lang?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (lang) el.lang = lang;
  return el;
}

let uid = 0;
const nextId = (prefix: string): string => `${prefix}-${++uid}`;

function describe(el: HTMLElement, description: string | undefined): HTMLElement[] {
  if (!description) return [el];
  const note = element('span', description);
  note.id = nextId('desc');
  note.className = 'visually-hidden';
  el.setAttribute('aria-describedby', note.id);
  return [el, note];
}

function build(item: MirrorItem): HTMLElement {
  switch (item.kind) {
    case 'heading':
      return element(`h${item.level ?? 2}`, item.text, item.lang);
    case 'text': {
      const p = element('p', item.text, item.lang);
      if (item.role) p.setAttribute('role', item.role);
      if (item.key) p.dataset.key = item.key;
      return p;
    }
    case 'list': {
      const section = element('section');
      section.setAttribute('aria-label', item.label);
      const list = element('ul');
      list.append(...item.items.map((text) => element('li', text)));
      section.append(list);
      return section;
    }
    case 'button': {
      const button = element('button', item.label);
      button.type = 'button';
      button.dataset.key = item.key;
      button.disabled = item.disabled ?? false;
      button.addEventListener('click', () => item.onActivate());
      const wrap = element('div');
      wrap.append(...describe(button, item.description));
      return wrap;
    }
    case 'radio': {
      const fieldset = element('fieldset');
      fieldset.append(element('legend', item.legend));
      for (const option of item.options) {
        const input = element('input');
        input.type = 'radio';
        input.name = item.key;
        input.value = option.value;
        input.checked = option.value === item.value;
        input.disabled = option.disabled ?? false;
        input.dataset.key = `${item.key}:${option.value}`;
        input.addEventListener('change', () => {
          if (input.checked) item.onChange(option.value);
        });
        const label = element('label');
        const [, note] = describe(input, option.description);
        label.append(input, element('span', option.label));
        fieldset.append(label, ...(note ? [note] : []));
      }
      return fieldset;
    }
    case 'range': {
      const label = element('label');
      const input = element('input');
      input.type = 'range';
      input.min = String(item.min);
      input.max = String(item.max);
      input.step = String(item.step);
      input.value = String(item.value);
      input.dataset.key = item.key;
      input.setAttribute('aria-valuetext', item.valueText(item.value));
      input.addEventListener('input', () => {
        const value = Number(input.value);
        input.setAttribute('aria-valuetext', item.valueText(value));
        item.onChange(value);
      });
      label.append(element('span', item.label), input);
      return label;
    }
    case 'checkbox': {
      const label = element('label');
      const input = element('input');
      input.type = 'checkbox';
      input.checked = item.checked;
      input.dataset.key = item.key;
      input.addEventListener('change', () => item.onChange(input.checked));
      label.append(input, element('span', item.label));
      return label;
    }
    case 'textbox': {
      const label = element('label');
      const input = element('input');
      input.type = item.secret ? 'password' : 'text';
      input.value = item.value;
      input.dataset.key = item.key;
      input.autocomplete = item.secret ? 'new-password' : 'off';
      input.spellcheck = false;
      if (item.inputMode) input.inputMode = item.inputMode;
      if (item.maxLength !== undefined) input.maxLength = item.maxLength;
      input.addEventListener('input', () => item.onInput(input.value));
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' || !item.onEnter || event.isComposing) return;
        event.preventDefault();
        item.onEnter();
      });
      const [, note] = describe(input, item.description);
      label.append(element('span', item.label), input);
      if (!note) return label;
      const wrap = element('div');
      wrap.append(label, note);
      return wrap;
    }
    case 'file': {
      const wrap = element('div');
      const input = element('input');
      input.type = 'file';
      input.accept = item.accept;
      input.tabIndex = -1;
      input.className = 'visually-hidden';
      // The button is the control people and assistive technology use; the input only opens the chooser.
      input.setAttribute('aria-hidden', 'true');
      input.dataset.fileFor = item.key;
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        input.value = '';
        if (!file) return;
        if ('onFile' in item) item.onFile(file);
        else file.text().then(item.onText, (error: unknown) => item.onError(error instanceof Error ? error.message : String(error)));
      });
      const button = element('button', item.label);
      button.type = 'button';
      button.dataset.key = item.key;
      button.addEventListener('click', () => input.click());
      wrap.append(button, input);
      return wrap;
    }
    case 'scroll': {
      const region = element('section');
      region.tabIndex = 0;
      region.dataset.key = item.key;
      region.setAttribute('aria-label', item.label);
      region.addEventListener('keydown', (event) => {
        const step = SCROLL_KEYS[event.key];
        if (!step) return;
        event.preventDefault();
        item.onScroll(step);
      });
      region.append(...item.children.map(build));
      return region;
    }
    case 'group': {
      const section = element('section');
      section.setAttribute('aria-label', item.label);
      section.append(...item.children.map(build));
      return section;
    }
  }
}

const SCROLL_KEYS: Record<string, ScrollStep> = {
  ArrowUp: 'line-up',
  ArrowDown: 'line-down',
  PageUp: 'page-up',
  PageDown: 'page-down',
  Home: 'top',
  End: 'bottom',
};

/** Offers text to the player as a file download (a save to keep, an export); `type` is its MIME type. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Opens the file chooser of a `file` item (for its canvas twin). */
export function openFileChooser(key: string): void {
  document.querySelector<HTMLInputElement>(`input[data-file-for="${CSS.escape(key)}"]`)?.click();
}

/** Clicks a mirrored control (for its canvas twin, so both paths run the same handler). */
export function activate(key: string): void {
  const el = document.querySelector<HTMLElement>(`#a11y-content [data-key="${CSS.escape(key)}"]`);
  el?.click();
}

/** Moves keyboard focus to a mirrored control (after a canvas click, so Tab continues from there). */
export function focusControl(key: string): void {
  document.querySelector<HTMLElement>(`#a11y-content [data-key="${CSS.escape(key)}"]`)?.focus({ preventScroll: true });
}

/** Calls `listener` with the key of the focused mirrored control (null when none has focus). */
export function onFocusChange(listener: (key: string | null) => void): () => void {
  const layer = byId('a11y');
  let listening = true;
  const changed = (): void => {
    if (listening) listener(focusedKey());
  };
  // focusout fires before the next focusin; wait a tick so a move between controls reports once
  // (and not at all once unsubscribed: a scene that has shut down must not hear it).
  const left = (): void => void setTimeout(changed, 0);
  layer.addEventListener('focusin', changed);
  layer.addEventListener('focusout', left);
  return () => {
    listening = false;
    layer.removeEventListener('focusin', changed);
    layer.removeEventListener('focusout', left);
  };
}

/** Shows the DOM layer itself while a control with no canvas twin has focus, so focus stays visible. */
export function revealLayer(reveal: boolean): void {
  byId('a11y').classList.toggle('reveal', reveal);
}

let lastInput: 'keyboard' | 'pointer' = 'keyboard';
let inputTracked = false;

/** Was the last input a key press? (The canvas focus ring is drawn for keyboard users only.) */
export function keyboardInUse(): boolean {
  if (!inputTracked) {
    inputTracked = true;
    document.addEventListener('keydown', () => (lastInput = 'keyboard'), true);
    document.addEventListener('pointerdown', () => (lastInput = 'pointer'), true);
  }
  return lastInput === 'keyboard';
}

let announceTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Says something through the polite live region. The region is emptied first and filled on the
 * next tick so that repeating the same message is announced again.
 */
export function announce(message: string): void {
  const region = byId('announcer');
  region.textContent = '';
  if (announceTimer !== undefined) clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/** Replaces the loading message (or removes it once the game is ready). */
export function setLoadingMessage(message: string | null): void {
  const el = document.getElementById('loading');
  if (!el) return;
  if (message === null) el.remove();
  else el.textContent = message;
}

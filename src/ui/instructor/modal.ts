/**
 * A modal dialog's manners for the instructor panel: focus moves in when it opens and back where it
 * was when it closes, Tab and Shift+Tab stay inside, Escape closes, and no key pressed inside
 * reaches the game's own shortcuts underneath (E ends a turn, Enter continues…). The rest of the
 * page is made inert while it is open, so neither pointer nor keyboard can act on the game.
 */
import { inApp } from '../appRoot';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

export interface Modal {
  open(focus?: HTMLElement | null): void;
  close(): void;
  readonly isOpen: boolean;
}

/**
 * `root` is the dialog element (role dialog, aria-modal); `layer` the element shown and hidden with
 * it (the backdrop holding it); `onEscape` asks to close (the store decides); `onToggleKey` is the
 * shortcut that opened it, pressed again inside.
 */
export function modal(root: HTMLElement, layer: HTMLElement, onEscape: () => void, isToggleKey: (event: KeyboardEvent) => boolean): Modal {
  let opener: HTMLElement | null = null;
  let isOpen = false;

  root.addEventListener('keydown', (event) => {
    // The game listens on the document: nothing typed in the panel may reach it.
    event.stopPropagation();
    if (event.key === 'Escape' || isToggleKey(event)) {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (items.length === 0) return event.preventDefault();
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !root.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !root.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  });
  // A click that lands outside (on the backdrop) must not move focus out of the dialog.
  layer.addEventListener('mousedown', (event) => {
    if (event.target === layer) event.preventDefault();
  });

  return {
    get isOpen() {
      return isOpen;
    },
    open(focus) {
      if (!isOpen) {
        const active = document.activeElement;
        opener = active instanceof HTMLElement && active !== document.body && !root.contains(active) ? active : null;
        layer.hidden = false;
        isOpen = true;
      }
      (focus ?? root.querySelector<HTMLElement>(FOCUSABLE) ?? root).focus({ preventScroll: true });
    },
    close() {
      if (!isOpen) return;
      isOpen = false;
      const hadFocus = root.contains(document.activeElement);
      layer.hidden = true;
      if (!hadFocus) return;
      // Back where focus was; if that control is gone (the screen changed), to the screen's first control.
      const back = opener?.isConnected && !opener.closest('[inert]') ? opener : inApp(FOCUSABLE);
      opener = null;
      back?.focus({ preventScroll: true });
    },
  };
}

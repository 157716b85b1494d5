/**
 * Focus order against visual order: Tab through the page from its start and check that each
 * control focused next lies where a reader goes next — further down, or on the same row to the
 * right, or at the top of a column to the right of the previous one (a screen of columns read
 * one after another). Going back up within a column, or leftwards along a row, is a problem.
 *
 * Positions are compared in the frame of the nearest scrolling box both controls share, unscrolled
 * (focus scrolls a list as it moves down it, so the window's coordinates would lie); a control in a
 * scrolling box is compared with one outside it through the box itself.
 */
import type { Page } from 'playwright-core';

export interface FocusStop {
  readonly name: string;
  readonly tag: string;
}

/** Tabs through the whole page once; returns the controls in the order they took focus (kept in the page for `focusOrderProblems`). */
export async function tabThrough(page: Page, limit = 120): Promise<FocusStop[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __e2eFocus: Element[]; __e2eFocusLog: EventTarget[]; __e2eFocusListen?: (e: FocusEvent) => void };
    w.__e2eFocus = [];
    w.__e2eFocusLog = [];
    // Tab goes on from where focus last was (even after a blur): start it from a mark at the very
    // top of the page that Tab itself never stops at, out of the layout.
    const start = document.createElement('span');
    start.id = 'e2e-focus-start';
    start.tabIndex = -1;
    start.style.position = 'fixed';
    document.body.prepend(start);
    start.focus();
    w.__e2eFocusListen = (e: FocusEvent) => void (e.target instanceof Element && e.target !== start && w.__e2eFocusLog.push(e.target));
    document.addEventListener('focusin', w.__e2eFocusListen, true);
  });
  // A few presses between looks: each look is a round trip to a page that may be busy.
  for (let pressed = 0; pressed < limit;) {
    for (let i = 0; i < 4; i++, pressed++) await page.keyboard.press('Tab');
    const around = await page.evaluate(() => {
      const log = (window as unknown as { __e2eFocusLog: EventTarget[] }).__e2eFocusLog;
      const active = document.activeElement;
      return !active || active === document.body || active.id === 'e2e-focus-start' || new Set(log).size < log.length;
    });
    if (around) break;
  }
  return page.evaluate(() => {
    const w = window as unknown as { __e2eFocus: Element[]; __e2eFocusLog: Element[]; __e2eFocusListen?: (e: FocusEvent) => void };
    if (w.__e2eFocusListen) document.removeEventListener('focusin', w.__e2eFocusListen, true);
    document.getElementById('e2e-focus-start')?.remove();
    const order: Element[] = [];
    for (const el of w.__e2eFocusLog) {
      if (order.includes(el)) break;
      order.push(el);
    }
    w.__e2eFocus = order;
    return order.map((el) => ({
      name: (el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || '')).replace(/\s+/g, ' ').trim().slice(0, 60),
      tag: el.tagName.toLowerCase(),
    }));
  });
}

/** After `tabThrough`: each step that goes against the visual order, as a sentence. */
export async function focusOrderProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const order = (window as unknown as { __e2eFocus: Element[] }).__e2eFocus;
    const TOL = 4;
    const scrolls = (el: Element): boolean => {
      const s = getComputedStyle(el);
      return /auto|scroll/.test(s.overflowX) || /auto|scroll/.test(s.overflowY);
    };
    /** The scrolling boxes around `el`, innermost first. */
    const scrollers = (el: Element): Element[] => {
      const found: Element[] = [];
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) if (scrolls(a)) found.push(a);
      return found;
    };
    interface Box {
      left: number;
      top: number;
      right: number;
      bottom: number;
    }
    /** `el`'s box in `frame`'s content, unscrolled (frame null: the page). */
    const boxIn = (el: Element, frame: Element | null): Box => {
      const r = el.getBoundingClientRect();
      let dx = 0;
      let dy = 0;
      for (const s of scrollers(el)) {
        if (s === frame) break;
        // Inside a nested scrolling box: undo its scrolling too.
        dx += s.scrollLeft;
        dy += s.scrollTop;
      }
      const origin = frame ? frame.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
      const sx = frame ? frame.scrollLeft : 0;
      const sy = frame ? frame.scrollTop : 0;
      return { left: r.left - origin.left + sx + dx, top: r.top - origin.top + sy + dy, right: r.right - origin.left + sx + dx, bottom: r.bottom - origin.top + sy + dy };
    };
    const name = (el: Element): string => {
      const label = el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.tagName.toLowerCase());
      const t = label.replace(/\s+/g, ' ').trim();
      return `'${t.length > 40 ? `${t.slice(0, 39)}…` : t}'`;
    };
    const problems: string[] = [];
    for (let i = 1; i < order.length; i++) {
      const a = order[i - 1]!;
      const b = order[i]!;
      if (a.contains(b) || b.contains(a)) continue;
      const sa = scrollers(a);
      const sb = scrollers(b);
      const common = sa.find((s) => s.contains(b)) ?? null;
      // Each side as seen from the common frame: itself, or the outermost scrolling box it sits in below that frame.
      const rep = (el: Element, chain: Element[]): Element => {
        const below = common ? chain.slice(0, chain.indexOf(common)) : chain;
        return below.length > 0 ? below[below.length - 1]! : el;
      };
      const ra = rep(a, sa);
      const rb = rep(b, sb);
      if (ra === rb || ra.contains(rb) || rb.contains(ra)) continue;
      // A radio group is one stop, whichever option is checked: compare the groups.
      const unit = (el: Element): Element => (el instanceof HTMLInputElement && el.type === 'radio' ? (el.closest('fieldset, [role="radiogroup"]') ?? el) : el);
      const A = boxIn(unit(ra), common);
      const B = boxIn(unit(rb), common);
      const overlapY = Math.min(A.bottom, B.bottom) - Math.max(A.top, B.top);
      const sameRow = overlapY > Math.min(A.bottom - A.top, B.bottom - B.top) / 2;
      const overlapX = Math.min(A.right, B.right) - Math.max(A.left, B.left) > TOL;
      let wrong = '';
      if (sameRow) {
        if (B.left < A.left - TOL && B.right <= A.right) wrong = 'left along the same row';
      } else if (B.top < A.top - TOL) {
        // Upwards is right only into a column further right.
        if (overlapX || B.left < A.left) wrong = 'back up the screen';
      }
      if (wrong) problems.push(`Tab goes from ${name(a)} (at ${Math.round(A.left)},${Math.round(A.top)}) ${wrong} to ${name(b)} (at ${Math.round(B.left)},${Math.round(B.top)})`);
    }
    return problems;
  });
}

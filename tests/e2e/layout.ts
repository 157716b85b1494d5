/**
 * The layout checker the screens test runs on every screen, in the page: what a person would see go
 * wrong when a language's words are longer or the text is larger than the screen was drawn for.
 *
 *  (a) two visible controls whose boxes overlap (a click meant for one lands on the other);
 *  (b) a control out of reach: outside the viewport, or cut off by a box that hides its overflow,
 *      unless it lies inside a scrolling container's scrollable area;
 *  (c) text that overflows its box (a box that hides or scrolls its overflow and is too narrow for
 *      it, or a line of text that runs outside its block), or text cut short (an ellipsis, a line
 *      clamp, a box that hides what does not fit);
 *  (d) a word broken across two lines mid-word (Latin words everywhere, Korean words where the page
 *      keeps them whole): one word whose characters lie on two lines.
 *
 * Problems come back as sentences naming the controls and where they are, e.g. "the button 'End
 * turn' overlaps the radio 'Accept the proposal' at 1040,610 (120×24)". Run it with `layoutProblems(page)`.
 * The checker is one self-contained function (page.evaluate sends its source to the page): it may
 * call nothing from this module.
 */
import type { Page } from 'playwright-core';

export interface LayoutOptions {
  /** Only elements inside this element are checked (default: the whole page). */
  readonly root?: string;
}

/** Every layout problem on the page as it is now, as sentences (empty when the screen is clean). */
export async function layoutProblems(page: Page, options: LayoutOptions = {}): Promise<string[]> {
  return page.evaluate(checkLayoutInPage, options);
}

/** Runs in the page. Self-contained: everything it uses is defined inside it. */
export function checkLayoutInPage(options: LayoutOptions): string[] {
  const problems: string[] = [];
  const root = (options.root ? document.querySelector(options.root) : document.body) ?? document.body;
  const viewport = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
  /** Sub-pixel layout and anti-aliasing: edges may touch or cross by this much. */
  const EPS = 1.5;

  interface Box {
    left: number;
    top: number;
    right: number;
    bottom: number;
  }

  const style = (el: Element): CSSStyleDeclaration => getComputedStyle(el);
  const round = (n: number): number => Math.round(n);
  const boxOf = (r: DOMRect | Box): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const intersect = (a: Box, b: Box): Box => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
  const at = (b: Box): string => `${round(b.left)},${round(b.top)} (${round(b.right - b.left)}×${round(b.bottom - b.top)})`;
  const clipsX = (s: CSSStyleDeclaration): boolean => s.overflowX !== 'visible';
  const clipsY = (s: CSSStyleDeclaration): boolean => s.overflowY !== 'visible';
  const scrollsAxis = (v: string): boolean => v === 'auto' || v === 'scroll';
  const quote = (text: string): string => {
    const t = text.replace(/\s+/g, ' ').trim();
    return `'${t.length > 48 ? `${t.slice(0, 47)}…` : t}'`;
  };

  /** Its text without the parts screen readers skip and nobody sees (a hidden description, a shortcut's key cap). */
  const visibleText = (el: Element): string => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('.visually-hidden, [aria-hidden="true"], input, select, textarea').forEach((n) => n.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  };

  const roleOf = (el: Element): string => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit;
    if (el instanceof HTMLInputElement) {
      if (el.type === 'radio') return 'radio';
      if (el.type === 'checkbox') return 'checkbox';
      if (el.type === 'range') return 'slider';
      if (el.type === 'file') return 'file input';
      return 'text field';
    }
    if (el instanceof HTMLTextAreaElement) return 'text field';
    if (el instanceof HTMLSelectElement) return 'list box';
    if (el instanceof HTMLButtonElement) return 'button';
    if (el instanceof HTMLAnchorElement) return 'link';
    if (el instanceof HTMLLabelElement) {
      const input = el.querySelector('input, select, textarea');
      return input ? roleOf(input) : 'label';
    }
    if (el.getAttribute('tabindex') === '0') return el.getAttribute('aria-label') ? 'scroll region' : 'focusable element';
    return el.tagName.toLowerCase();
  };

  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
      const own = el.labels?.[0];
      if (own) return visibleText(own);
    }
    return visibleText(el) || el.getAttribute('title') || el.getAttribute('placeholder') || el.getAttribute('data-key') || '';
  };

  const describe = (el: Element): string => `the ${roleOf(el)} ${quote(nameOf(el))}`;

  /** Rendered and not hidden by visibility, opacity, inert or a visually-hidden clip (1 px boxes). */
  const shown = (el: Element): boolean => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    if (el.closest('[inert]')) return false;
    for (let a: Element | null = el; a; a = a.parentElement) {
      const r = a.getBoundingClientRect();
      if ((r.width <= 1 || r.height <= 1) && (style(a).overflow !== 'visible' || a.classList.contains('visually-hidden'))) return false;
      const s = style(a);
      if (s.clipPath.startsWith('inset(50%') || s.clip === 'rect(0px, 0px, 0px, 0px)') return false;
    }
    return true;
  };

  /**
   * The ancestors that can clip `el` (those on its chain of containing blocks: an absolutely
   * positioned box escapes a static ancestor's overflow, a fixed one all but a transformed ancestor's).
   */
  const clippingAncestors = (el: Element): Element[] => {
    const found: Element[] = [];
    let position = style(el).position;
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const s = style(a);
      const establishes = s.transform !== 'none' || s.filter !== 'none' || s.perspective !== 'none' || /paint|layout|strict|content/.test(s.contain);
      const containing = position === 'fixed' ? establishes : position === 'absolute' ? s.position !== 'static' || establishes : true;
      if (!containing) continue;
      if (clipsX(s) || clipsY(s)) found.push(a);
      position = s.position;
    }
    return found;
  };

  /** The part of `el`'s box not clipped away by its ancestors (empty when scrolled out of view). */
  const visiblePart = (el: Element): Box => {
    let b = boxOf(el.getBoundingClientRect());
    for (const a of clippingAncestors(el)) {
      const r = a.getBoundingClientRect();
      const s = style(a);
      const inner = { left: r.left + a.clientLeft, top: r.top + a.clientTop, right: r.left + a.clientLeft + a.clientWidth, bottom: r.top + a.clientTop + a.clientHeight };
      b = intersect(b, { left: clipsX(s) ? inner.left : -Infinity, right: clipsX(s) ? inner.right : Infinity, top: clipsY(s) ? inner.top : -Infinity, bottom: clipsY(s) ? inner.bottom : Infinity });
    }
    return intersect(b, viewport);
  };

  // ---- (a) and (b): the controls ----
  const INTERACTIVE = 'button, input:not([type="hidden"]), select, textarea, a[href], [tabindex="0"], label';
  const controls = [...root.querySelectorAll(INTERACTIVE)].filter((el) => {
    if (el instanceof HTMLLabelElement && !el.querySelector('input, select, textarea')) return false;
    // A control inside a label is checked through its label (the card a person clicks).
    if (!(el instanceof HTMLLabelElement) && el.closest('label') && el.closest('label') !== el) return false;
    return shown(el);
  });

  const parts = controls.map((el) => ({ el, part: visiblePart(el) }));
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const a = parts[i]!;
      const b = parts[j]!;
      // A scroll region holds its own controls; a label holds its input.
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const overlap = intersect(a.part, b.part);
      if (overlap.right - overlap.left > EPS && overlap.bottom - overlap.top > EPS) problems.push(`${describe(a.el)} overlaps ${describe(b.el)} at ${at(overlap)}`);
    }
  }

  for (const el of controls) {
    let b = boxOf(el.getBoundingClientRect());
    let where = '';
    for (const a of clippingAncestors(el)) {
      const r = a.getBoundingClientRect();
      const s = style(a);
      const inner = { left: r.left + a.clientLeft, top: r.top + a.clientTop, right: r.left + a.clientLeft + a.clientWidth, bottom: r.top + a.clientTop + a.clientHeight };
      // A scrollable axis lets the control be scrolled into view if it lies within the scrollable area;
      // from there on, what matters is where the scrolling box itself is.
      const area = { left: inner.left - a.scrollLeft, top: inner.top - a.scrollTop, right: inner.left - a.scrollLeft + a.scrollWidth, bottom: inner.top - a.scrollTop + a.scrollHeight };
      const x = scrollsAxis(s.overflowX) ? { from: area.left, to: area.right, scrolls: true } : clipsX(s) ? { from: inner.left, to: inner.right, scrolls: false } : null;
      const y = scrollsAxis(s.overflowY) ? { from: area.top, to: area.bottom, scrolls: true } : clipsY(s) ? { from: inner.top, to: inner.bottom, scrolls: false } : null;
      const outX = x && (b.left < x.from - EPS || b.right > x.to + EPS);
      const outY = y && (b.top < y.from - EPS || b.bottom > y.to + EPS);
      if (outX || outY) {
        where = `cut off by ${a.id ? `#${a.id}` : `the ${a.tagName.toLowerCase()}${a.className && typeof a.className === 'string' ? `.${a.className.trim().split(/\s+/).join('.')}` : ''}`} (overflow ${s.overflowX}/${s.overflowY}) at ${at(boxOf(el.getBoundingClientRect()))}`;
        break;
      }
      // Scrolled into view, the control sits somewhere inside the scrolling box's window.
      if (x?.scrolls) b = { ...b, left: inner.left, right: inner.left + Math.min(b.right - b.left, inner.right - inner.left) };
      if (y?.scrolls) b = { ...b, top: inner.top, bottom: inner.top + Math.min(b.bottom - b.top, inner.bottom - inner.top) };
    }
    if (!where && (b.left < viewport.left - EPS || b.top < viewport.top - EPS || b.right > viewport.right + EPS || b.bottom > viewport.bottom + EPS)) {
      where = `outside the ${viewport.right}×${viewport.bottom} window at ${at(boxOf(el.getBoundingClientRect()))}`;
    }
    if (where) problems.push(`${describe(el)} is ${where}`);
  }

  // ---- (c) text that overflows or is cut ----
  const FORM = 'input, select, textarea, option, canvas, svg, img, video';
  const textOf = (el: Element): string => visibleText(el);
  for (const el of [root, ...root.querySelectorAll('*')]) {
    // A box holding a picture (the world's canvas) may be wider than its text: only text boxes are judged here.
    if (el.matches(FORM) || !(el instanceof HTMLElement) || el.querySelector('canvas, img, svg, video') || !textOf(el) || !shown(el)) continue;
    const s = style(el);
    const cutWords = `${quote(textOf(el))} in the ${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const box = el.getBoundingClientRect();
    if (clipsX(s) && s.textOverflow === 'ellipsis') {
      problems.push(`the text ${cutWords} is cut with an ellipsis (text-overflow: ellipsis) at ${at(box)}`);
      continue;
    }
    if (s.webkitLineClamp && s.webkitLineClamp !== 'none') {
      problems.push(`the text ${cutWords} is clamped to ${s.webkitLineClamp} lines at ${at(box)}`);
      continue;
    }
    if (clipsX(s) && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`the text ${cutWords} is wider than its box (${el.scrollWidth} px in ${el.clientWidth}, overflow-x ${s.overflowX}) at ${at(box)}`);
      continue;
    }
    if (clipsY(s) && !scrollsAxis(s.overflowY) && el.scrollHeight > el.clientHeight + 1) {
      problems.push(`the text ${cutWords} is taller than its box and cut (${el.scrollHeight} px in ${el.clientHeight}, overflow-y ${s.overflowY}) at ${at(box)}`);
    }
  }

  /** The text's nearest ancestor that is a box of its own (not an inline span). */
  const blockOf = (node: Node): Element | null => {
    for (let a = node.parentElement; a; a = a.parentElement) {
      const d = style(a).display;
      if (d !== 'inline' && d !== 'contents') return a;
    }
    return null;
  };

  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || !n.textContent?.trim() || parent.closest(`${FORM}, script, style, noscript`) || !shown(parent)) continue;
    texts.push(n as Text);
  }

  // Word by word (a space hanging at a line's end may stick out of its box; a word may not), and the
  // same words' line boxes show a word broken across two lines.
  // (d): Latin words never break inside (unless forced by a box too narrow), in any language's text;
  // Korean words do not where the page keeps them whole (word-break: keep-all). Japanese breaks
  // between any two characters by design, so it is not checked. Tokens with a hyphen, a slash, an
  // @, an underscore, a dot between letters or a soft hyphen may break legitimately and are skipped.
  const LATIN = /[A-Za-z\u00C0-\u024F0-9]+(?:['’][A-Za-z\u00C0-\u024F]+)*/g;
  const HANGUL = /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]+/g;
  const rectsOf = (text: Text, from: number, to: number): DOMRect[] => {
    const range = document.createRange();
    range.setStart(text, from);
    range.setEnd(text, to);
    return [...range.getClientRects()].filter((r) => r.width > 0);
  };
  const blockName = (el: Element): string => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  for (const text of texts) {
    const content = text.textContent ?? '';
    const block = blockOf(text);
    const b = block?.getBoundingClientRect();
    // A block that hides or scrolls its overflow on an axis was judged above, as a box (scrollWidth).
    const blockStyle = block ? style(block) : null;
    const freeX = !blockStyle || !clipsX(blockStyle);
    const freeY = !blockStyle || !clipsY(blockStyle);
    const parentStyle = style(text.parentElement!);
    const fontSize = parseFloat(parentStyle.fontSize) || 16;
    const lineHeight = parentStyle.lineHeight === 'normal' ? fontSize * 1.2 : parseFloat(parentStyle.lineHeight);
    const keepAll = parentStyle.wordBreak === 'keep-all';
    let overflowReported = false;
    for (const token of content.matchAll(/\S+/g)) {
      const word = token[0];
      if (block && b && !overflowReported) {
        for (const r of rectsOf(text, token.index, token.index + word.length)) {
          // A glyph box may be taller than the line it sits on (tall fonts at a tight line height).
          const slack = Math.max(EPS, (r.height - lineHeight) / 2 + EPS);
          if ((freeX && (r.left < b.left - EPS || r.right > b.right + EPS)) || (freeY && (r.top < b.top - slack || r.bottom > b.bottom + slack))) {
            problems.push(`the text ${quote(word)} (in ${quote(content)}) runs outside its ${blockName(block)} (${at(boxOf(b))}) at ${at(r)}`);
            overflowReported = true;
            break;
          }
        }
      }
      if (/[-/@_\u00AD\u2010\u2011]|\w\.\w|:\/\//.test(word)) continue;
      const runs = [...word.matchAll(LATIN), ...(keepAll ? [...word.matchAll(HANGUL)] : [])];
      for (const run of runs) {
        if (run[0].length < 2) continue;
        const start = token.index + run.index;
        const lines: DOMRect[] = [];
        for (const r of rectsOf(text, start, start + run[0].length)) if (!lines.some((l) => Math.abs(l.top - r.top) < Math.min(l.height, r.height) / 2)) lines.push(r);
        if (lines.length > 1) problems.push(`the word ${quote(run[0])} is broken across lines at ${round(lines[0]!.left)},${round(lines[0]!.top)} (in ${quote(content)})`);
      }
    }
  }

  return problems;
}

/**
 * The interface's own words, for the browser tests that find controls by their translated names
 * and check that a screen speaks the reader's language (its headings and controls in its script).
 */
import type { Page } from 'playwright-core';
import type { Language } from '../../src/engine/model';
import { RESOURCES } from '../../src/i18n/tables';

/** The script a reader of the language reads: kana or kanji for Japanese, hangul for Korean. */
export const SCRIPT: Record<'ja' | 'ko', RegExp> = { ja: /[\u3040-\u30ff\u4e00-\u9fff]/, ko: /[\uac00-\ud7a3]/ };
/** The game's name, and each language under its own name (the settings' language choice). */
const SAME_IN_EVERY_LANGUAGE = new Set(['Close Yet Distant', 'English', '日本語', '한국어']);

/** A string of the interface table of `lang`, by its dotted key (with {{params}} filled in). */
export function words(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = RESOURCES[lang].translation;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no string ${key} in the ${lang} table`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}

/** The names of the screen's headings, buttons, radio buttons and named regions, as read out. */
export async function screenNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.getElementById('app')!;
    /** What is read out as its name: its label, or its own text without a shortcut's key cap or a hidden description. */
    const name = (el: Element): string => {
      const label = el.getAttribute('aria-label');
      if (label) return label;
      const source = el instanceof HTMLInputElement && el.labels?.[0] ? el.labels[0] : el;
      const copy = source.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"], .visually-hidden, input').forEach((n) => n.remove());
      return copy.textContent ?? '';
    };
    return [...root.querySelectorAll('h1, h2, h3, button, input[type="radio"], legend, [aria-label]')].map((el) => name(el).trim()).filter(Boolean);
  });
}

/** Those of the screen's names (headings, controls, regions) that are not in the language's script. */
export async function notInScript(page: Page, lang: 'ja' | 'ko'): Promise<string[]> {
  const names = await screenNames(page);
  if (names.length === 0) return ['(the screen has no headings or controls to read)'];
  return names.filter((n) => !SCRIPT[lang].test(n) && !SAME_IN_EVERY_LANGUAGE.has(n));
}

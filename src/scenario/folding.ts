/**
 * YAML joins the lines of a multi-line scalar (a folded `>` block, or a plain or quoted string over
 * several lines) with a space. Japanese does not write spaces between words: in a `ja` text, a
 * space between two Japanese characters that came from a line break of the file is not the
 * author's. (Korean writes spaces between words, so `ko` text is left as it is.)
 */
import { isScalar, visit, type Document } from 'yaml';

// Japanese, CJK punctuation and full-width forms: the characters Japanese text runs together.
const JAPANESE = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff01-\\uff60\\u30fc]';
// Japanese writes numbers into the sentence too ("2015年12月").
const FOLDED_SPACE = new RegExp(`(${JAPANESE}) (?=${JAPANESE}|\\d)|(\\d) (?=${JAPANESE})`, 'gu');

export function withoutFoldedSpaces(text: string): string {
  return text.includes(' ') ? text.replace(FOLDED_SPACE, '$1$2') : text;
}

/** Rejoins the `ja` texts written over several lines of `source` (literal `|` blocks keep their line breaks). */
export function unfoldJapanese(doc: Document, source: string): void {
  visit(doc, {
    Pair(_, pair) {
      const { key, value } = pair;
      if (!isScalar(key) || key.value !== 'ja' || !isScalar(value) || typeof value.value !== 'string' || value.type === 'BLOCK_LITERAL') return;
      const range = value.range;
      if (range && source.slice(range[0], range[1]).includes('\n')) value.value = withoutFoldedSpaces(value.value);
    },
  });
}

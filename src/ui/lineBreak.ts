/**
 * Line breaking for canvas text, by the rules of the language it is written in (Phaser's own wrap
 * breaks only at spaces, and cuts a Japanese sentence anywhere):
 * - Japanese: between any two characters of Japanese script, except where kinsoku forbids it —
 *   no line starts with closing brackets, 、。, prolonged sound marks or small kana, and none ends
 *   with an opening bracket; Latin words and numbers inside Japanese stay whole, and a number
 *   keeps the counter after it (2019年).
 * - Korean: at spaces only, words kept whole (CSS `word-break: keep-all`).
 * - English: at spaces.
 * In every language a word longer than the whole line is split where it must (between
 * characters), so nothing ever runs out of its box. Spaces at a break are dropped. Pure:
 * measuring is passed in.
 */

export type BreakRules = 'ja' | 'ko' | 'en';

/** How wide a piece of text is drawn, in the same unit as the width. */
export type Measure = (text: string) => number;

/** Characters a Japanese line must not start with (closing punctuation, small kana, ー and the like). */
const NO_LINE_START = new Set([
  ...'、。，．,.：；:;？！?!‼⁇⁈⁉・･…‥ー〜～ｰ゛゜ヽヾゝゞ々〻',
  ...')]}）］｝〕〉》」』】〙〗〟’”｠»',
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｯｬｭｮ',
  ...'%％‰℃°′″',
]);

/** Characters a Japanese line must not end with (opening brackets and quotes). */
const NO_LINE_END = new Set([...'([{（［｛〔〈《「『【〘〖〝‘“｟«']);

/** Kana, kanji, CJK punctuation and full-width forms: text that may break between any two characters. */
const JAPANESE_SCRIPT = /[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

const DIGIT = /[0-9０-９]/u;

/**
 * May a Japanese line break between `before` and `after`? Yes where either is Japanese script
 * (so Latin words and numbers inside Japanese stay whole), unless kinsoku forbids it.
 */
function japaneseBreakAllowed(before: string, after: string): boolean {
  if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
  // The two-character dashes and ellipses (――, ……) are one mark.
  if (before === after && (before === '―' || before === '…' || before === '‥')) return false;
  // A number keeps its counter or unit: 2019年, 12ターン, 3件 stay on one line.
  if (DIGIT.test(before) && JAPANESE_SCRIPT.test(after)) return false;
  return JAPANESE_SCRIPT.test(before) || JAPANESE_SCRIPT.test(after);
}

/** A piece of a paragraph no line may break inside, and the spaces after it (dropped at a line's end). */
interface Piece {
  text: string;
  space: string;
}

/**
 * Splits a paragraph into the pieces between which `rules` let a line break. Spaces a paragraph
 * starts with are a piece of their own (an indent kept on its first line).
 */
function pieces(paragraph: string, rules: BreakRules): Piece[] {
  const out: Piece[] = [];
  let current: Piece | undefined;
  let previous = '';
  for (const ch of paragraph) {
    const space = ch === ' ' || ch === '\t';
    if (space && current && current.text.trim() !== '') {
      current.space += ' ';
    } else if (space) {
      current ??= out[out.push({ text: '', space: '' }) - 1]!;
      current.text += ch;
    } else if (current === undefined || current.space !== '' || current.text.trim() === '' || (rules === 'ja' && japaneseBreakAllowed(previous, ch))) {
      current = { text: ch, space: '' };
      out.push(current);
    } else {
      current.text += ch;
    }
    previous = ch;
  }
  return out;
}

/** The longest start of `text` (at least one character) that fits `width`. */
function fittingStart(text: string, width: number, measure: Measure): string {
  const chars = [...text];
  let low = 1;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('')) <= width) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('');
}

/** Breaks one paragraph (no newlines) into lines of at most `width`. */
function breakParagraph(paragraph: string, width: number, measure: Measure, rules: BreakRules): string[] {
  const lines: string[] = [];
  let line = '';
  let pendingSpace = '';
  const queue = pieces(paragraph, rules);
  let i = 0;
  while (i < queue.length) {
    const piece = queue[i]!;
    const candidate = line === '' ? piece.text : line + pendingSpace + piece.text;
    if (measure(candidate) <= width) {
      line = candidate;
      pendingSpace = piece.space;
      i++;
    } else if (line !== '') {
      // The piece starts the next line; the spaces before it are dropped.
      lines.push(line);
      line = '';
      pendingSpace = '';
    } else {
      // A piece wider than a whole line: it is split where it must be, the rest tried again.
      const start = fittingStart(piece.text, width, measure);
      lines.push(start);
      const rest = piece.text.slice(start.length);
      if (rest !== '') queue[i] = { text: rest, space: piece.space };
      else i++;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Breaks `text` into lines no wider than `width` (as `measure` says), keeping its own line breaks. */
export function breakLines(text: string, width: number, measure: Measure, rules: BreakRules): string[] {
  return text.split(/\r?\n/).flatMap((paragraph) => breakParagraph(paragraph, width, measure, rules));
}

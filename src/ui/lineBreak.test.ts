import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, type BreakRules } from './lineBreak';

/** One unit per character, like a monospaced CJK font: widths are character counts. */
const perCharacter = (text: string): number => [...text].length;

describe('breakLines in English', () => {
  it('breaks at spaces and drops the spaces at each break', () => {
    expect(breakLines('the quick brown fox jumps', 10, perCharacter, 'en')).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it('keeps the text’s own line breaks, blank lines included', () => {
    expect(breakLines('one two\n\nthree', 20, perCharacter, 'en')).toEqual(['one two', '', 'three']);
  });

  it('splits a word longer than the whole line rather than letting it run out of its box', () => {
    expect(breakLines('a supercalifragilistic word', 8, perCharacter, 'en')).toEqual(['a', 'supercal', 'ifragili', 'stic', 'word']);
  });
});

describe('breakLines in Japanese (kinsoku)', () => {
  it('breaks between characters where there are no spaces', () => {
    expect(breakLines('あいうえおかきくけこ', 4, perCharacter, 'ja')).toEqual(['あいうえ', 'おかきく', 'けこ']);
  });

  it('never starts a line with 、。 or a closing bracket: the character before goes down with it', () => {
    expect(breakLines('あいうえお、かきくけこ。', 5, perCharacter, 'ja')).toEqual(['あいうえ', 'お、かきく', 'けこ。']);
    const lines = breakLines('政府は「対話」を続ける」と述べた。', 4, perCharacter, 'ja');
    for (const line of lines.slice(1)) expect(line[0], lines.join('|')).not.toMatch(/[、。」』）]/);
  });

  it('never ends a line with an opening bracket', () => {
    const lines = breakLines('あいう「かきく」', 4, perCharacter, 'ja');
    expect(lines).toEqual(['あいう', '「かき', 'く」']);
    for (const line of lines) expect(line.at(-1)).not.toMatch(/[「『（]/);
  });

  it('never starts a line with the prolonged sound mark or a small kana', () => {
    const lines = breakLines('コーヒーとチョコレートとキャラメル', 3, perCharacter, 'ja');
    expect(lines.join('')).toBe('コーヒーとチョコレートとキャラメル');
    for (const line of lines.slice(1)) expect(line[0], lines.join('|')).not.toMatch(/[ーャュョッ]/);
  });

  it('keeps Latin words and numbers inside Japanese whole', () => {
    expect(breakLines('東京はTokyoと2015年', 6, perCharacter, 'ja')).toEqual(['東京は', 'Tokyoと', '2015年']);
  });

  it('keeps a number with the counter after it (2019年, 12ターン)', () => {
    expect(breakLines('道（2018〜2019年）', 11, perCharacter, 'ja')).toEqual(['道（2018〜', '2019年）']);
    expect(breakLines('全12ターン', 4, perCharacter, 'ja')).toEqual(['全', '12ター', 'ン']);
  });

  it('keeps a doubled dash or ellipsis together', () => {
    const lines = breakLines('あいう……かき', 4, perCharacter, 'ja');
    expect(lines.some((line) => line.startsWith('…'))).toBe(false);
  });
});

describe('breakLines in Korean (words kept whole)', () => {
  it('breaks only at spaces, never inside a word', () => {
    expect(breakLines('대한민국 정부는 오늘 발표했다', 7, perCharacter, 'ko')).toEqual(['대한민국', '정부는 오늘', '발표했다']);
  });

  it('splits a word only when it alone is longer than the line', () => {
    expect(breakLines('한일 국교정상화오십주년 기념', 5, perCharacter, 'ko')).toEqual(['한일', '국교정상화', '오십주년', '기념']);
  });

  it('the same text under Japanese rules would be cut mid-word (the rules differ)', () => {
    expect(breakLines('대한민국 정부는', 6, perCharacter, 'ja')).toEqual(['대한민국', '정부는']);
    expect(breakLines('가나다라마바사', 3, perCharacter, 'ko')).toEqual(['가나다', '라마바', '사']);
  });
});

describe('breakLines on any text', () => {
  const alphabet = fc.constantFrom(...'ab あい。、「」ー가나 Xx'.split(''));
  const texts = fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join(''));
  const rules = fc.constantFrom<BreakRules>('en', 'ja', 'ko');

  it('loses no character but spaces, and every line fits (or is a single character)', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 12 }), rules, (text, width, rule) => {
        const lines = breakLines(text, width, perCharacter, rule);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        for (const line of lines) expect(perCharacter(line) <= width || perCharacter(line) === 1).toBe(true);
      }),
    );
  });
});

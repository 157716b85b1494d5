import { describe, expect, it } from 'vitest';
import { fallbackLang, localize } from './text';

describe('scenario text in a language', () => {
  it('falls back to English when the language is missing or blank', () => {
    expect(localize({ en: 'Summit', ja: ' ' }, 'ja')).toBe('Summit');
    expect(localize({ en: 'Summit' }, 'ko')).toBe('Summit');
  });

  it('drops the spaces YAML folding puts between Japanese characters, and keeps the others', () => {
    expect(localize({ en: 'x', ja: '慰安婦問題が すべてを止め、 両国は会い' }, 'ja')).toBe('慰安婦問題がすべてを止め、両国は会い');
    expect(localize({ en: 'x', ja: '2015年 12月の合意 (Park Geun-hye) は' }, 'ja')).toBe('2015年12月の合意 (Park Geun-hye) は');
    expect(localize({ en: 'x', ko: '위안부 문제가 모든 것을 멈추고' }, 'ko')).toBe('위안부 문제가 모든 것을 멈추고');
  });
});

describe('the language fallen-back scenario text is marked with', () => {
  it('marks English shown in a Japanese or Korean interface, and nothing else', () => {
    expect(fallbackLang({ en: 'Summit' }, 'ja')).toBe('en');
    expect(fallbackLang({ en: 'Summit', ko: '' }, 'ko')).toBe('en');
    expect(fallbackLang('An instructor’s own words', 'ko')).toBe('en');
    expect(fallbackLang({ en: 'Summit', ja: '首脳会談' }, 'ja')).toBeUndefined();
    expect(fallbackLang('首脳会談', 'ja')).toBeUndefined();
    expect(fallbackLang({ en: 'Summit' }, 'en')).toBeUndefined();
    expect(fallbackLang(undefined, 'ja')).toBeUndefined();
  });
});

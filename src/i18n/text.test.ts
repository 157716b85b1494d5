import { describe, expect, it } from 'vitest';
import { fallbackLang, localize } from './text';

describe('scenario text in a language', () => {
  it('falls back to English when the language is missing or blank', () => {
    expect(localize({ en: 'Summit', ja: ' ' }, 'ja')).toBe('Summit');
    expect(localize({ en: 'Summit' }, 'ko')).toBe('Summit');
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

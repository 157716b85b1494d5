import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, setLanguage } from './index';
import { formatPeriod } from './period';

describe('a scenario’s period in the interface’s words', () => {
  beforeAll(() => Promise.all([loadLanguage('ja'), loadLanguage('ko')]));
  afterEach(() => setLanguage('en'));

  it('words "yyyy-mm to yyyy-mm" with the months in each language’s own form', () => {
    setLanguage('en');
    expect(formatPeriod('2015-02 to 2017-01')).toBe('February 2015 – January 2017');
    setLanguage('ja');
    expect(formatPeriod('2015-02 to 2017-01')).toBe('2015年2月〜2017年1月');
    setLanguage('ko');
    expect(formatPeriod('2015-02 to 2017-01')).toBe('2015년 2월~2017년 1월');
  });

  it('words a lone month or year, and years alone', () => {
    setLanguage('ja');
    expect(formatPeriod('2019-07')).toBe('2019年7月');
    expect(formatPeriod('2015')).toBe('2015年');
    setLanguage('en');
    expect(formatPeriod('2015 to 2016')).toBe('2015 – 2016');
  });

  it('keeps an author’s own words as written', () => {
    setLanguage('ja');
    expect(formatPeriod('The Moon years')).toBe('The Moon years');
    expect(formatPeriod('2015-13 to 2016-01')).toBe('2015-13 to 2016-01');
  });
});

/** Japanese and Korean are fetched on demand (their own chunks); until then the interface stays in English. */
import { describe, expect, it } from 'vitest';
import { loadLanguage, setLanguage, t } from './index';
import { RESOURCES } from './tables';

describe('a language fetched on demand', () => {
  it('falls back to English until its table is loaded, then shows it', async () => {
    setLanguage('ja');
    expect(t('title.newGame')).toBe('New game');
    await loadLanguage('ja');
    expect(t('title.newGame')).toBe(RESOURCES.ja.translation.title.newGame);
    expect(t('title.newGame')).not.toBe('New game');
    setLanguage('en');
  });
});

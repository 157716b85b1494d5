/** Japanese text written over several lines of a scenario file comes out as Japanese writes it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load';

const template = readFileSync(new URL('../../scenarios/template.yaml', import.meta.url), 'utf8');

/** The template with its summary replaced by `summary` (YAML text, indented under the key). */
function summaryOf(summary: string): unknown {
  const text = template.replace(/^summary:.*\n(?: {2}.*\n)*/m, `summary:\n${summary}\n`);
  const loaded = loadScenario('template.yaml', text);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.scenario.summary;
}

describe('Japanese text over several lines', () => {
  it('loses the spaces YAML puts at the file’s line breaks between Japanese characters (and before numbers)', () => {
    const summary = summaryOf(
      [
        '  en: >',
        '    Two lines',
        '    of English.',
        '  ja: >',
        '    慰安婦問題が',
        '    すべてを止め、',
        '    2015年',
        '    12月の合意 (Park Geun-hye) は',
        '  ko: >',
        '    위안부 문제가',
        '    모든 것을',
      ].join('\n'),
    );
    expect(summary).toEqual({ en: 'Two lines of English.\n', ja: '慰安婦問題がすべてを止め、2015年12月の合意 (Park Geun-hye) は\n', ko: '위안부 문제가 모든 것을\n' });
  });

  it('keeps the spaces an author wrote on one line, and the line breaks of a literal block', () => {
    expect(summaryOf(['  en: x', '  ja: "東京 ソウル"'].join('\n'))).toEqual({ en: 'x', ja: '東京 ソウル' });
    expect(summaryOf(['  en: x', '  ja: |', '    東京', '    ソウル'].join('\n'))).toEqual({ en: 'x', ja: '東京\nソウル\n' });
  });
});

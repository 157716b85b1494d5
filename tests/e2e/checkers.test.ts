/**
 * The screens test's checkers, tried on small static pages where the answer is known: each must
 * find the fault it was written for (so a clean screen means something) and stay quiet on a clean page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { focusOrderProblems, tabThrough } from './focusOrder';
import { newGamePage } from './harness';
import { layoutProblems } from './layout';

const STYLE = `
  html { font: 16px/1.4 'Noto Sans', sans-serif; background: #101828; color: #f2f4f7; }
  body { margin: 0; padding: 16px; }
  button { font: inherit; padding: 4px 12px; background: #1d2939; color: #f2f4f7; border: 1px solid #98a2b3; }
  .row { display: flex; gap: 8px; }
`;

async function pageWith(body: string, { lang = 'en', css = '' } = {}): Promise<Page> {
  const { page } = await newGamePage();
  await page.setContent(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Checker page</title><style>${STYLE}${css}</style></head><body><main>${body}</main></body></html>`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const CLEAN = `
  <h1>A clean screen</h1>
  <p>Every word of this paragraph fits in its box and wraps between words, as a paragraph should when the window is narrow.</p>
  <div class="row"><button type="button">New game</button><button type="button">Settings</button></div>
  <section class="scroll" tabindex="0" aria-label="Long list" style="height: 120px; overflow: auto; margin-top: 8px;">
    ${Array.from({ length: 12 }, (_, i) => `<p><button type="button">Option ${i + 1}</button></p>`).join('')}
  </section>
  <fieldset><legend>Side</legend>
    <label><input type="radio" name="side" value="tokyo" checked> Lead Tokyo</label>
    <label><input type="radio" name="side" value="seoul"> Lead Seoul</label>
  </fieldset>
  <p lang="ko" style="word-break: keep-all; width: 12rem">가깝고도 먼 나라의 이야기를 함께 읽어 봅니다</p>
  <p lang="ja" style="width: 8rem">近くて遠い国の物語をいっしょに読みます。</p>
`;

describe('the layout checker', () => {
  it('finds nothing wrong on a clean page (controls in a scrolling list below its fold included)', async () => {
    const page = await pageWith(CLEAN);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('reports two controls that overlap, by name and place', async () => {
    const page = await pageWith(`
      <h1>Overlap</h1>
      <button type="button" style="position: absolute; left: 100px; top: 200px; width: 160px">End turn</button>
      <label style="position: absolute; left: 180px; top: 210px"><input type="radio" name="a"> Accept the proposal</label>`);
    const problems = await layoutProblems(page);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the button 'End turn' overlaps the radio 'Accept the proposal' at 180,210 \(\d+×\d+\)$/);
  });

  it('reports a control outside the window, and one cut off by a box that hides its overflow', async () => {
    const page = await pageWith(`
      <h1>Out of reach</h1>
      <button type="button" style="position: absolute; left: 1250px; top: 20px">Menu</button>
      <div style="height: 40px; overflow: hidden"><p style="margin-top: 60px"><button type="button">Continue</button></p></div>`);
    const problems = await layoutProblems(page);
    expect(problems).toEqual([
      expect.stringMatching(/^the button 'Menu' is outside the 1280×720 window at 1250,20/),
      expect.stringMatching(/^the button 'Continue' is cut off by the div \(overflow hidden\/hidden\) at 16,164/),
      // The box that hides it is reported too: what it holds is cut.
      expect.stringMatching(/^the text 'Continue' in the div is taller than its box and cut \(\d+ px in 40, overflow-y hidden\)/),
    ]);
  });

  it('reports text cut by an ellipsis, by a box that hides it, and text running out of a box too small for it', async () => {
    const page = await pageWith(`
      <h1>Cut text</h1>
      <p style="width: 120px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">Koreans with a good impression of Japan</p>
      <p style="width: 120px; overflow: hidden; white-space: nowrap">Japanese who feel affinity for Korea</p>
      <div style="height: 22px; width: 200px; margin-bottom: 80px">Washington's confidence in the trilateral partnership, on three lines here</div>`);
    const problems = await layoutProblems(page);
    expect(problems).toEqual([
      expect.stringMatching(/^the text 'Koreans with a good impression of Japan' in the p is cut with an ellipsis/),
      expect.stringMatching(/^the text 'Japanese who feel affinity for Korea' in the p is wider than its box/),
      expect.stringMatching(/^the text 'in' \(in 'Washington's confidence in the trilateral partn…'\) runs outside its div \(16,180 \(200×22\)\) at 16,20\d/),
    ]);
  });

  it('reports a word broken mid-word in English and in Korean, and not Japanese, a hyphenated word or an address', async () => {
    const page = await pageWith(`
      <h1>Words</h1>
      <p style="width: 5rem; overflow-wrap: anywhere">Internationalisation</p>
      <p lang="ko" style="width: 3rem; word-break: keep-all; overflow-wrap: anywhere">대한민국정부의</p>
      <p lang="ja" style="width: 3rem">日本国政府の方針</p>
      <p style="width: 5rem">well-known</p>
      <p style="width: 6rem; overflow-wrap: anywhere">https://example.org/scenario</p>`);
    const problems = await layoutProblems(page);
    expect(problems).toEqual([expect.stringMatching(/^the word 'Internationalisation' is broken across lines/), expect.stringMatching(/^the word '대한민국정부의' is broken across lines/)]);
  });
});

describe('the focus order checker', () => {
  it('accepts reading order: a row left to right, then down, then a second column from its top', async () => {
    const page = await pageWith(`
      <h1>Columns</h1>
      <div style="display: grid; grid-template-columns: 1fr 1fr; gap: 16px">
        <div><div class="row"><button type="button">A</button><button type="button">B</button></div><p><button type="button">C</button></p><p><button type="button">D</button></p></div>
        <div><button type="button">E</button><section tabindex="0" aria-label="List" style="height: 60px; overflow: auto">${[1, 2, 3, 4, 5, 6].map((n) => `<p><button type="button">F${n}</button></p>`).join('')}</section><p><button type="button">G</button></p></div>
      </div>`);
    expect((await tabThrough(page)).map((s) => s.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'List', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'G']);
    expect(await focusOrderProblems(page)).toEqual([]);
  });

  it('reports a control placed above or left of where Tab comes from', async () => {
    const page = await pageWith(`
      <h1>Out of order</h1>
      <div class="row" style="flex-direction: row-reverse; justify-content: flex-end"><button type="button">First</button><button type="button">Second</button></div>
      <p><button type="button" style="position: relative; top: 80px">Lower</button></p>
      <p><button type="button">Upper</button></p>`);
    await tabThrough(page);
    expect(await focusOrderProblems(page)).toEqual([
      expect.stringMatching(/^Tab goes from 'First' .* left along the same row to 'Second'/),
      expect.stringMatching(/^Tab goes from 'Lower' .* back up the screen to 'Upper'/),
    ]);
  });
});

describe('the axe run', () => {
  it('finds nothing serious on a clean page', async () => {
    const page = await pageWith(CLEAN);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reports an unnamed button and text too faint to read, with their selectors', async () => {
    const page = await pageWith(`<h1>Faults</h1><button type="button" id="mute"></button><p id="faint" style="color: #2a3444">Faint words</p>`);
    const found = await axeViolations(page);
    expect(found.map((v) => v.id).sort()).toEqual(['button-name', 'color-contrast']);
    expect(found.find((v) => v.id === 'button-name')?.nodes[0]).toMatch(/^#mute: /);
    expect(found.find((v) => v.id === 'color-contrast')?.nodes[0]).toMatch(/^#faint: .*contrast/);
  });
});

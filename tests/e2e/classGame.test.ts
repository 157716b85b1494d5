/**
 * A class game on the class server, in headless Chromium, the way a class meets it: a host page
 * starts a game from the title (Class game → Start a game) and hands out the seats; Tokyo's and
 * Seoul's teams open their seats' links in browser contexts of their own (a device each), the host
 * watches as the observer, and the two teams play the whole game with real clicks and keys. Each
 * team learns only that the other has sealed; the observer's page never holds either side's own
 * polls. Then the class screens (join, the new game's seats, the lobby, a sealed turn, the
 * observer's turn) in English, Japanese and Korean at normal and large text, each checked for layout,
 * accessibility and reading order, and photographed to test-results/class-<screen>-<lang>-<size>.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations } from './axe';
import { focusOrderProblems, tabThrough } from './focusOrder';
import { choosableCard, click, focused, newGamePage, openGame, pointAndClick, press, shot, STILL, WAIT, waitForPlay, waitForPressed, waitForReady, waitForScreen } from './harness';
import { catalogEntryFrom } from '../../src/store/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveSite } from '../../src/server/staticSite';
import { freePort, startServer } from '../../tools/bench-class';
import { layoutProblems } from './layout';
import { notInScript, words } from './words';

const LOCALES = { en: 'en-US', ja: 'ja-JP', ko: 'ko-KR' } as const;
type Lang = keyof typeof LOCALES;
type SeatName = 'tokyo' | 'seoul' | 'observer';
const TUTORIAL = catalogEntryFrom('scenarios/tutorial.yaml').scenario;
/** Tokyo's cards whose titles Seoul's cards do not share: if one shows on Seoul's device, it leaked. */
const seoulTitles = new Set(TUTORIAL.decisions.filter((d) => d.side !== 'tokyo').map((d) => JSON.stringify(d.title)));
const TOKYO_ONLY = TUTORIAL.decisions.filter((d) => d.side === 'tokyo' && !seoulTitles.has(JSON.stringify(d.title))).map((d) => d.id);

/** From a page's title to the class game screen. */
async function toClassJoin(page: Page, lang: Lang = 'en'): Promise<void> {
  await pointAndClick(page.getByRole('button', { name: words(lang, 'classGame.titleButton'), exact: true }));
  await waitForScreen(page, 'classJoin');
}

/** On the class game screen: Start a game; the three seats' links, as the host's page shows them. */
async function startClassGame(page: Page, lang: Lang = 'en'): Promise<{ code: string; links: Record<SeatName, string> }> {
  await pointAndClick(page.getByRole('button', { name: words(lang, 'classGame.host.start'), exact: true }));
  await page.locator('#app .class-made').waitFor(WAIT);
  const code = ((await page.locator('#app .class-code').textContent()) ?? '').trim();
  const hrefs = await page.locator('#app .class-link a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs).toHaveLength(3);
  return { code, links: { tokyo: hrefs[0]!, seoul: hrefs[1]!, observer: hrefs[2]! } };
}

/** A team's device: a browser context of its own on the seat's link, in the lobby. */
async function seatDevice(link: string, lang: Lang = 'en', size: 'normal' | 'large' = 'normal'): Promise<{ page: Page; errors: string[] }> {
  const device = await newGamePage({ locale: LOCALES[lang], ...STILL, settings: { language: lang, textSize: size } });
  await device.page.goto(link);
  await waitForReady(device.page);
  await device.page.locator('#app .lobby-seats').waitFor(WAIT);
  return device;
}

const sealedText = (page: Page): Promise<string> => page.locator('#app .turn-class-status').innerText();

describe('a class game on the class server', () => {
  it('two teams on their own devices and an observer play a whole game, each team seeing only that the other sealed', async () => {
    const host = await openGame(STILL);
    await toClassJoin(host.page);
    const { code, links } = await startClassGame(host.page);
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    await shot(host.page, 'class-made');
    const tokyo = await seatDevice(links.tokyo);
    const seoul = await seatDevice(links.seoul);
    // The link's key is taken out of the address bar once read.
    expect(tokyo.page.url()).not.toContain('key=');
    await press(host.page, 'class:here:observer');
    await host.page.locator('#app .lobby-seats').waitFor(WAIT);
    await host.page.waitForFunction(() => document.querySelector('#app .lobby-seats')?.textContent?.match(/here/g)?.length === 2, undefined, WAIT);
    await shot(tokyo.page, 'class-lobby');

    for (const device of [tokyo.page, seoul.page, host.page]) {
      await press(device, 'class:enter');
      await waitForScreen(device, 'briefing');
      await click(device, 'button', 'Begin');
      await waitForPlay(device, 'Turn', 0);
    }
    expect(await host.page.locator('#app [data-key^="card:"]').count()).toBe(0);

    let turns = 0;
    for (; turns < 20; turns++) {
      await waitForPlay(tokyo.page, 'Turn', turns);
      await waitForPlay(seoul.page, 'Turn', turns);
      const card = await choosableCard(tokyo.page, undefined, TOKYO_ONLY).catch(() => null);
      if (card) {
        await pointAndClick(tokyo.page.getByRole('button', { name: card.title, exact: true }));
        await waitForPressed(tokyo.page, card.key);
      }
      await tokyo.page.keyboard.press('e');
      await tokyo.page.locator('#app [data-key="class:unseal"]').waitFor(WAIT);
      // Seoul hears that Tokyo sealed, and nothing of what: neither its page nor its store holds Tokyo's card.
      await seoul.page.waitForFunction(() => document.querySelector('#app .turn-class-status')?.textContent?.includes('Tokyo has sealed'), undefined, WAIT);
      if (card) expect(await seoul.page.evaluate(() => document.body.innerText + JSON.stringify(window.__cyd))).not.toContain(card.title);
      if (turns === 0) {
        await shot(tokyo.page, 'class-sealed');
        await shot(host.page, 'class-observer');
        expect(await sealedText(tokyo.page)).toContain('Waiting for Seoul');
      }
      await click(seoul.page, 'button', 'End turn');
      await waitForPlay(tokyo.page, 'Resolution', turns + 1);
      await waitForPlay(seoul.page, 'Resolution', turns + 1);
      const ended = await tokyo.page.evaluate(() => window.__cyd?.game?.ending);
      for (const device of [tokyo.page, seoul.page]) await click(device, 'button', ended ? 'See the debrief' : 'Continue');
      if (ended) break;
    }
    for (const device of [tokyo.page, seoul.page]) await waitForPlay(device, 'Debrief', turns + 1);
    // The observer followed the game to its end on its own.
    await host.page.waitForFunction(() => window.__cyd?.game?.ending !== null && window.__cyd?.game?.ending !== undefined, undefined, WAIT);
    await shot(tokyo.page, 'class-debrief');
    // The debrief reveals what the polls hid, from the server's true past (the device never had the seed to replay it).
    expect(await tokyo.page.locator('#app').innerText()).toContain('now revealed');
    expect(await tokyo.page.getByRole('button', { name: 'Export game (JSON)' }).count()).toBe(0);
    await click(tokyo.page, 'button', 'Leave the game');
    await waitForScreen(tokyo.page, 'title');
    for (const device of [host, tokyo, seoul]) expect(device.errors).toEqual([]);
  }, 300_000);

  it('rides out its server being killed mid-turn: the teams see it reconnecting, then the same turn with the sealed orders, and play on', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cyd-e2e-kill-'));
    const port = await freePort();
    let server = await startServer(data, 'e2e-kill', 60_000, inject('gameDist'), { port });
    try {
      const host = await openGame({ ...STILL, url: `${server.url}/` });
      await toClassJoin(host.page);
      const { links } = await startClassGame(host.page);
      const tokyo = await seatDevice(links.tokyo);
      const seoul = await seatDevice(links.seoul);
      for (const device of [tokyo.page, seoul.page]) {
        await press(device, 'class:enter');
        await press(device, 'briefing:begin');
        await waitForPlay(device, 'Turn', 0);
      }
      await tokyo.page.keyboard.press('e');
      await seoul.page.waitForFunction(() => document.querySelector('#app .turn-class-status')?.textContent?.includes('Tokyo has sealed'), undefined, WAIT);

      await server.kill();
      for (const device of [tokyo.page, seoul.page]) await device.waitForFunction(() => document.querySelector('.class-banner')?.getAttribute('data-connection') === 'reconnecting', undefined, WAIT);
      await shot(tokyo.page, 'class-reconnecting');
      server = await startServer(data, 'e2e-kill', 60_000, inject('gameDist'), { port });
      // Back by themselves, at the same turn, Tokyo's orders still sealed on the server.
      for (const device of [tokyo.page, seoul.page])
        await device.waitForFunction(() => document.querySelector('.class-banner')?.getAttribute('data-connection') === 'connected', undefined, { timeout: 60_000 });
      await tokyo.page.locator('#app [data-key="class:unseal"]').waitFor(WAIT);
      await seoul.page.waitForFunction(() => document.querySelector('#app .turn-class-status')?.textContent?.includes('Tokyo has sealed'), undefined, WAIT);
      await click(seoul.page, 'button', 'End turn');
      await waitForPlay(tokyo.page, 'Resolution', 1);
      await waitForPlay(seoul.page, 'Resolution', 1);
      // The pages logged the lost connection while the server was down; nothing else.
      for (const device of [tokyo, seoul]) expect(device.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource|onError|closed unexpectedly/i.test(e))).toEqual([]);
    } finally {
      await server.kill();
      rmSync(data, { recursive: true, force: true });
    }
  }, 180_000);

  it('says, on a copy of the game served without a class server, that there is no class game there and where to find one', async () => {
    const { server, url } = await serveSite(inject('gameDist'));
    try {
      const alone = await openGame({ ...STILL, url });
      await toClassJoin(alone.page);
      await expect.poll(() => alone.page.locator('#app [role="alert"]').textContent(), WAIT).toContain('not opened from a class server');
      // Single-player still plays there.
      await click(alone.page, 'button', 'Back');
      await waitForScreen(alone.page, 'title');
      expect(alone.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('gives a taken seat to a second device only when it asks to take it over, and tells the first', async () => {
    const host = await openGame(STILL);
    await toClassJoin(host.page);
    const { code, links } = await startClassGame(host.page);
    const first = await seatDevice(links.tokyo);
    const key = new URL(links.tokyo).searchParams.get('key')!;
    const second = await openGame(STILL);
    await toClassJoin(second.page);
    await second.page.getByRole('textbox', { name: 'Game code' }).fill(code);
    await second.page.getByRole('textbox', { name: 'Seat key' }).fill(key);
    await click(second.page, 'button', 'Join');
    await expect.poll(() => second.page.locator('#app .class-problem').textContent(), WAIT).toContain('in use on another device');
    await click(second.page, 'switch', 'Take over this seat');
    await click(second.page, 'button', 'Join');
    await second.page.locator('#app .lobby-seats').waitFor(WAIT);
    await first.page.waitForFunction(() => document.querySelector('.class-banner')?.getAttribute('data-connection') === 'replaced', undefined, WAIT);
    await shot(first.page, 'class-replaced');
    expect(await first.page.getByRole('button', { name: 'Rejoin' }).isVisible()).toBe(true);
  });

  it('says what is wrong with a typed code or key, and refuses a key that is not the game’s', async () => {
    const host = await openGame(STILL);
    await toClassJoin(host.page);
    const { code } = await startClassGame(host.page);
    const team = await openGame(STILL);
    await toClassJoin(team.page);
    // The screen's code comes when it is first opened; focus then lands on its first field, as on any screen.
    await expect.poll(() => focused(team.page), WAIT).toMatch(/^Game code/);
    await team.page.getByRole('textbox', { name: 'Game code' }).fill('K0P3QA');
    await team.page.getByRole('textbox', { name: 'Seat key' }).fill('AAAAA-AAAAA');
    await click(team.page, 'button', 'Join');
    await expect.poll(() => team.page.locator('#app .class-problem').textContent()).toContain('never use 0, O');
    await team.page.getByRole('textbox', { name: 'Game code' }).fill(code.toLowerCase());
    await team.page.getByRole('textbox', { name: 'Seat key' }).press('Enter');
    await expect.poll(() => team.page.locator('#app .class-problem').textContent(), WAIT).toContain('not one of this game');
    expect(await team.page.evaluate(() => window.__cyd?.screen)).toBe('classJoin');
  });
});

describe('the class screens, laid out, accessible and in reading order', () => {
  for (const lang of Object.keys(LOCALES) as Lang[]) {
    for (const size of ['normal', 'large'] as const) {
      it(`in ${lang} at ${size} text`, async () => {
        const problems: string[] = [];
        const check = async (page: Page, screen: string): Promise<void> => {
          await shot(page, `class-${screen}-${lang}-${size}`);
          const where = `${screen} in ${lang} at ${size} text`;
          problems.push(...(await layoutProblems(page)).map((p) => `layout of ${where}: ${p}`));
          problems.push(...describeViolations(await axeViolations(page)).map((p) => `axe on ${where}: ${p}`));
          await tabThrough(page);
          problems.push(...(await focusOrderProblems(page)).map((p) => `focus order of ${where}: ${p}`));
          if (lang !== 'en') problems.push(...(await notInScript(page, lang)).map((p) => `not in the script on ${where}: ${p}`));
        };
        const host = await openGame({ locale: LOCALES[lang], ...STILL, settings: { language: lang, textSize: size } });
        await toClassJoin(host.page, lang);
        await check(host.page, 'join');
        const { links } = await startClassGame(host.page, lang);
        await check(host.page, 'made');
        const tokyo = await seatDevice(links.tokyo, lang, size);
        await check(tokyo.page, 'lobby');
        const seoul = await seatDevice(links.seoul, lang, size);
        await press(host.page, 'class:here:observer');
        await host.page.locator('#app .lobby-seats').waitFor(WAIT);
        for (const device of [tokyo.page, seoul.page, host.page]) {
          await press(device, 'class:enter');
          await waitForScreen(device, 'briefing');
          await press(device, 'briefing:begin');
          await waitForPlay(device, 'Turn', 0);
        }
        await press(tokyo.page, 'end');
        await tokyo.page.locator('#app [data-key="class:unseal"]').waitFor(WAIT);
        await check(tokyo.page, 'sealed');
        await host.page.waitForFunction(() => document.querySelectorAll('#app .turn-class-side').length === 2, undefined, WAIT);
        await check(host.page, 'observer');
        expect.soft(problems).toEqual([]);
        for (const device of [host, tokyo, seoul]) expect(device.errors).toEqual([]);
      }, 300_000);
    }
  }
});

/**
 * The game's own CJK fonts, in a Chromium that cannot see the system's CJK fonts (fontconfig is
 * pointed at the Latin fonts only): each language loads only its own faces before the title draws,
 * a language switch in Settings loads the new faces, and every screen in Japanese and Korean at
 * normal and large text is screenshot to test-results/type-*.png for a person to look at. With
 * the font files blocked the title draws differently (tofu): the game draws with its own fonts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseScenario, gameUrl, launchChromium, newGamePage, press, RESULTS, WAIT, waitForPlay, waitForReady, waitForScene } from './harness';

/** A fontconfig setup with the Latin fonts only (Debian keeps the CJK ones under opentype/). */
function latinOnlyFontconfig(dir: string): string {
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
  <rejectfont><glob>*CJK*</glob></rejectfont>
</fontconfig>
`,
  );
  return file;
}

// This file's own Chromium: the worker's shared one sees the system's CJK fonts.
let browser: Browser | undefined;
const scratch = mkdtempSync(join(tmpdir(), 'cyd-type-'));

beforeAll(async () => {
  browser = await launchChromium([], { ...process.env, FONTCONFIG_FILE: latinOnlyFontconfig(scratch) });
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh visit by a browser set to `locale` (reduced motion: screens hold still for screenshots). */
async function visit(locale: string, options: { blockFonts?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page, errors } = await newGamePage({ browser: browser!, locale, reducedMotion: 'reduce' });
  if (options.blockFonts) await page.route('**/fonts/**', (route) => route.abort());
  await page.goto(gameUrl());
  await waitForReady(page);
  return { context, page, errors };
}

/** The game's own faces the page has, as "family weight status". */
function ownFaces(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.fonts]
      .filter((f) => f.family.replace(/"/g, '').startsWith('CYD '))
      .map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.status}`)
      .sort(),
  );
}

/** Waits for both weights of a family loaded after the first screen (the scenarios' own characters). */
async function laterFaces(page: Page, family: string): Promise<void> {
  await page.waitForFunction((name) => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === name && f.status === 'loaded').length === 2, family, WAIT);
}

const faces = (...families: string[]): string[] => families.flatMap((f) => [`${f} 400 loaded`, `${f} 700 loaded`]).sort();

async function shot(page: Page, name: string): Promise<Buffer> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.screenshot({ path: join(RESULTS, `type-${name}.png`) });
}

describe('fonts by language', () => {
  it('an English first visit loads only the two tiny common subsets', async () => {
    const { context, page, errors } = await visit('en-US');
    expect(await ownFaces(page)).toEqual(faces('CYD Sans JP Common', 'CYD Sans KR Common'));
    await shot(page, 'en-title');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['ja-JP', ['CYD Sans JP', 'CYD Sans KR Common'], 'CYD Sans JP Scenarios'],
    ['ko-KR', ['CYD Sans KR', 'CYD Sans JP Common'], 'CYD Sans KR Scenarios'],
  ])('a %s visit has its own faces loaded before the title draws, and the scenarios’ own after', async (locale, families, later) => {
    const { context, page } = await visit(locale);
    // At the title: the interface's faces are in (the scenarios' may still be on their way).
    expect((await ownFaces(page)).filter((f) => !f.startsWith(later))).toEqual(faces(...families));
    await laterFaces(page, later);
    expect(await ownFaces(page)).toEqual(faces(...families, later));
    await context.close();
  });

  it('switching to Japanese in Settings loads the Japanese faces before the screen redraws', async () => {
    const { context, page } = await visit('en-US');
    await press(page, 'title:settings');
    await waitForScene(page, 'Settings');
    await press(page, 'settings:language:ja');
    await page.waitForFunction(() => document.documentElement.lang === 'ja' && window.__cyd?.scene === 'Settings' && window.__cyd.ready, undefined, WAIT);
    expect((await ownFaces(page)).filter((f) => !f.startsWith('CYD Sans JP Scenarios'))).toEqual(faces('CYD Sans JP', 'CYD Sans JP Common', 'CYD Sans KR Common'));
    await laterFaces(page, 'CYD Sans JP Scenarios');
    await shot(page, 'ja-settings-switched');
    await context.close();
  });

  it('the title is drawn with the game’s fonts: blocking them changes it, and it is otherwise stable', async () => {
    const first = await visit('ja-JP');
    const own = await shot(first.page, 'ja-title-own-fonts');
    const again = await first.page.screenshot();
    await first.context.close();
    const blocked = await visit('ja-JP', { blockFonts: true });
    expect(await ownFaces(blocked.page)).not.toContain('CYD Sans JP 400 loaded');
    const without = await shot(blocked.page, 'ja-title-fonts-blocked');
    await blocked.context.close();
    expect(own.equals(again)).toBe(true);
    expect(own.equals(without)).toBe(false);
  });
});

describe.each(['ja', 'ko'] as const)('every screen in %s', (lang) => {
  it.each(['normal', 'large'] as const)(
    'at %s text size (screenshots)',
    async (size) => {
      const { context, page, errors } = await visit(lang === 'ja' ? 'ja-JP' : 'ko-KR');
      const name = (screen: string): string => `${lang}-${size}-${screen}`;
      await press(page, 'title:settings');
      await waitForScene(page, 'Settings');
      if (size === 'large') {
        await press(page, 'settings:textSize:large');
        await page.waitForFunction(() => window.__cyd?.scene === 'Settings' && window.__cyd.ready, undefined, WAIT);
      }
      await shot(page, name('settings'));
      await page.keyboard.press('Escape');
      await waitForScene(page, 'Title');
      await shot(page, name('title'));

      await press(page, 'title:new');
      await waitForScene(page, 'ScenarioSelect');
      await shot(page, name('scenarios'));
      await chooseScenario(page, 'fifty_years_on');
      await shot(page, name('scenarios-chosen'));
      await press(page, 'scenarios:next');
      await waitForScene(page, 'SideSelect');
      await press(page, 'side:seoul');
      await shot(page, name('side'));
      await press(page, 'side:start');
      await waitForScene(page, 'Briefing');
      await shot(page, name('briefing'));
      await press(page, 'briefing:begin');
      await waitForPlay(page, 'Turn', 0);
      await shot(page, name('turn'));
      await press(page, 'end');
      await waitForPlay(page, 'Resolution', 1);
      await shot(page, name('resolution'));
      await press(page, 'continue');
      await waitForPlay(page, 'Turn', 1);
      await shot(page, name('turn-2'));
      // On to the debrief by the instructor's End the game now: the screens between are those already shot.
      await page.keyboard.press('Control+Alt+KeyI');
      await page.locator('[data-key="instructor:end"]').click();
      await page.locator('[data-key="instructor:end:yes"]').click();
      await page.keyboard.press('Escape');
      await page.locator('#instructor-panel').waitFor({ state: 'hidden', ...WAIT });
      await page.waitForFunction(() => window.__cyd?.scene === 'Debrief', undefined, WAIT);
      await shot(page, name('debrief'));
      expect(errors).toEqual([]);
      await context.close();
    },
    180_000,
  );
});

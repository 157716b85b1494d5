/**
 * What the browser tests and the browser bench share: Debian's headless Chromium with the flags our
 * machines need, the game's address, a fresh browser context per test, and waiting on the game's
 * read-only test hook.
 *
 * The game is built once per run and served by the site server (tests/e2e/globalSetup.ts); each test
 * file reads its address with `gameUrl()`. Chromium is started once per test worker and reused by
 * every file that worker runs (the e2e project runs with `isolate: false`, so this module and its
 * browser outlive a file); each test gets its own context, closed when the test ends, so no cookie,
 * storage or page leaks from one test into the next.
 *
 * Tests press the visible controls the way a person does: `locator.click()` (a real pointer click,
 * after Playwright has checked that the control is visible, still and not covered) and the keyboard.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { inject, onTestFinished } from 'vitest';
import type { Settings } from '../../src/store/settings';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS = join(ROOT, 'test-results');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** Generous: seven people's work shares this machine's two cores, and a busy minute must not fail a test. */
export const WAIT = { timeout: 45_000 };
export const VIEWPORT = { width: 1280, height: 720 } as const;

export async function launchChromium(extraArgs: readonly string[] = [], env?: NodeJS.ProcessEnv): Promise<Browser> {
  mkdirSync(RESULTS, { recursive: true });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: sudo apt-get install chromium fonts-noto-cjk fonts-noto-core`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs], ...(env && { env }) });
}

/** The Vite dev server (npm start's way) on a free port: for the one test that boots the game from source, and the bench. */
export async function startDevServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: true, open: false, hmr: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the Vite dev server did not report its address');
  return { server, url };
}

/** The production build served for this run (ends in '/'). */
export function gameUrl(): string {
  return inject('gameUrl');
}

let shared: Promise<Browser> | undefined;

/** This worker's Chromium, started at the first call (and again should it ever crash). */
export function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    const launching = launchChromium();
    shared = launching;
    launching.then(
      (browser) => browser.on('disconnected', () => void (shared === launching && (shared = undefined))),
      () => void (shared === launching && (shared = undefined)),
    );
  }
  return shared;
}

/**
 * Context options for a test that is not about motion: the browser asks for reduced motion, so the
 * game starts with it (as a player's system setting would) and the world draws no frame while
 * nothing changes. An animating world costs a whole core under software rendering; the tests of
 * whole games (play, menus, boot) keep the motion on.
 */
export const STILL = { reducedMotion: 'reduce' } as const;

export interface GamePage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors, uncaught exceptions and Content-Security-Policy violations, as they happen. */
  readonly errors: string[];
}

export interface PageOptions extends BrowserContextOptions {
  /** Settings stored before the game's first load (as the game keeps them: cyd.settings), e.g. { language: 'ja', textSize: 'large' }. */
  readonly settings?: Partial<Settings>;
  /** Another browser than this worker's shared one (a test with its own fonts). */
  readonly browser?: Browser;
}

/** A fresh context and page, recording problems; the context closes when the current test ends. */
export async function newGamePage(options: PageOptions = {}): Promise<GamePage> {
  const { settings, browser, ...contextOptions } = options;
  // The game's service worker would precache the whole build in the background of every test; the
  // offline test (tests/e2e/offline.test.ts) asks for it.
  const context = await (browser ?? (await sharedBrowser())).newContext({ viewport: VIEWPORT, locale: 'en-US', serviceWorkers: 'block', ...contextOptions });
  onTestFinished(() => context.close());
  // Every wait and navigation gets the same generous patience as WAIT.
  context.setDefaultTimeout(WAIT.timeout);
  context.setDefaultNavigationTimeout(WAIT.timeout);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  if (settings) {
    // Only before the first load of this tab: a reload keeps what the game itself stored since.
    await page.addInitScript((stored) => {
      if (sessionStorage.getItem('e2e.seeded')) return;
      sessionStorage.setItem('e2e.seeded', '1');
      localStorage.setItem('cyd.settings', stored);
    }, JSON.stringify(settings));
  }
  return { page, context, errors };
}

/** A page of the game at its title screen, ready for input. `path` is added to the game's address (e.g. '?scenario=…'). */
export async function openGame(options: PageOptions & { readonly path?: string; readonly url?: string } = {}): Promise<GamePage> {
  const { path = '', url = gameUrl(), ...pageOptions } = options;
  const game = await newGamePage(pageOptions);
  await game.page.goto(url + path);
  await waitForReady(game.page);
  return game;
}

/** The game is up: the title (or the screen a ?scenario= link opens) accepts input. */
export async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__cyd?.ready === true, undefined, WAIT);
}

/** The accessible name of the focused control (its label, or its own text). */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const own = (node: Element): string => {
      const copy = node.cloneNode(true) as Element;
      // A button's visible shortcut key (aria-hidden) and its hidden description are not part of its name.
      copy.querySelectorAll('[aria-hidden="true"], .visually-hidden').forEach((n) => n.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const labelled = el.getAttribute('aria-labelledby');
    if (labelled)
      return labelled
        .split(/\s+/)
        .map((id) => own(document.getElementById(id) ?? document.createElement('i')))
        .join(' ');
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label') ?? '';
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
      const label = el.labels?.[0];
      if (label) {
        const copy = label.cloneNode(true) as Element;
        copy.querySelectorAll('input, select, textarea, output, [aria-hidden="true"], .visually-hidden').forEach((n) => n.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }
    }
    return own(el);
  });
}

/** Presses Tab until the focused control's name matches. */
export async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (name.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no control named ${name} could be reached with Tab (focus is on "${await focused(page)}")`);
}

/** Where the game is, for a failed wait's message. */
async function whereAmI(page: Page): Promise<string> {
  return page
    .evaluate(() =>
      JSON.stringify({
        scene: window.__cyd?.scene,
        screen: window.__cyd?.screen,
        side: window.__cyd?.game?.side,
        resolved: window.__cyd?.game?.resolved,
        focus: document.activeElement?.outerHTML.slice(0, 160),
      }),
    )
    .catch((error: unknown) => `(the page cannot say: ${String(error)})`);
}

export async function waitForScene(page: Page, scene: string): Promise<void> {
  try {
    await page.waitForFunction((s) => window.__cyd?.scene === s, scene, WAIT);
  } catch (error) {
    throw new Error(`waited for the ${scene} screen, but the game shows ${await whereAmI(page)}: ${String(error)}`, { cause: error });
  }
}

/** Waits until the store shows `screen` (by its key in src/store/screens.ts), with `side` at the controls when given. */
export async function waitForScreen(page: Page, screen: string, side?: string): Promise<void> {
  try {
    await page.waitForFunction(([s, team]) => window.__cyd?.screen === s && (team === undefined || window.__cyd?.game?.side === team), [screen, side] as const, WAIT);
  } catch (error) {
    throw new Error(`waited for the ${screen} screen${side ? ` with ${side} at the controls` : ''}, but the game shows ${await whereAmI(page)}: ${String(error)}`, { cause: error });
  }
}

/** Waits for a play screen with `resolved` turns behind the game. */
export async function waitForPlay(page: Page, scene: 'Turn' | 'Resolution' | 'Debrief', resolved: number): Promise<void> {
  try {
    await page.waitForFunction(([s, n]) => window.__cyd?.scene === s && window.__cyd?.game?.resolved === n, [scene, resolved] as const, WAIT);
  } catch (error) {
    throw new Error(`waited for ${scene} after ${resolved} turns, but the game shows ${await whereAmI(page)}: ${String(error)}`, { cause: error });
  }
}

/**
 * Clicks a control with the pointer where a person would: a switch's checkbox is drawn by its track
 * (the input itself is transparent, under the track), so switches, like radio cards, are clicked
 * through the label that holds them.
 */
export async function pointAndClick(control: Locator): Promise<void> {
  const throughLabel = await control.evaluate(
    (el) => el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') && el.closest('label') !== null && getComputedStyle(el).opacity === '0',
  );
  await (throughLabel ? control.locator('xpath=ancestor::label[1]') : control).click(WAIT);
}

/** Clicks a visible control by its role and accessible name, with the pointer. */
export async function click(page: Page, role: 'button' | 'radio' | 'checkbox' | 'switch', name: string | RegExp): Promise<void> {
  await pointAndClick(page.getByRole(role, { name, exact: typeof name === 'string' }));
}

/** Clicks a visible control by its data-key (the same in every language), with the pointer. */
export async function press(page: Page, key: string): Promise<void> {
  await pointAndClick(page.locator(`#app [data-key="${key}"]`).first());
}

/** Lets the page lay out and paint (two frames) before a measurement or a screenshot. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
}

export async function shot(page: Page, name: string): Promise<Buffer> {
  await settle(page);
  return page.screenshot({ path: join(RESULTS, `${name}.png`) });
}

/** Chooses a scenario on the scenario list by clicking its card. */
export async function chooseScenario(page: Page, id: string): Promise<void> {
  const option = page.locator(`#app input[name="scenario"][value="${id}"]`);
  await option.click(WAIT);
  await page.waitForFunction((s) => document.querySelector<HTMLInputElement>(`#app input[name="scenario"][value="${s}"]`)?.checked === true, id, WAIT);
}

/** From the title to the side screen of a scenario. */
export async function toSideSelect(page: Page, scenario: string): Promise<void> {
  await click(page, 'button', 'New game');
  await waitForScene(page, 'ScenarioSelect');
  await chooseScenario(page, scenario);
  await click(page, 'button', /^Next/);
  await waitForScene(page, 'SideSelect');
}

/** From the title to the first turn of a scenario, as one side. */
export async function startGame(page: Page, scenario: string, side: 'Tokyo' | 'Seoul'): Promise<void> {
  await toSideSelect(page, scenario);
  await click(page, 'radio', `Lead ${side}`);
  await click(page, 'button', 'Start the game');
  await waitForScene(page, 'Briefing');
  await click(page, 'button', 'Begin');
  await waitForPlay(page, 'Turn', 0);
}

/** From the title to the briefing of a two-team session on this screen, under an instructor's PIN. */
export async function startHotseatSession(page: Page, scenario: string, pin: string): Promise<void> {
  await toSideSelect(page, scenario);
  await click(page, 'radio', 'Two teams on this screen (hot-seat)');
  await click(page, 'button', 'Continue');
  await waitForScene(page, 'ClassSetup');
  await page.getByLabel('Instructor PIN (optional)').fill(pin);
  await click(page, 'button', 'Start the session');
  await waitForScene(page, 'Briefing');
}

/** Ends turns (choosing nothing) until the debrief; returns the number of turns played. */
export async function playToDebrief(page: Page, from: number, maxTurns = 30): Promise<number> {
  for (let resolved = from; resolved < maxTurns; resolved++) {
    await waitForPlay(page, 'Turn', resolved);
    await click(page, 'button', 'End turn');
    await waitForPlay(page, 'Resolution', resolved + 1);
    const ended = await page.evaluate(() => window.__cyd?.game?.ending);
    await click(page, 'button', ended ? 'See the debrief' : 'Continue');
    if (ended) {
      await waitForPlay(page, 'Debrief', resolved + 1);
      return resolved + 1;
    }
  }
  throw new Error(`no ending after ${maxTurns} turns`);
}

/** The first card that can be chosen now and is not a joint decision: its title (the button's name) and key. */
export async function choosableCard(page: Page, joint = 'must choose it too', only?: readonly string[]): Promise<{ title: string; key: string }> {
  const found = await page.evaluate(
    ([jointWords, ids]) => {
      for (const el of document.querySelectorAll<HTMLButtonElement>('#app button[data-key^="card:"]')) {
        if (ids && !ids.includes(el.dataset.key?.slice('card:'.length) ?? '')) continue;
        const said = (el.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
        if (el.getAttribute('aria-disabled') !== 'true' && el.getAttribute('aria-pressed') !== 'true' && !said.includes(jointWords))
          return { title: (el.querySelector('.btn-label')?.textContent ?? el.getAttribute('aria-label') ?? '').trim(), key: el.dataset.key ?? '' };
      }
      return null;
    },
    [joint, only] as const,
  );
  if (!found) throw new Error('no card could be chosen on this turn');
  return found;
}

/** Waits until the control with this data-key says it is pressed (a chosen card, an accepted proposal). */
export async function waitForPressed(page: Page, key: string): Promise<void> {
  await page.waitForFunction((k) => document.querySelector(`#app [data-key="${k}"]`)?.getAttribute('aria-pressed') === 'true', key, WAIT);
}

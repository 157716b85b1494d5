/**
 * axe-core in the page: the serious and critical accessibility violations of what the page shows now.
 *
 * The production build's Content-Security-Policy allows scripts from the game's own origin only, so
 * axe is not inlined (page.addScriptTag({ content }) would be refused): tests/e2e/globalSetup.ts puts
 * axe.min.js beside the build, and it is loaded from there like any of the game's own scripts. On a
 * page without the policy (the dev server, a static test page) it is inlined from node_modules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly helpUrl: string;
  /** One line per element: its CSS selector and axe's summary of what is wrong with it. */
  readonly nodes: readonly string[];
}

let source: string | undefined;

async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null);
  if (policy) {
    await page.addScriptTag({ url: new URL('__e2e/axe.min.js', page.url()).href });
  } else {
    source ??= readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: source });
  }
}

/** Runs axe on the page (or within `selector`) and returns its serious and critical violations. */
export async function axeViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  await injectAxe(page);
  return page.evaluate(async (context) => {
    type Result = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: { target: unknown[]; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Result[] }> } }).axe;
    const results = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => `${n.target.map(String).join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
      }));
  }, selector ?? null);
}

/** The violations as sentences, for an assertion's message. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n}`));
}

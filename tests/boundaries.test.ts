/**
 * The rings' import boundaries and the page's text rules (eslint.config.js) bite: each snippet is
 * linted as if it were a file in a ring. The project's own config runs, without type information
 * (typescript-eslint's disableTypeChecked), so this takes seconds instead of building the program.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The house rules; a snippet's other findings (an unused import, say) are not what these tests are about. */
const UNDER_TEST = new Set(['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals', 'no-restricted-properties', 'no-eval', 'no-new-func']);

const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: 'eslint.config.js', overrideConfig: tseslint.configs.disableTypeChecked });

/** The rule ids reported for `code` as the file at `filePath`. */
async function findings(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath} did not parse: ${fatal.message}`);
  return messages.map((m) => m.ruleId ?? '?').filter((rule) => UNDER_TEST.has(rule));
}

describe('the rings', () => {
  it('keeps the engine to itself: no store, no scenario ring, no package but seedrandom', async () => {
    expect(await findings('src/engine/x.ts', "import { createAppStore } from '../store';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/engine/x.ts', "import type { Problem } from '../scenario/problems';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/engine/x.ts', "import { z } from 'zod';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/engine/x.ts', "import { readFileSync } from 'node:fs';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/engine/deeper/x.ts', "import { t } from '../../i18n';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/engine/x.ts', "export const later = () => import('../ui/kit');\n")).toEqual(['no-restricted-syntax']);
    expect(await findings('src/engine/x.ts', "import seedrandom from 'seedrandom';\nimport type { Scenario } from './model';\n")).toEqual([]);
    expect(await findings('src/engine/deeper/x.ts', "import type { Scenario } from '../model';\n")).toEqual([]);
  });

  it('keeps the engine pure: no clock, no Math.random, no page', async () => {
    expect(await findings('src/engine/x.ts', 'export const now = Date.now();\n')).toEqual(['no-restricted-globals']);
    expect(await findings('src/engine/x.ts', 'export const t = performance.now();\n')).toEqual(['no-restricted-globals']);
    expect(await findings('src/engine/x.ts', 'export const roll = Math.random();\n')).toEqual(['no-restricted-properties']);
    expect(await findings('src/engine/x.ts', 'export const floor = Math.floor(2.5);\n')).toEqual([]);
  });

  it('lets the scenario ring read the engine and its own libraries only', async () => {
    expect(
      await findings('src/scenario/x.ts', "import { suggestion } from '../engine/didYouMean';\nimport { parseDocument } from 'yaml';\nimport { z } from 'zod';\nimport jsep from 'jsep';\n"),
    ).toEqual([]);
    expect(await findings('src/scenario/x.ts', "import { shippedCatalog } from '../store/catalog';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/scenario/x.ts', "import { readFileSync } from 'node:fs';\n")).toEqual(['no-restricted-imports']);
  });

  it('keeps Phaser, howler and the DOM-facing rings out of the store, at any depth', async () => {
    expect(await findings('src/store/x.ts', "import Phaser from 'phaser';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/store/x.ts', "import { Howl } from 'howler';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/store/x.ts', "import { button } from '../ui/kit';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/store/slices/x.ts', "import { playSound } from '../../audio/sound';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/store/x.ts', 'export const title = () => document.title;\n')).toEqual(['no-restricted-globals']);
    expect(await findings('src/store/slices/x.ts', "import { newGame } from '../../engine';\nimport { createStore } from 'zustand/vanilla';\n")).toEqual([]);
  });

  it("lets views import only the engine's index and model", async () => {
    expect(await findings('src/ui/x.ts', "import { resolveTurn } from '../engine/turn';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/ui/screens/x.ts', "import { lookup } from '../../engine/lookup';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/world/x.ts', "import type { World } from '../engine/world';\n")).toEqual(['no-restricted-imports']);
    expect(await findings('src/ui/screens/x.ts', "type Turn = typeof import('../../engine/turn');\nexport type T = Turn;\n")).toEqual(['no-restricted-syntax']);
    expect(await findings('src/ui/screens/x.ts', "import { newGame } from '../../engine';\nimport type { Scenario } from '../../engine/model';\n")).toEqual([]);
  });

  it('treats author text as text everywhere in the page', async () => {
    expect(await findings('src/ui/x.ts', 'export function show(node: HTMLElement, text: string): void {\n  node.innerHTML = text;\n}\n')).toEqual(['no-restricted-properties']);
    expect(await findings('src/world/x.ts', "export function show(node: HTMLElement, text: string): void {\n  node.insertAdjacentHTML('beforeend', text);\n}\n")).toEqual(['no-restricted-properties']);
    expect(await findings('src/engine/x.ts', 'export const read = (node: { outerHTML: string }) => node.outerHTML;\n')).toEqual(['no-restricted-properties']);
    expect(await findings('src/scenario/x.ts', 'export const run = (code: string): unknown => eval(code);\n')).toEqual(['no-eval']);
    expect(await findings('src/scenario/x.ts', 'export const compile = (code: string) => new Function(code);\n')).toEqual(['no-new-func']);
    expect(await findings('src/ui/x.ts', 'export function show(node: HTMLElement, text: string): void {\n  node.textContent = text;\n}\n')).toEqual([]);
  });

  it('lets tests assemble rings: an engine test may load a scenario', async () => {
    expect(await findings('src/engine/x.test.ts', "import { loadScenario } from '../scenario/load';\nexport const started = Date.now();\n")).toEqual([]);
  });
});

/**
 * `virtual:shipped-scenarios`: where to fetch the scenarios in scenarios/, as build-validated data. A file that does
 * not check clean stops the build (and shows in the dev server's overlay) with the checker's
 * FILE:LINE:COL lines, so a broken scenario never ships.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { validatedScenarioData } from '../src/scenario/load';
import { stateHash } from '../src/engine/hash';
import type { ShippedScenario, ShippedScenarioFile } from '../src/scenario/shipped';

const VIRTUAL_ID = 'virtual:shipped-scenarios';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** The order players meet them in: the tutorial first, then by period. The template is for authors only. */
const ORDER = ['tutorial', 'fifty_years_on', 'different_roads', 'linkage', 'thaw'];

export function shippedScenarioFiles(dir: string): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const games = files.filter((f) => f !== 'template.yaml');
  const chosen = games.length > 0 ? games : files;
  const rank = (f: string): number => {
    const i = ORDER.indexOf(f.replace(/\.yaml$/, ''));
    return i === -1 ? ORDER.length : i;
  };
  return chosen.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function readShippedScenarios(dir: string): ShippedScenario[] {
  return shippedScenarioFiles(dir).map((file) => {
    const path = join(dir, file);
    const result = validatedScenarioData(`scenarios/${file}`, readFileSync(path, 'utf8'));
    if (!result.ok) {
      const lines = result.problems.map((p) => `${p.file}:${p.line}:${p.col}: error: ${p.message}`);
      throw new Error(`a shipped scenario does not check clean:\n${lines.join('\n')}`);
    }
    return { file, data: result.data };
  });
}

/** Where a scenario's data is served from, relative to the page: named by content, so a changed file is never stale in a cache. */
function publicPath(entry: ShippedScenario): string {
  const name = entry.file.replace(/\.yaml$/, '');
  return `shipped-scenarios/${name}-${stateHash(entry.data).slice(0, 8)}.json`;
}

/**
 * The data travels as JSON files beside the page, not inside the JavaScript: four scenarios in
 * three languages are more text than all of our code, and the loading screen shows their progress.
 */
export function shippedScenarios(dir: string): Plugin {
  let served = new Map<string, string>();
  const refresh = (): ShippedScenarioFile[] => {
    const entries = readShippedScenarios(dir);
    served = new Map(entries.map((e) => [publicPath(e), JSON.stringify(e)]));
    return entries.map((e) => ({ file: e.file, url: publicPath(e) }));
  };
  return {
    name: 'cyd:shipped-scenarios',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of shippedScenarioFiles(dir)) this.addWatchFile(join(dir, file));
      return `export default ${JSON.stringify(refresh())};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0]?.replace(/^\//, '') ?? '';
        const body = served.get(path);
        if (body === undefined) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(body);
      });
    },
    generateBundle() {
      for (const [fileName, source] of served) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

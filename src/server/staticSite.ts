/**
 * Serves a built folder (the game's `dist/`) as a production host does: every file read once at
 * start-up, text compressed once then (not on each request, which would put gzip on the same
 * processor as the page it serves), hashed assets cached for good and the rest revalidated.
 * Only files that exist in the folder can be named, so no path can climb out of it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY, FRAME_POLICY, policyOfPage } from './contentSecurityPolicy';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
/** Types worth compressing; fonts and images are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.yaml', '.yml', '.webmanifest']);
/** A built game is a few megabytes; a folder far larger is not one (and would all sit in memory). */
const MAX_SITE_BYTES = 64 * 1024 * 1024;

interface StaticFile {
  readonly type: string;
  readonly body: Buffer;
  readonly gzipped: Buffer | null;
  readonly immutable: boolean;
  /** For a page: the policy its own meta tag states (as built, with the build's scenario hosts), sent again as a header. */
  readonly policy: string | null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** Reads a built folder into memory: URL path (`/assets/x.js`) → file. */
export function readSite(root: string): ReadonlyMap<string, StaticFile> {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`${root} is not a folder: build the game first (npm run build).`);
  }
  const files = new Map<string, StaticFile>();
  let total = 0;
  for (const path of filesUnder(root)) {
    const body = readFileSync(path);
    total += body.length;
    if (total > MAX_SITE_BYTES) throw new Error(`${root} holds more than ${MAX_SITE_BYTES / 1024 / 1024} MB: is it a built game?`);
    const ext = extname(path).toLowerCase();
    const gzipped = COMPRESSIBLE.has(ext) ? gzipSync(body, { level: 9 }) : null;
    const url = '/' + relative(root, path).split(sep).join('/');
    files.set(url, {
      type: TYPES[ext] ?? 'application/octet-stream',
      body,
      gzipped: gzipped && gzipped.length < body.length ? gzipped : null,
      // Vite names what it builds under assets/ by content hash, so a name never changes meaning.
      immutable: url.startsWith('/assets/'),
      policy: ext === '.html' ? (policyOfPage(body.toString('utf8')) ?? CONTENT_SECURITY_POLICY) : null,
    });
  }
  return files;
}

/** The file a request names: its path without query, `/` and folders meaning their index.html. */
function lookUp(files: ReadonlyMap<string, StaticFile>, url: string | undefined): StaticFile | undefined {
  let path = (url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  try {
    path = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  return files.get(path) ?? files.get(path.endsWith('/') ? `${path}index.html` : `${path}/index.html`);
}

/** Answers GET and HEAD from `files`; anything else is refused, an unknown path is a 404. */
export function siteHandler(files: ReadonlyMap<string, StaticFile>): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Only GET and HEAD are served here.\n');
      return;
    }
    const file = lookUp(files, request.url);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No such file in this build.\n');
      return;
    }
    const gzip = file.gzipped !== null && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip && file.gzipped ? file.gzipped : file.body;
    response.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': body.length,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      // The page's meta tag says the same; only a header can forbid framing.
      ...(file.policy !== null ? { 'Content-Security-Policy': `${file.policy}; ${FRAME_POLICY}`, 'Referrer-Policy': 'no-referrer' } : {}),
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

/** Serves a built folder on `host:port` (port 0: any free one); resolves once it listens. */
export async function serveSite(root: string, host = '127.0.0.1', port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer(siteHandler(readSite(root)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server did not report its port');
  return { server, url: `http://${host}:${address.port}/` };
}

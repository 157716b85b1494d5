import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY, FRAME_POLICY } from './contentSecurityPolicy';
import { readSite, serveSite } from './staticSite';

const PAGE = '<!doctype html><title>game</title>' + 'x'.repeat(2000);
let root: string;
let server: Server;
let url: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cyd-site-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), PAGE);
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1);'.repeat(200));
  writeFileSync(join(root, 'fonts.woff2'), Buffer.from([1, 2, 3, 4]));
  writeFileSync(join(tmpdir(), 'cyd-site-secret.txt'), 'outside');
  ({ server, url } = await serveSite(root));
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'cyd-site-secret.txt'), { force: true });
});

/** A raw GET: Node's fetch would undo the gzip and tidy the path, hiding what is sent. */
async function get(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(path, url), { ...init, headers: { 'accept-encoding': 'identity', ...(init.headers as Record<string, string>) } });
}

describe('the site server', () => {
  it("sends a page's own policy as its header: a build that allows a scenario host says the same in both", async () => {
    const policy = contentSecurityPolicy({ scenarioHosts: ['https://raw.githubusercontent.com'] });
    const built = mkdtempSync(join(tmpdir(), 'cyd-site-hosts-'));
    // As Vite writes it: quotes as &#39;.
    writeFileSync(join(built, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy.replace(/'/g, '&#39;')}"><title>game</title>`);
    const site = await serveSite(built);
    try {
      expect((await fetch(site.url)).headers.get('content-security-policy')).toBe(`${policy}; ${FRAME_POLICY}`);
    } finally {
      site.server.close();
      rmSync(built, { recursive: true, force: true });
    }
  });

  it('listens on 127.0.0.1 only, on a port of its own', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves / as index.html, with the page policies only a header can carry', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(`${CONTENT_SECURITY_POLICY}; ${FRAME_POLICY}`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(PAGE);
  });

  it('sends text gzipped when asked, compressed once at start', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
      request(new URL('/index.html', url), { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ encoding: response.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(body.encoding).toBe('gzip');
    expect(body.bytes.length).toBeLessThan(PAGE.length);
    expect(gunzipSync(body.bytes).toString()).toBe(PAGE);
  });

  it('caches hashed assets for good, and never compresses what is packed already', async () => {
    const script = await get('/assets/index-abc123.js');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(script.headers.get('content-security-policy')).toBeNull();
    const font = await get('/fonts.woff2', { headers: { 'accept-encoding': 'gzip' } });
    expect(font.headers.get('content-encoding')).toBeNull();
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });

  it('names no file outside the folder, and refuses what is not a read', async () => {
    for (const path of ['/../cyd-site-secret.txt', '/%2e%2e/cyd-site-secret.txt', '/assets/..%2f..%2fcyd-site-secret.txt', '/%E0%A4%A', '/nothing.js']) {
      expect((await get(path)).status, path).toBe(404);
    }
    const post = await get('/', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await get('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(PAGE.length);
    expect(await head.text()).toBe('');
  });

  it('says to build first when the folder is missing', () => {
    expect(() => readSite(join(root, 'no-such-dist'))).toThrow(/build the game first \(npm run build\)/);
  });
});

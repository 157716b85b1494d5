/**
 * The one Content-Security-Policy of the game, for every server of the project: the build writes
 * it into index.html, the game's own server (src/server/staticSite.ts) and `vite preview` send it
 * as a header, and the dev server sends its development form. No 'unsafe-inline', no 'unsafe-eval':
 * Phaser 4 sets styles through the CSSOM (allowed) and its default textures are data: images.
 * `form-action`, `base-uri` and `object-src` close the usual gaps; `frame-ancestors` cannot be set
 * from a meta tag, so only the headers carry it (FRAME_POLICY).
 */

/**
 * The environment variable that names the sites an instructor's `?scenario=` address may fetch
 * from, as https origins separated by spaces or commas: `CYD_SCENARIO_HOSTS="https://raw.githubusercontent.com"`.
 * Read when the game is built (and by `npm start`, which builds): the page fetches nothing else.
 */
export const SCENARIO_HOSTS_VARIABLE = 'CYD_SCENARIO_HOSTS';

/** What only a header can say: no other site may frame the game (a click-jacked Seal and pass). */
export const FRAME_POLICY = "frame-ancestors 'none'";

interface PolicyOptions {
  /** https origins `?scenario=` may fetch from (the game's own site is always allowed). */
  readonly scenarioHosts?: readonly string[];
  /** The dev server's additions: Vite injects CSS as <style> elements, and the page talks to a class server on another port. */
  readonly dev?: { readonly classServer?: string };
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const connect = ["'self'", ...(options.scenarioHosts ?? [])];
  const style = ["'self'"];
  if (options.dev) {
    style.push("'unsafe-inline'");
    const server = options.dev.classServer;
    if (server) connect.push(server, server.replace(/^http/, 'ws'));
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${style.join(' ')}`,
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The production policy with no extra scenario hosts (what a plain `npm run build` ships). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * The scenario hosts the person running the build named, checked: each must be an https origin
 * (scheme and host, no path), so a typo cannot open the policy to every site.
 */
export function scenarioHostsFrom(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`${SCENARIO_HOSTS_VARIABLE}: '${entry}' is not an address; write an https origin such as https://raw.githubusercontent.com`);
      }
      if (url.protocol !== 'https:') throw new Error(`${SCENARIO_HOSTS_VARIABLE}: '${entry}' is not https; the game fetches scenario files from other sites over https only`);
      if (url.origin !== entry.replace(/\/$/, '')) throw new Error(`${SCENARIO_HOSTS_VARIABLE}: '${entry}' has a path or a wildcard; give only the site, such as ${url.origin}`);
      return url.origin;
    });
}

/** The policy a built page carries, read back from its index.html, so a header always says what the page says. */
export function policyOfPage(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/
    .exec(html)?.[1]
    ?.replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
}

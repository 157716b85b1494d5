/**
 * `?scenario=URL` in the page address: a scenario file the game fetches at boot, from its own site
 * (a relative address such as `scenarios/my_file.yaml`) or from another site the person running the
 * game named when building it (CYD_SCENARIO_HOSTS, src/server/contentSecurityPolicy.ts): the policy's
 * connect-src lets the page fetch nothing else. The other site must also allow the page to read the
 * file (CORS), as raw file hosts do.
 */
import type { LibraryProblem } from '../../store/library';

export type ScenarioAddress = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly problem: LibraryProblem };

/** The scenario address the page was opened with, resolved against the page; null when there is none. */
export function scenarioAddress(pageHref: string): ScenarioAddress | null {
  const raw = new URL(pageHref).searchParams.get('scenario');
  if (raw === null || raw.trim() === '') return null;
  const bad: ScenarioAddress = { ok: false, problem: { reason: 'badAddress', params: { url: raw } } };
  try {
    const url = new URL(raw.trim(), pageHref);
    return url.protocol === 'https:' || url.protocol === 'http:' ? { ok: true, url } : bad;
  } catch {
    return bad;
  }
}

/** The name problems and the list use for a fetched file: the last part of its path ("x.yaml"). */
export function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop();
  if (!last) return url.hostname || url.href;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export type Downloaded = { readonly ok: true; readonly name: string; readonly bytes: Uint8Array } | { readonly ok: false; readonly name: string; readonly problem: LibraryProblem };

/** Something that looks like a web page rather than YAML: what a wrong address usually returns. */
function looksLikeHtml(contentType: string, bytes: Uint8Array): boolean {
  if (/\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) return true;
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/**
 * Fetches a scenario file. A network failure, an HTTP error and a web page instead of a file each
 * come back as a problem for the library dialog, like a problem in a file.
 */
export async function downloadScenario(url: URL, fetchFile: typeof fetch = fetch): Promise<Downloaded> {
  const name = fileNameOf(url);
  const params = { url: url.href };
  let response: Response;
  try {
    response = await fetchFile(url.href, { cache: 'no-cache' });
  } catch {
    // The browser does not say why (offline, no such host, CORS and CSP all look the same): the message lists the causes.
    return { ok: false, name, problem: { reason: 'fetchFailed', params } };
  }
  if (!response.ok) return { ok: false, name, problem: { reason: 'httpStatus', params: { ...params, status: `${response.status} ${response.statusText}`.trim() } } };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return { ok: false, name, problem: { reason: 'fetchFailed', params } };
  }
  if (looksLikeHtml(response.headers.get('content-type') ?? '', bytes)) return { ok: false, name, problem: { reason: 'notYaml', params } };
  return { ok: true, name, bytes };
}

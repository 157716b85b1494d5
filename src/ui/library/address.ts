/**
 * `?scenario=URL` in the page address: a scenario file the game fetches at boot, from its own site
 * (a relative address such as `scenarios/my_file.yaml`) or from another site the person running the
 * game named when building it (CYD_SCENARIO_HOSTS, src/server/contentSecurityPolicy.ts): the policy's
 * connect-src lets the page fetch nothing else. The other site must also allow the page to read the
 * file (CORS), as raw file hosts do.
 */
import { MAX_FILE_BYTES } from '../../scenario/limits';
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

/** How long a download may take, start to end, before it is given up: 2 MB over a slow school line takes well under this. */
export const DOWNLOAD_TIMEOUT_MS = 30_000;

/** How far a download has come: bytes so far, and the whole when the server said (Content-Length). */
export interface DownloadProgress {
  readonly received: number;
  readonly total: number | null;
}

export interface DownloadOptions {
  readonly fetchFile?: typeof fetch;
  /** Aborted by the person (Cancel): the download stops and comes back as `cancelled`. */
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** The most bytes a file may have (the checker's own limit). */
  readonly maxBytes?: number;
}

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

/** The bytes `chunks` hold, in one array. */
function joined(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Fetches a scenario file, bounded in time and size: it gives up after `timeoutMs`, stops when the
 * person cancels, and reads the body as it arrives, stopping (and cancelling the rest) as soon as
 * it passes the size a scenario file may have, whatever the server said or however it is
 * compressed: the count is of the bytes the page receives after decompression. A network failure,
 * an HTTP error, a web page instead of a file, a time-out, a file too large and a cancel each come
 * back as a problem for the library dialog, like a problem in a file.
 */
export async function downloadScenario(url: URL, options: DownloadOptions = {}): Promise<Downloaded> {
  const { fetchFile = fetch, signal, timeoutMs = DOWNLOAD_TIMEOUT_MS, onProgress, maxBytes = MAX_FILE_BYTES } = options;
  const name = fileNameOf(url);
  const params = { url: url.href };
  const fail = (problem: LibraryProblem): Downloaded => ({ ok: false, name, problem });
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), timeoutMs);
  const stop = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal;
  // Why it stopped, when it did: the person's cancel, else the clock.
  const stopped = (): Downloaded => (signal?.aborted ? fail({ reason: 'cancelled', params }) : fail({ reason: 'timedOut', params: { ...params, seconds: Math.round(timeoutMs / 1000) } }));
  try {
    let response: Response;
    try {
      response = await abortable(fetchFile(url.href, { cache: 'no-cache', signal: stop }), stop);
    } catch {
      if (stop.aborted) return stopped();
      // The browser does not say why (offline, no such host, CORS and CSP all look the same): the message lists the causes.
      return fail({ reason: 'fetchFailed', params });
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      return fail({ reason: 'httpStatus', params: { ...params, status: `${response.status} ${response.statusText}`.trim() } });
    }
    const tooLarge = (): Downloaded => fail({ reason: 'tooLarge', params: { file: url.href, limit: maxBytes / 1048576 } });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    // A declared length is what the server sends (maybe compressed): only a hint for the progress, and a refusal when even that is too much.
    const total = Number.isFinite(declared) && declared > 0 ? declared : null;
    if (total !== null && total > maxBytes && !response.headers.get('content-encoding')) {
      void response.body?.cancel().catch(() => undefined);
      return tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let received = 0;
    onProgress?.({ received, total });
    if (response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await abortable(reader.read(), stop);
          if (done) break;
          received += value.length;
          if (received > maxBytes) {
            void reader.cancel().catch(() => undefined);
            return tooLarge();
          }
          chunks.push(value);
          onProgress?.({ received, total: total !== null && total >= received ? total : null });
        }
      } catch {
        void reader.cancel().catch(() => undefined);
        return stop.aborted ? stopped() : fail({ reason: 'fetchFailed', params });
      }
    }
    const bytes = joined(chunks, received);
    if (looksLikeHtml(response.headers.get('content-type') ?? '', bytes)) return fail({ reason: 'notYaml', params });
    return { ok: true, name, bytes };
  } finally {
    clearTimeout(timeout);
  }
}

/** `work`, or a rejection as soon as `signal` aborts (a fetch that ignores its signal, a read that never ends, must not hold the page). */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // The caller reads why from its signals; the rejection only ends the wait.
  const stopped = (): Error => new DOMException('the download was stopped', 'AbortError');
  if (signal.aborted) return Promise.reject(stopped());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(stopped());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

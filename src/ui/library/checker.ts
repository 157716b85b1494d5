/**
 * Where the page checks an instructor's file: in a Web Worker (checkWorker.ts), off the page's own
 * thread, so a large file never freezes it. The worker sends back plain data (a compiled scenario
 * holds closures, which cannot cross); the page compiles the validated data as it compiles a shipped
 * file (src/scenario/shipped.ts), which takes a small part of the check's time.
 */
import type { DataCheck } from '../../scenario/browser';
import { compileShipped } from '../../scenario/shipped';
import type { LibraryEntry } from '../../store';

export interface CheckRequest {
  readonly id: number;
  readonly file: string;
  readonly content: string | Uint8Array;
}

export type CheckReply = { readonly id: number; readonly result: DataCheck } | { readonly id: number; readonly error: string };

/** Checks one file; rejects only when the checker itself cannot run (its script did not load). */
export type FileChecker = (file: string, content: string | Uint8Array) => Promise<DataCheck>;

/** The worker's script could not be had (offline before it was ever fetched): the reason the dialog gives. */
class CheckerUnavailable extends Error {}

/** A checker in a Web Worker, started at the first file and kept for the next ones (a failed start is tried again next time). */
export function workerChecker(): FileChecker {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (result: DataCheck) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error): void => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
    worker?.terminate();
    worker = null;
  };

  const start = (): Worker => {
    const w = new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module', name: 'scenario-checker' });
    w.onmessage = ({ data }: MessageEvent<CheckReply>) => {
      const job = waiting.get(data.id);
      if (!job) return;
      waiting.delete(data.id);
      if ('result' in data) job.resolve(data.result);
      else job.reject(new Error(data.error));
    };
    // A script that did not load (or a crash): every file waiting hears it, and the next file starts a new worker.
    w.onerror = (event) => {
      event.preventDefault();
      failAll(new CheckerUnavailable(event.message || 'the checker did not start'));
    };
    w.onmessageerror = () => failAll(new CheckerUnavailable('the checker sent what the page could not read'));
    return w;
  };

  return (file, content) =>
    new Promise<DataCheck>((resolve, reject) => {
      try {
        worker ??= start();
      } catch (e) {
        return reject(e instanceof Error ? e : new Error(String(e)));
      }
      const id = ++next;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, file, content } satisfies CheckRequest);
    });
}

/** A checked file's entry for the list: its data compiled here, on the page, where the game plays it. */
export function entryOf(result: Extract<DataCheck, { ok: true }>): LibraryEntry {
  const scenario = compileShipped({ file: result.file, data: result.data });
  return { id: scenario.id, scenario, hash: result.hash, origin: 'custom', file: result.file };
}

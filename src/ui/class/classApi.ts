/**
 * The class server's HTTP API as the instructor's pages call it: a small JSON body out, JSON back,
 * and anything wrong said in words (the server's own `problem`, or that it cannot be reached).
 */
import type { ClassSettings, CreatedClass } from '../../class/instructor';
import { t } from '../../i18n';
import { classServerBase } from './server';

export type ApiAnswer<T> = { readonly ok: true; readonly body: T } | { readonly ok: false; readonly problem: string; readonly retryMs?: number; readonly unreachable?: true };

const REQUEST_TIMEOUT_MS = 10_000;
/** Longest problem the pages show from a server (it writes short sentences). */
const MAX_PROBLEM = 300;

export async function postClassApi<T>(path: string, body: unknown): Promise<ApiAnswer<T>> {
  try {
    const response = await fetch(`${classServerBase()}${path}`, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return { ok: true, body: answer as T };
    const problem = typeof answer.problem === 'string' ? answer.problem.slice(0, MAX_PROBLEM) : t('instructorClass.api.answered', { status: response.status });
    return typeof answer.retryMs === 'number' ? { ok: false, problem, retryMs: Math.min(10_000, Math.max(500, answer.retryMs)) } : { ok: false, problem };
  } catch {
    return { ok: false, problem: t('instructorClass.api.unreachable'), unreachable: true };
  }
}

/** Makes a class: its code, the instructor key (shown once) and its first games' codes. */
export async function createClass(settings: ClassSettings): Promise<ApiAnswer<CreatedClass>> {
  const answer = await postClassApi<Partial<CreatedClass>>('/api/classes', settings);
  if (!answer.ok) return answer;
  const { code, instructorKey, games } = answer.body;
  if (typeof code !== 'string' || typeof instructorKey !== 'string' || !Array.isArray(games)) return { ok: false, problem: t('instructorClass.api.strange') };
  return { ok: true, body: { code, instructorKey, games: games.filter((g): g is string => typeof g === 'string') } };
}

/** Makes sure the class's dashboard room is live on the server (restored from its store if need be). */
export function openClassRoom(code: string): Promise<ApiAnswer<{ code?: unknown; scenario?: unknown }>> {
  return postClassApi(`/api/classes/${encodeURIComponent(code)}/open`, {});
}

/** The page teams open to join the class: `?class=CODE` on the class server's address. */
export function classJoinLink(code: string): string {
  const url = new URL(classServerBase() + '/');
  url.searchParams.set('class', code);
  return url.toString();
}

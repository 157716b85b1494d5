/**
 * Where the class server is: the page's own address when the class server served it (`npm start`),
 * or the one the dev command names (`npm run dev` serves the page from Vite, the class server beside it).
 */
export function classServerBase(): string {
  const dev = import.meta.env.VITE_CLASS_SERVER as string | undefined;
  return dev && /^https?:\/\/[^\s]+$/.test(dev) ? dev.replace(/\/$/, '') : location.origin;
}

/** Does a class server answer here? (A page opened from a static copy has none.) */
export async function classServerAnswers(): Promise<boolean> {
  try {
    const response = await fetch(`${classServerBase()}/api/class`, { signal: AbortSignal.timeout(5_000) });
    return response.ok && typeof ((await response.json()) as { scenarios?: unknown }).scenarios === 'object';
  } catch {
    return false;
  }
}

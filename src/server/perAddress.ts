/**
 * A count per device address in a sliding window, for the limits that keep one device from wearing
 * a class down (wrong seat keys, new games). Bounded: past 10,000 addresses it starts afresh.
 */
export interface PerAddressLimit {
  /** True while `address` is under the limit in this window. */
  allowed(address: string): boolean;
  count(address: string): void;
}

/** At most `limit` counts per address in each `windowMs`. */
export function perAddressLimit(limit: number, windowMs: number, now: () => number): PerAddressLimit {
  const tries = new Map<string, { count: number; since: number }>();
  const entry = (address: string) => {
    const t = tries.get(address);
    if (t && now() - t.since < windowMs) return t;
    const fresh = { count: 0, since: now() };
    if (tries.size > 10_000) tries.clear();
    tries.set(address, fresh);
    return fresh;
  };
  return { allowed: (a) => entry(a).count < limit, count: (a) => void entry(a).count++ };
}

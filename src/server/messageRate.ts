/**
 * How fast a device may send messages to a room (a seat's or the dashboard's): this many in each
 * window. A burst past it is refused, not queued, so one device cannot slow a room for the others.
 */
const MESSAGES_PER_WINDOW = 20;
const MESSAGE_WINDOW_MS = 5_000;

/** What a room keeps per device to count its messages. */
export interface RateWindow {
  window: number;
  sent: number;
}

export const newRateWindow = (now: number): RateWindow => ({ window: now, sent: 0 });

/** Counts one message at `now`; false when it is past the rate. */
export function withinRate(counter: RateWindow, now: number): boolean {
  if (now - counter.window > MESSAGE_WINDOW_MS) {
    counter.window = now;
    counter.sent = 0;
  }
  return ++counter.sent <= MESSAGES_PER_WINDOW;
}

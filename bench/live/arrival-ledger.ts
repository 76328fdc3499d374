/**
 * What one client process saw of the live counts: per socket the latest and highest count per event,
 * and per change (event, confirmed count) when it reached its last socket here.
 *
 * With coalescing (LIVE_COALESCE_MS) a burst reaches a socket as fewer frames than changes, so a change
 * counts as delivered to a socket once a frame with that count or a higher one arrived; its latency to
 * the last subscriber is the latest such arrival over every socket minus its commit (the `changedAt` of
 * the frame that carried it, read by whichever socket got one). A change no frame carried anywhere has
 * no known commit time and is left out of the per-change figures (the row says how many were timed).
 */
export interface LedgerReport {
  sockets: number;
  frames: number;
  /** Per frame: arrival minus the commit of the count it carries. */
  latencies: number[];
  /** "eventId\tconfirmed" → the latest first-arrival over this process's sockets, and how many reached it. */
  reached: Record<string, { lastArrivalMs: number; sockets: number }>;
  /** "eventId\tconfirmed" → commit time, for each count some frame here carried. */
  committedAtMs: Record<string, number>;
}

export type Finals = Record<string, number>;

const keyOf = (eventId: string, confirmed: number) => `${eventId}\t${confirmed}`;

export class ArrivalLedger {
  /** socket → eventId → [latest count, highest count] */
  private readonly counts = new Map<number, Map<string, [number, number]>>();
  private frames = 0;
  private latencies: number[] = [];
  private reached = new Map<string, { lastArrivalMs: number; sockets: number }>();
  private committedAtMs = new Map<string, number>();

  record(socket: number, eventId: string, confirmed: number, changedAtMs: number, arrivedMs: number): void {
    this.frames++;
    this.latencies.push(arrivedMs - changedAtMs);
    this.committedAtMs.set(keyOf(eventId, confirmed), changedAtMs);
    let events = this.counts.get(socket);
    if (!events) this.counts.set(socket, (events = new Map()));
    const seen = events.get(eventId);
    const highest = seen ? seen[1] : confirmed - 1;
    events.set(eventId, [confirmed, Math.max(highest, confirmed)]);
    // A stale frame (lower than one already seen) reaches nothing new; a jump reaches every count skipped.
    for (let k = highest + 1; k <= confirmed; k++) {
      const key = keyOf(eventId, k);
      const entry = this.reached.get(key);
      if (entry) {
        entry.sockets++;
        entry.lastArrivalMs = Math.max(entry.lastArrivalMs, arrivedMs);
      } else {
        this.reached.set(key, { lastArrivalMs: arrivedMs, sockets: 1 });
      }
    }
  }

  /** Sockets whose LATEST frame for every event carries its final count. */
  settled(socketIds: Iterable<number>, finals: Finals): number {
    let n = 0;
    for (const socket of socketIds) {
      const events = this.counts.get(socket);
      if (events && Object.entries(finals).every(([eventId, count]) => events.get(eventId)?.[0] === count)) n++;
    }
    return n;
  }

  /** How far the furthest-behind socket's latest frame is below an event's final count (0: none behind). */
  maxBehind(socketIds: Iterable<number>, finals: Finals): number {
    let behind = 0;
    for (const socket of socketIds) {
      const events = this.counts.get(socket);
      for (const [eventId, count] of Object.entries(finals)) behind = Math.max(behind, count - (events?.get(eventId)?.[0] ?? 0));
    }
    return behind;
  }

  /** Starts a measurement: forgets frames and arrivals, keeps each socket's counts (a jump is measured from them). */
  reset(): void {
    this.frames = 0;
    this.latencies = [];
    this.reached = new Map();
    this.committedAtMs = new Map();
  }

  report(sockets: number): LedgerReport {
    return {
      sockets, frames: this.frames, latencies: this.latencies,
      reached: Object.fromEntries(this.reached), committedAtMs: Object.fromEntries(this.committedAtMs),
    };
  }
}

export interface FleetFigures {
  frames: number;
  latencies: number[];
  /** Per change that every subscriber reached and some frame carried: commit → last subscriber, ms. */
  lastSubscriberMs: number[];
}

/** Merges the client processes' reports: a change's last arrival is the latest over all of them. */
export function mergeLedgerReports(reports: LedgerReport[], subscribers: number): FleetFigures {
  const reached = new Map<string, { lastArrivalMs: number; sockets: number }>();
  const committedAtMs = new Map<string, number>();
  for (const report of reports) {
    for (const [key, entry] of Object.entries(report.reached)) {
      const merged = reached.get(key);
      if (merged) {
        merged.sockets += entry.sockets;
        merged.lastArrivalMs = Math.max(merged.lastArrivalMs, entry.lastArrivalMs);
      } else {
        reached.set(key, { ...entry });
      }
    }
    for (const [key, at] of Object.entries(report.committedAtMs)) committedAtMs.set(key, at);
  }
  const lastSubscriberMs: number[] = [];
  for (const [key, entry] of reached) {
    const committed = committedAtMs.get(key);
    if (entry.sockets === subscribers && committed !== undefined) lastSubscriberMs.push(entry.lastArrivalMs - committed);
  }
  return {
    frames: reports.reduce((sum, r) => sum + r.frames, 0),
    latencies: reports.flatMap((r) => r.latencies),
    lastSubscriberMs,
  };
}

/**
 * RFC 5545 §3.6.1: DTSTART, DTEND, DURATION, RECURRENCE-ID and UID occur at most once in a VEVENT.
 * Some writers repeat one with another value (two DTSTARTs two hours apart): which one is meant is a
 * guess, and a wrong time is worse than none, so that VEVENT is skipped naming both lines. A repeat
 * with the very same value is harmless and read.
 */
const ONCE_ONLY = new Set(['DTSTART', 'DTEND', 'DURATION', 'RECURRENCE-ID', 'UID']);

export class OnceOnlyProperties {
  private readonly seen = new Map<string, { text: string; line: number }>();

  /** A new VEVENT begins. */
  reset(): void {
    this.seen.clear();
  }

  /** What is wrong with this property line of the current VEVENT, or null. */
  check(name: string, text: string, line: number): string | null {
    if (!ONCE_ONLY.has(name)) return null;
    const first = this.seen.get(name);
    if (!first) {
      this.seen.set(name, { text, line });
      return null;
    }
    if (first.text === text) return null;
    return `${name} at line ${line} repeats the ${name} of line ${first.line} with another value (RFC 5545 §3.6.1 allows one); the VEVENT is skipped rather than guessed.`;
  }
}

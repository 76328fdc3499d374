/**
 * The "registrations over time" axis: the data's own span plus a small margin, never months of empty
 * axis around one point, and tick labels at the span's scale (times within two days, dates beyond).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface TimeAxis {
  min: number;
  max: number;
  label: (ms: number) => string;
}

/** A tenth of the span on each side; a lone point (or a burst within a minute) gets half an hour either side. */
export function timeAxis(times: number[], locale?: string): TimeAxis {
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = last - first;
  const margin = span < MINUTE ? 30 * MINUTE : span / 10;
  const min = first - margin;
  const max = last + margin;
  const shown = max - min;
  const format: Intl.DateTimeFormatOptions = shown <= 2 * DAY
    ? { hour: 'numeric', minute: '2-digit', ...(shown > 12 * HOUR ? { weekday: 'short' } : {}) }
    : { month: 'short', day: 'numeric' };
  const formatter = new Intl.DateTimeFormat(locale, format);
  return { min, max, label: (ms) => formatter.format(new Date(ms)) };
}

import { FeedCheck } from '../features/sources/feed-check';

const day = (d: Date) => d.toISOString().replace(/\.000Z$/, 'Z');

/** Item kinds as a person says them. */
const NOUNS: Record<string, string> = { catalog: 'catalog records' };

/** The report of `sources check`: one fact a line, so partner staff can read it and scripts can grep it. */
export function describeFeedCheck(url: string, format: string, timezone: string, check: FeedCheck): string {
  const lines = [`Checked ${format} ${url} (nothing was stored)`, `window: ${day(check.window.from)} to ${day(check.window.to)}, times read in ${timezone}`];
  if (check.status === 'FAILED') return `${[...lines, `status: FAILED: ${check.error}`].join('\n')}\n`;
  lines.push(`status: ${check.status}`);
  if (check.title) lines.push(`title: ${check.title}`);
  if (check.formatVersion) lines.push(`format version: ${check.formatVersion}`);
  const kinds = Object.entries(check.counts);
  lines.push(`would store: ${kinds.length ? kinds.map(([kind, n]) => `${n} ${NOUNS[kind] ?? kind}`).join(', ') : 'nothing'}`);
  lines.push(check.range ? `dates: ${day(check.range.first)} to ${day(check.range.last)}` : 'dates: none');
  for (const note of check.notes) lines.push(`note: ${note}`);
  const skips = check.skips;
  lines.push(`skipped: ${skips?.count ?? 0}`);
  for (const skip of skips?.reasons ?? []) {
    // Some reasons already name their line ("services.csv line 7: ..."): not twice.
    const line = skip.line != null && !skip.reason.includes(`line ${skip.line}`) ? `line ${skip.line}` : null;
    const where = [line, skip.offset != null ? `byte ${skip.offset}` : null, skip.ref].filter(Boolean).join(', ');
    lines.push(`  ${where ? `[${where}] ` : ''}${skip.reason}`);
  }
  if (skips && skips.count > skips.reasons.length) lines.push(`  ... and ${skips.count - skips.reasons.length} more`);
  return `${lines.join('\n')}\n`;
}

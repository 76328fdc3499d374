import type { Row } from './scenario';

/** A plain-text table over the union of the rows' columns (first-seen order), numbers right-aligned. */
export function formatTable(rows: Row[]): string {
  if (rows.length === 0) return '(no rows)';
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const cell = (row: Row, c: string) => (row[c] === undefined ? '' : String(row[c]));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)));
  const line = (values: string[], numeric: boolean[]) =>
    values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  const header = line(columns, columns.map(() => false));
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = rows.map((r) => line(columns.map((c) => cell(r, c)), columns.map((c) => typeof r[c] === 'number')));
  return [header, rule, ...body].join('\n');
}

/** The same rows as a GitHub-flavoured Markdown table. */
export function markdownTable(rows: Row[]): string {
  if (rows.length === 0) return '_no rows_';
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const escape = (v: string) => v.replace(/\|/g, '\\|');
  const numeric = columns.map((c) => rows.every((r) => r[c] === undefined || typeof r[c] === 'number'));
  return [
    `| ${columns.map(escape).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${columns.map((c) => escape(r[c] === undefined ? '' : String(r[c]))).join(' | ')} |`),
  ].join('\n');
}

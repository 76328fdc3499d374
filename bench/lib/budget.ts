import type { Row } from './scenario';

type Match = Record<string, string | number | (string | number)[]>;

export interface BudgetLine {
  id: string;
  claim: string;
  /** A scenario name, or "*" for every scenario. */
  scenario: string;
  where?: Match;
  unless?: Match;
  metric?: string;
  check?: 'p99-over-p50';
  min?: number;
  max?: number;
}

export interface Budget {
  lines: BudgetLine[];
}

export type Verdict = 'pass' | 'fail' | 'missing';

export interface BudgetResult {
  id: string;
  claim: string;
  scenario: string;
  /** Which row (its text columns, e.g. "postgres / http (server)") and, for pair checks, which pair. */
  subject: string;
  value: number | null;
  limit: string;
  verdict: Verdict;
}

export interface ScenarioRows {
  name: string;
  rows: Row[];
}

const matches = (row: Row, match: Match | undefined): boolean =>
  !match || Object.entries(match).every(([key, want]) => (Array.isArray(want) ? want.includes(row[key]) : row[key] === want));

const describeRow = (row: Row): string =>
  Object.values(row).filter((v) => typeof v === 'string' && !/^[\d/.]+$/.test(v)).join(' / ') || '(row)';

function limitOf(line: BudgetLine): string {
  return [line.min !== undefined ? `>= ${line.min}` : '', line.max !== undefined ? `<= ${line.max}` : ''].filter(Boolean).join(', ');
}

function verdictOf(line: BudgetLine, value: number): Verdict {
  if (!Number.isFinite(value)) return 'fail';
  if (line.min !== undefined && value < line.min) return 'fail';
  if (line.max !== undefined && value > line.max) return 'fail';
  return 'pass';
}

/** Every "<prefix>p99<suffix>" column with a matching "<prefix>p50<suffix>" column: p99 / p50. */
function tailRatios(row: Row): [string, number][] {
  return Object.keys(row)
    .filter((key) => key.includes('p99') && typeof row[key] === 'number' && typeof row[key.replace('p99', 'p50')] === 'number')
    .map((key) => [key, (row[key] as number) / (row[key.replace('p99', 'p50')] as number)]);
}

/**
 * Checks the budget against the scenarios that ran. A line naming a scenario that ran but finding no
 * value reports "missing" (the harness or scenario changed shape, which must not pass silently); a
 * "*" line only applies where its column exists; lines about scenarios not run are not reported.
 */
export function evaluateBudget(budget: Budget, ran: ScenarioRows[]): BudgetResult[] {
  const results: BudgetResult[] = [];
  for (const line of budget.lines) {
    for (const scenario of ran) {
      if (line.scenario !== '*' && line.scenario !== scenario.name) continue;
      const rows = scenario.rows.filter((row) => matches(row, line.where) && !(line.unless && matches(row, line.unless)));
      const base = { id: line.id, claim: line.claim, scenario: scenario.name, limit: limitOf(line) };
      let found = 0;
      for (const row of rows) {
        if (line.check === 'p99-over-p50') {
          for (const [key, ratio] of tailRatios(row)) {
            found++;
            results.push({ ...base, subject: `${describeRow(row)} (${key} / ${key.replace('p99', 'p50')})`, value: round2(ratio), verdict: verdictOf(line, ratio) });
          }
        } else if (line.metric && typeof row[line.metric] === 'number') {
          found++;
          const value = row[line.metric] as number;
          results.push({ ...base, subject: describeRow(row), value, verdict: verdictOf(line, value) });
        }
      }
      if (found === 0 && line.scenario !== '*') {
        results.push({ ...base, subject: `no row with ${line.metric ?? line.check}`, value: null, verdict: 'missing' });
      }
    }
  }
  return results;
}

const round2 = (n: number) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : n);

export const budgetHolds = (results: BudgetResult[]): boolean => results.every((r) => r.verdict === 'pass');

/**
 * For display: a line's passing rows fold into one entry ("all 6 rows", with the worst value), so a
 * report lists every breach in full and every holding line once.
 */
export function summarizeBudget(results: BudgetResult[]): BudgetResult[] {
  const out: BudgetResult[] = [];
  const groups = new Map<string, BudgetResult[]>();
  for (const r of results) {
    const key = `${r.id}\u0000${r.scenario}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  for (const group of groups.values()) {
    const failing = group.filter((r) => r.verdict !== 'pass');
    if (failing.length) {
      out.push(...failing);
      continue;
    }
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    const values = group.map((r) => r.value).filter((v): v is number => v !== null);
    const worst = group[0].limit.startsWith('>=') ? Math.min(...values) : Math.max(...values);
    out.push({ ...group[0], subject: `all ${group.length} rows (worst shown)`, value: worst });
  }
  return out;
}

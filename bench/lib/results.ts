import fs from 'node:fs';
import path from 'node:path';
import { BudgetResult, summarizeBudget } from './budget';
import type { MachineInfo } from './machine';
import type { RunSettings } from './settings';
import type { Row } from './scenario';
import { markdownTable } from './table';
import type { TownScale } from '../town/town-scale';

export interface ScenarioOutcome {
  name: string;
  description: string;
  seconds: number;
  rows: Row[];
  error?: string;
}

export interface RunRecord {
  date: string;
  mode: 'full' | 'smoke';
  command: string;
  machine: MachineInfo;
  settings: RunSettings;
  scale: TownScale;
  loadGenerator: string;
  scenarios: ScenarioOutcome[];
  budget: BudgetResult[];
}

export const BENCH_DIR = path.resolve(__dirname, '..');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
export const RESULTS_MD = path.join(BENCH_DIR, 'RESULTS.md');
/** Hand-written before/after notes of each optimization, included in RESULTS.md verbatim. */
export const OPTIMIZATIONS_MD = path.join(BENCH_DIR, 'optimizations.md');

export function writeJson(record: RunRecord, suffix = ''): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${record.date.slice(0, 10)}${suffix}.json`);
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

const settingsLine = (s: RunSettings) =>
  `${s.round.connections} connections; warm-up ${s.warmup.durationMs / 1000} s per variant, then ${s.rounds} rounds of ` +
  `${s.round.durationMs / 1000} s (or ${s.round.maxRequests.toLocaleString('en-US')} requests) per variant, interleaved; medians over rounds`;

export function renderResultsMarkdown(record: RunRecord, jsonFile: string): string {
  const m = record.machine;
  const out: string[] = [
    '# Benchmark results',
    '',
    `_Written by \`${record.command}\` on ${record.date}; raw figures in [${path.relative(BENCH_DIR, jsonFile)}](${path.relative(BENCH_DIR, jsonFile)}). ` +
      'Regenerate with `npm run bench`; do not edit by hand (notes belong in bench/optimizations.md, included below)._',
    '',
    '## Machine',
    '',
    markdownTable([{
      CPU: m.cpuModel, cores: m.cores, 'memory GB': m.memoryGb, OS: m.os, Node: m.node,
      ...Object.fromEntries(Object.entries(m.backends).map(([k, v]) => [k, v ?? ''])),
    }]),
    '',
    '**Read the ratios, not the absolute numbers.** This machine has 2 cores, shared with other work while the run went ' +
      '(the `req/s spread %` column shows how far the rounds of one variant were apart). Each ratio (`vs graphql-js`, ' +
      '`vs bare http`) compares variants measured in the same run, with their rounds interleaved, so the noise falls on ' +
      'both sides alike, and is the median of per-round ratios. `cpu ms/req` is the CPU the server process spent per ' +
      'request (the load generator runs in another process); `cpu vs graphql-js` compares those costs, and is what the ' +
      'throughput ratio tends to when the server has a core to itself. Latencies are measured per request by the load ' +
      'worker (exact, not histogram buckets).',
    '',
    '## How it was measured',
    '',
    `- Load: ${record.loadGenerator} in a separate process against 127.0.0.1; the server under test is the real one (\`startApp\`). ` +
      'The in-process baseline runs graphql-js `execute` on the same schema, services and database with the same concurrency ' +
      '(and the same document compiled once by graphql-jit, whose row carries its ratios against graphql-js); ' +
      'the bare baseline is Node `http` answering the same response bytes.',
    `- ${settingsLine(record.settings)}.`,
    `- Generated town: ${Object.entries(record.scale).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')}; ` +
      'each scenario builds it in a fresh SQLite file and a fresh PostgreSQL database.',
    '',
    '## Budget',
    '',
    record.budget.length
      ? markdownTable(summarizeBudget(record.budget).map((b) => ({ line: b.id, scenario: b.scenario, row: b.subject, value: b.value ?? 'n/a', limit: b.limit, result: b.verdict.toUpperCase() })))
      : '_no budget lines applied_',
    '',
  ];
  for (const scenario of record.scenarios) {
    out.push(`## ${scenario.name}`, '', `${scenario.description} (${scenario.seconds.toFixed(0)} s)`, '');
    out.push(scenario.error ? `**Failed:** \`${scenario.error.split('\n')[0]}\`` : markdownTable(scenario.rows), '');
  }
  if (fs.existsSync(OPTIMIZATIONS_MD)) out.push(fs.readFileSync(OPTIMIZATIONS_MD, 'utf8').trim(), '');
  return `${out.join('\n')}\n`;
}

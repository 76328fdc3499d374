import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { benchBackends, benchTownOverrides } from './lib/bench-env';
import { Budget, budgetHolds, BudgetResult, evaluateBudget, summarizeBudget } from './lib/budget';
import { describeMachine } from './lib/machine';
import { BENCH_DIR, renderResultsMarkdown, RESULTS_DIR, RESULTS_MD, RunRecord, ScenarioOutcome, writeJson } from './lib/results';
import { runSettings } from './lib/settings';
import { formatTable } from './lib/table';
import { SCENARIOS } from './scenarios';
import { townScaleFor } from './town/town-scale';

const USAGE = `Usage: npm run bench [-- [--smoke] [scenario ...]]

  (no scenario)   run every scenario; a full run writes bench/results/<date>.json and bench/RESULTS.md
  <scenario>      run only the named scenarios (writes bench/results/<date>-<names>.json)
  --smoke         a few seconds per scenario to prove the harness works (CI); writes nothing,
                  and budget breaches are reported without failing
  --list          list the scenarios
  --render        rewrite bench/RESULTS.md from the latest full run's JSON (after editing
                  bench/optimizations.md), without measuring anything

Environment: BENCH_BACKENDS (sqlite,postgres), BENCH_DATABASE_URL, BENCH_TOWN (e.g. events=5000).
Exit status: 1 when a scenario fails, or (outside --smoke) when a budget line is breached; 2 on bad usage.`;

function printBudget(results: BudgetResult[]): void {
  if (!results.length) return;
  process.stdout.write('\nBudget\n');
  process.stdout.write(`${formatTable(summarizeBudget(results).map((r) => ({
    result: r.verdict.toUpperCase(), line: r.id, scenario: r.scenario, row: r.subject, value: r.value ?? 'n/a', limit: r.limit,
  })))}\n`);
}

/** Full runs of every scenario are named <date>.json; partial runs carry the scenario names. */
function latestFullRun(): string {
  const files = fs.existsSync(RESULTS_DIR) ? fs.readdirSync(RESULTS_DIR).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort() : [];
  if (!files.length) throw new Error(`no full run in ${RESULTS_DIR}; run \`npm run bench\` first`);
  return path.join(RESULTS_DIR, files[files.length - 1]);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { smoke: { type: 'boolean', default: false }, list: { type: 'boolean', default: false }, render: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.list) {
    for (const s of SCENARIOS) process.stdout.write(`${s.name.padEnd(16)} ${s.description}\n`);
    return 0;
  }
  if (values.render) {
    const file = latestFullRun();
    fs.writeFileSync(RESULTS_MD, renderResultsMarkdown(JSON.parse(fs.readFileSync(file, 'utf8')) as RunRecord, file));
    process.stdout.write(`Rewrote ${path.relative(process.cwd(), RESULTS_MD)} from ${path.relative(process.cwd(), file)}\n`);
    return 0;
  }
  const unknown = positionals.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) {
    process.stderr.write(`Unknown scenario ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
    return 2;
  }
  const smoke = values.smoke;
  const selected = positionals.length ? SCENARIOS.filter((s) => positionals.includes(s.name)) : SCENARIOS;
  const backends = benchBackends();
  const scale = townScaleFor(smoke, benchTownOverrides());
  const machine = await describeMachine(backends);
  process.stdout.write(`${smoke ? 'Smoke' : 'Full'} run of ${selected.map((s) => s.name).join(', ')} on ${backends.join(' + ')}: ` +
    `${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}\n`);

  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of selected) {
    process.stdout.write(`\n== ${scenario.name}: ${scenario.description}\n`);
    const started = performance.now();
    const outcome: ScenarioOutcome = { name: scenario.name, description: scenario.description, seconds: 0, rows: [] };
    try {
      outcome.rows = await scenario.run({ smoke, backends });
      process.stdout.write(`${formatTable(outcome.rows)}\n`);
    } catch (error) {
      outcome.error = (error as Error).stack ?? String(error);
      process.stderr.write(`scenario ${scenario.name} failed: ${outcome.error}\n`);
    }
    outcome.seconds = (performance.now() - started) / 1000;
    outcomes.push(outcome);
  }

  const budget = JSON.parse(fs.readFileSync(path.join(BENCH_DIR, 'budget.json'), 'utf8')) as Budget;
  const results = evaluateBudget(budget, outcomes.filter((o) => !o.error));
  printBudget(results);

  const record: RunRecord = {
    date: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    machine, settings: runSettings(smoke), scale,
    loadGenerator: `autocannon ${(require('autocannon/package.json') as { version: string }).version}`,
    scenarios: outcomes,
    budget: results,
  };
  if (smoke) {
    process.stdout.write('\nSmoke run: figures are not meaningful and nothing was written.\n\n');
  } else {
    const partial = positionals.length > 0;
    const file = writeJson(record, partial ? `-${selected.map((s) => s.name).join('-')}` : '');
    process.stdout.write(`\nWrote ${path.relative(process.cwd(), file)}`);
    if (!partial) {
      fs.writeFileSync(RESULTS_MD, renderResultsMarkdown(record, file));
      process.stdout.write(` and ${path.relative(process.cwd(), RESULTS_MD)}`);
    }
    process.stdout.write('\n');
  }

  const failed = outcomes.filter((o) => o.error).map((o) => o.name);
  if (failed.length) {
    process.stderr.write(`Failed scenarios: ${failed.join(', ')}\n`);
    return 1;
  }
  if (!budgetHolds(results)) {
    const breached = results.filter((r) => r.verdict !== 'pass').length;
    process.stderr.write(`${breached} budget line(s) breached${smoke ? ' (smoke run: reported only)' : ''}\n`);
    return smoke ? 0 : 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: Error) => {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  },
);

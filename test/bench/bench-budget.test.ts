import { budgetHolds, evaluateBudget, summarizeBudget, Budget } from '../../bench/lib/budget';

const budget: Budget = {
  lines: [
    { id: 'ratio', claim: 'HTTP keeps half', scenario: 'events-page', where: { variant: 'http' }, metric: 'vs graphql-js', min: 0.5 },
    { id: 'tail', claim: 'p99 within 10x p50', scenario: '*', unless: { variant: ['baseline'] }, check: 'p99-over-p50', max: 10 },
  ],
};

describe('the performance budget', () => {
  it('passes a row inside every limit and fails the one outside', () => {
    const results = evaluateBudget(budget, [{
      name: 'events-page',
      rows: [
        { backend: 'sqlite', variant: 'http', 'vs graphql-js': 0.62, 'p50 ms': 4, 'p99 ms': 12 },
        { backend: 'postgres', variant: 'http', 'vs graphql-js': 0.41, 'p50 ms': 2, 'p99 ms': 30 },
      ],
    }]);
    expect(results.map((r) => [r.id, r.subject, r.value, r.verdict])).toEqual([
      ['ratio', 'sqlite / http', 0.62, 'pass'],
      ['ratio', 'postgres / http', 0.41, 'fail'],
      ['tail', 'sqlite / http (p99 ms / p50 ms)', 3, 'pass'],
      ['tail', 'postgres / http (p99 ms / p50 ms)', 15, 'fail'],
    ]);
    expect(budgetHolds(results)).toBe(false);
  });

  it('pairs every pXX column of a row from another scenario by name', () => {
    const results = evaluateBudget(budget, [{
      name: 'live',
      rows: [{ backend: 'postgres', subscribers: 1000, 'delivery p50 ms': 5, 'delivery p99 ms': 45 }],
    }]);
    expect(results).toEqual([expect.objectContaining({ id: 'tail', scenario: 'live', subject: 'postgres (delivery p99 ms / delivery p50 ms)', value: 9, verdict: 'pass' })]);
  });

  it('skips baseline rows named in unless', () => {
    const results = evaluateBudget(budget, [{ name: 'lookups', rows: [{ variant: 'baseline', 'p50 ms': 0.1, 'p99 ms': 5 }] }]);
    expect(results).toEqual([]);
  });

  it('reports a named scenario that ran without the metric as missing, never as passing', () => {
    const results = evaluateBudget(budget, [{ name: 'events-page', rows: [{ variant: 'http', 'req/s': 100 }] }]);
    expect(results).toEqual([expect.objectContaining({ id: 'ratio', verdict: 'missing', value: null })]);
    expect(budgetHolds(results)).toBe(false);
  });

  it('says nothing about scenarios that did not run', () => {
    expect(evaluateBudget(budget, [])).toEqual([]);
  });

  it('folds passing rows of one line into one entry with the worst value, and keeps every breach', () => {
    const results = evaluateBudget(budget, [{
      name: 'events-page',
      rows: [
        { variant: 'http', 'p50 ms': 1, 'p99 ms': 2 },
        { variant: 'http', 'p50 ms': 1, 'p99 ms': 7 },
        { variant: 'http', 'p50 ms': 1, 'p99 ms': 11 },
      ],
    }]).filter((r) => r.id === 'tail');
    expect(summarizeBudget(results).map((r) => [r.verdict, r.value])).toEqual([['fail', 11]]);
    expect(summarizeBudget(results.slice(0, 2)).map((r) => [r.subject, r.value])).toEqual([['all 2 rows (worst shown)', 7]]);
  });
});

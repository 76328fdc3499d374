import { benchBackends } from './bench-env';
import type { Scenario } from './scenario';
import { formatTable } from './table';

/** `tsx bench/scenarios/<name>.ts [--smoke]`: run one scenario alone and print its rows. */
export function runStandalone(scenario: Scenario, argv = process.argv.slice(2)): void {
  const smoke = argv.includes('--smoke');
  scenario.run({ smoke, backends: benchBackends() }).then(
    (rows) => process.stdout.write(`${scenario.name}\n${formatTable(rows)}\n`),
    (error: Error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}

import { benchTownOverrides } from './bench-env';
import { GraphqlBench } from './graphql-bench';
import { LoadGenerator } from './load-generator';
import type { Row, Scenario, ScenarioOptions } from './scenario';
import { parseTownOverrides, townScaleFor, TownScale } from '../town/town-scale';

/**
 * A scenario against the real GraphQL server over the generated town: one load generator for the
 * run, one server per backend, each closed whatever happens. `runOn` measures one backend.
 */
export function graphqlScenario(
  name: string, description: string,
  runOn: (bench: GraphqlBench, load: LoadGenerator, smoke: boolean) => Promise<Row[]>,
  /** A scenario that needs another town than the shared one (more registrations) says so here; BENCH_TOWN still overrides. */
  townFor: (base: TownScale) => TownScale = (base) => base,
): Scenario {
  return {
    name,
    description,
    async run({ smoke, backends }: ScenarioOptions): Promise<Row[]> {
      const scale = parseTownOverrides(benchTownOverrides(), townFor(townScaleFor(smoke, undefined)));
      const load = await LoadGenerator.start();
      const rows: Row[] = [];
      try {
        for (const backend of backends) {
          const bench = await GraphqlBench.start(backend, scale);
          try {
            rows.push(...await runOn(bench, load, smoke));
          } finally {
            await bench.close();
          }
        }
      } finally {
        await load.stop();
      }
      return rows;
    },
  };
}

/**
 * The contract every benchmark scenario module follows (see the project BRIEF): `bench/scenarios/<name>.ts`
 * exports `scenario`, and `bench/scenarios/index.ts` lists them. One row of metrics per backend/variant.
 */
export type BackendName = 'sqlite' | 'postgres';

export type Row = Record<string, string | number>;

export interface ScenarioOptions {
  /** A few-seconds pass that only proves the scenario still works (CI); its figures mean nothing. */
  smoke: boolean;
  backends: BackendName[];
}

export interface Scenario {
  name: string;
  description: string;
  run(opts: ScenarioOptions): Promise<Row[]>;
}

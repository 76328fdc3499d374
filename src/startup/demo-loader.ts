import type { DataSource } from 'typeorm';

/**
 * The demo community, as the entry point hands it in (bin/community-graph.js loads demo/seed for `serve` and `seed` only): the
 * product's code never imports the demo, so a deployment without it carries none of it.
 */
export interface DemoLoader {
  isEmpty(db: DataSource): Promise<boolean>;
  seedDemo(db: DataSource): Promise<{ partners: number; locations: number; events: number; registrations: number }>;
}

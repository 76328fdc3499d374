import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isEmpty, seedDemo } from '../demo/seed';
import { startApp } from './app';
import { installShutdown } from './shutdown';
import { Config, ConfigError, loadConfig } from './config';
import { openDatabase } from './db/data-source';
import { apikeyCommand } from './cli/apikey.command';

const USAGE = `Usage: community-graph <command>

Commands:
  serve     Start the GraphQL gateway (migrates the database; loads the demo into an empty one unless DEMO=off)
  migrate   Bring the database schema up to date, then exit
  seed      Load the Millbrook demo community into an empty database (--force to add it anyway)
  apikey    Create, list or revoke API keys (community-graph apikey --help)

Configuration comes from the environment; see README.md.`;

async function serve(config: Config): Promise<void> {
  const app = await startApp(config);
  installShutdown(app, config.shutdownTimeoutMs);
  const shown = app.url.replace('://127.0.0.1:', '://localhost:');
  app.logger.info({ url: `${app.url}/graphql` }, 'Community Graph is listening');
  process.stdout.write(`Community Graph ready at ${shown}/graphql\n`);
}

async function migrate(config: Config): Promise<void> {
  const db = await openDatabase(config.database);
  const pending = await db.showMigrations();
  await db.destroy();
  process.stdout.write(`Database is up to date${pending ? ' (pending migrations remain!)' : ''}.\n`);
}

async function seed(config: Config, force: boolean): Promise<void> {
  const db = await openDatabase(config.database);
  try {
    if (!force && !(await isEmpty(db))) {
      process.stdout.write('The database already has partners; not loading the demo (use --force to add it anyway).\n');
      return;
    }
    const report = await seedDemo(db);
    process.stdout.write(`Loaded the demo: ${report.partners} partners, ${report.locations} locations, ${report.events} events, ${report.registrations} registrations.\n`);
  } finally {
    await db.destroy();
  }
}

export async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'apikey') return apikeyCommand(argv.slice(1), loadConfig());
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const [command] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': return serve(config);
    case 'migrate': return migrate(config);
    case 'seed': return seed(config, values.force);
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

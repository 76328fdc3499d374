import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { DomainError } from './domain/errors';
import { StartupError } from './startup/startup-error';
import { apikeyCliCommand } from './cli/apikey.command';
import { CliCommand, CliDeps, CliIO, CliUsageError } from './cli/command';
import { migrateCommand } from './cli/migrate.command';
import { partnersCommand } from './cli/partners.command';
import { seedCommand } from './cli/seed.command';
import { serveCommand } from './cli/serve.command';
import { sourcesCommand } from './cli/sources.command';
import { syncCommand } from './cli/sync.command';

/** Every command, one file each under src/cli/; this file only dispatches. */
const COMMANDS: CliCommand[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  partnersCommand,
  sourcesCommand,
  syncCommand,
  apikeyCliCommand,
];

const usage = () => `Usage: community-graph <command>

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join('\n')}

Configuration comes from the environment; see README.md.`;

const io: CliIO = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };

export async function main(argv: string[], deps: CliDeps): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${usage()}\n`);
    return;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage()}\n`);
    process.exitCode = 2;
    return;
  }
  await command.run(rest, loadConfig(), io, deps);
}

/**
 * The process's entry (bin/community-graph.js): runs one command and turns a failure into one plain
 * line and an exit status.
 */
export function runMain(argv: string[], deps: CliDeps): void {
  main(argv, deps).catch((error: unknown) => {
    if (error instanceof CliUsageError || (error as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n`);
      process.exit(2);
    }
    const expected = error instanceof ConfigError || error instanceof DomainError || error instanceof StartupError;
    // One line for an operator; the stack only when asked for (LOG_LEVEL=debug or trace).
    const verbose = process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace';
    const message = expected ? (error as Error).message : `Community Graph stopped on an unexpected error: ${(error as Error).message ?? String(error)} (LOG_LEVEL=debug shows the stack)`;
    io.err(`${verbose && !expected ? (error as Error).stack ?? message : message}\n`);
    process.exit(1);
  });
}

import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { DomainError } from './domain/errors';
import { StartupError } from './startup/startup-error';
import { CliCommand, CliDeps, CliIO, isUsageMistake } from './cli/command';
import { COMMANDS } from './cli/commands';

/** The footer of every usage text: scripts and cron jobs branch on these. */
const EXIT_STATUS = `Exit status: 0 success, 1 the command ran and failed (e.g. a sync with a FAILED source), 2 a usage mistake.`;

const usage = () => `Usage: community-graph <command> [options]
       community-graph <command> --help
       community-graph help <command>

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join('\n')}

Configuration comes from the environment; see README.md.
${EXIT_STATUS}`;

const commandUsage = (command: CliCommand) => `${command.usage}\n\n${EXIT_STATUS}`;

/** `--help` or `-h` among a command's words (not after `--`, where words are data). */
const HELP = new Set(['--help', '-h']);
const asksForHelp = (args: string[]) => args.slice(0, args.includes('--') ? args.indexOf('--') : undefined).some((word) => HELP.has(word));

const io: CliIO = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };

function unknownCommand(name: string): void {
  io.err(`Unknown command "${name}".\n\n${usage()}\n`);
  process.exitCode = 2;
}

export async function main(argv: string[], deps: CliDeps): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || HELP.has(name) || (name === 'help' && !rest.length)) {
    io.out(`${usage()}\n`);
    return;
  }
  if (name === 'help') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    if (!topic || rest.length > 1) return unknownCommand(rest.join(' '));
    io.out(`${commandUsage(topic)}\n`);
    return;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return unknownCommand(name);
  // Answered here, before the configuration is read: help works whatever the environment holds.
  if (asksForHelp(rest)) {
    io.out(`${commandUsage(command)}\n`);
    return;
  }
  try {
    await command.load().run(rest, loadConfig(), io, deps);
  } catch (error) {
    if (!isUsageMistake(error)) throw error;
    io.err(`${error.message}\n\n${commandUsage(command)}\n`);
    process.exitCode = 2;
  }
}

/**
 * The process's entry (bin/community-graph.js): runs one command and turns a failure into one plain
 * line and an exit status.
 */
export function runMain(argv: string[], deps: CliDeps): void {
  main(argv, deps).catch((error: unknown) => {
    if (isUsageMistake(error)) {
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

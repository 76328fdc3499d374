import { Config } from '../config';
import type { DemoLoader } from '../startup/demo-loader';

/** Where a command writes; injected so tests and main() share the code path. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/**
 * One `community-graph <name> ...` command as the command list (src/cli/commands.ts) knows it: what
 * help prints, and how to load the implementation, `src/cli/<name>.command.ts`. main.ts only
 * dispatches, and answers `--help`, `-h` and `help <name>` with `usage` (stdout, exit 0) and prints
 * `usage` after the message of a usage mistake (stderr, exit 2), so commands neither parse `--help`
 * nor repeat their usage. A new command is one new file plus one entry in that list.
 */
export interface CliCommand {
  name: string;
  /** One line for the usage text. */
  summary: string;
  /** Every form of the command, its subcommands included, starting "Usage:". */
  usage: string;
  /**
   * The implementation, required only when the command runs: help and usage mistakes load no command
   * code, no database driver and no demo, so they answer at once.
   */
  load(): CliCommandRun;
}

/** A command's implementation, the main export of its `src/cli/<name>.command.ts`. */
export interface CliCommandRun {
  /** `args` are the words after the command name. Set process.exitCode for failures worth a status. */
  run(args: string[], config: Config, io: CliIO, deps: CliDeps): Promise<void>;
}

/** What the entry point hands every command beside its configuration. */
export interface CliDeps {
  /**
   * Loads the demo community (serve with DEMO on, seed); null where the demo is not shipped. A
   * function, so only the commands that use it load it (it pulls in the whole composition).
   */
  demo: (() => DemoLoader) | null;
}

/** A usage mistake: printed with the command's usage and without a stack trace, exit status 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** A usage mistake of ours or one node:util's parseArgs found (an unknown option, a missing value). */
export function isUsageMistake(error: unknown): error is Error {
  return error instanceof CliUsageError || Boolean((error as { code?: string } | null)?.code?.startsWith?.('ERR_PARSE_ARGS'));
}

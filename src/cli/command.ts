import { Config } from '../config';
import type { DemoLoader } from '../startup/demo-loader';

/** Where a command writes; injected so tests and main() share the code path. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/**
 * One `community-graph <name> ...` command, in its own file `src/cli/<name>.command.ts`. main.ts only
 * dispatches: a new command is one new file plus one entry in its COMMANDS list. main.ts also answers
 * `--help`, `-h` and `help <name>` with `usage` (stdout, exit 0), and prints `usage` after the message
 * of a usage mistake (stderr, exit 2), so commands neither parse `--help` nor repeat their usage.
 */
export interface CliCommand {
  name: string;
  /** One line for the usage text. */
  summary: string;
  /** Every form of the command, its subcommands included, starting "Usage:". */
  usage: string;
  /** `args` are the words after the command name. Set process.exitCode for failures worth a status. */
  run(args: string[], config: Config, io: CliIO, deps: CliDeps): Promise<void>;
}

/** What the entry point hands every command beside its configuration. */
export interface CliDeps {
  /** The demo community (serve with DEMO on, seed); null where the demo is not shipped. */
  demo: DemoLoader | null;
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

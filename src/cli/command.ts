import { Config } from '../config';
import type { DemoLoader } from '../startup/demo-loader';

/** Where a command writes; injected so tests and main() share the code path. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/**
 * One `community-graph <name> ...` command, in its own file `src/cli/<name>.command.ts`. main.ts only
 * dispatches: a new command is one new file plus one entry in its COMMANDS list.
 */
export interface CliCommand {
  name: string;
  /** One line for the usage text. */
  summary: string;
  /** `args` are the words after the command name. Set process.exitCode for failures worth a status. */
  run(args: string[], config: Config, io: CliIO, deps: CliDeps): Promise<void>;
}

/** What the entry point hands every command beside its configuration. */
export interface CliDeps {
  /** The demo community (serve with DEMO on, seed); null where the demo is not shipped. */
  demo: DemoLoader | null;
}

/** A usage mistake: printed without a stack trace, exit status 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

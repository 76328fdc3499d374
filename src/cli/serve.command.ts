import { parseArgs } from 'node:util';
import { startApp } from '../app';
import { installShutdown } from '../shutdown';
import { CliCommandRun } from './command';

export const serveCommand: CliCommandRun = {
  async run(args, config, io, deps) {
    parseArgs({ args, strict: true, options: {} });
    const app = await startApp(config, { demo: config.demo ? deps.demo?.() ?? null : null });
    // Before "ready" is printed: a SIGTERM sent the moment a supervisor sees it must drain, not kill.
    installShutdown(app, config.shutdownTimeoutMs);
    const shown = app.url.replace('://127.0.0.1:', '://localhost:');
    app.logger.info({ url: `${app.url}/graphql` }, 'Community Graph is listening');
    io.out(`Community Graph ready at ${shown}/graphql\n`);
  },
};

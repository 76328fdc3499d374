import { startApp } from '../app';
import { CliCommand } from './command';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start the GraphQL gateway (migrates the database; loads the demo into an empty one unless DEMO=off)',
  async run(_args, config, io) {
    const app = await startApp(config);
    const shown = app.url.replace('://127.0.0.1:', '://localhost:');
    app.logger.info({ url: `${app.url}/graphql` }, 'Community Graph is listening');
    io.out(`Community Graph ready at ${shown}/graphql\n`);
    const stop = (signal: string) => {
      app.logger.info({ signal }, 'shutting down');
      app.close().then(() => process.exit(0), (error) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  },
};

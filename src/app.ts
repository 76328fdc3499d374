import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { isEmpty, seedDemo } from '../demo/seed';
import { Config } from './config';
import { ContextDeps } from './context';
import { DataSourceOptions, openDatabase } from './db/data-source';
import { withStartupLock } from './db/startup-lock';
import { createHttpServer } from './http/server';
import { createLogger, Logger } from './logger';
import { buildCommunitySchema } from './schema/build-schema';
import { buildCommunitySubgraphSchema } from './schema/build-subgraph-schema';
import { createMemoryPubSub } from './pubsub/pubsub';
import { createServices, Services } from './services';

export interface App {
  /** Base URL the server listens on, e.g. http://127.0.0.1:4000 */
  url: string;
  db: DataSource;
  services: Services;
  logger: Logger;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  dataSource?: DataSourceOptions;
}

/** The composition root: config → database → services → HTTP server. `close()` undoes it in reverse. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = await openDatabase(config.database, options.dataSource);
  try {
    // Under the startup lock, so replicas started together load the demo once.
    await withStartupLock(db, async () => {
      if (config.demo && (await isEmpty(db))) {
        const report = await seedDemo(db);
        logger.info(report, 'loaded the Millbrook demo community into the empty database');
      }
    });
    const services = createServices(db, { maxPageSize: config.maxPageSize, pubsub: createMemoryPubSub() });
    const deps: ContextDeps = { db, services, logger };
    const schema = await buildCommunitySchema();
    const subgraphSchema = buildCommunitySubgraphSchema(schema);
    const { server, apollo, subgraph } = await createHttpServer({
      schema, subgraphSchema, deps, introspection: config.introspection,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${host}:${port}`,
      db,
      services,
      logger,
      async close() {
        await apollo.stop();
        await subgraph?.stop();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

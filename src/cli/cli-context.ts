import pino from 'pino';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { Context, createContext } from '../context';
import { openDatabase } from '../db/data-source';
import { ApiKeyRole } from '../domain/enums';
import { createLogger } from '../logger';
import { createMemoryPubSub } from '../pubsub/pubsub';
import { createServices, Services } from '../compose';

/**
 * The CLI runs on the server with the database credentials, so it acts as ADMIN (an operator who can
 * run it could as well run SQL). Every change still goes through the same services and rules.
 */
export async function withAdminContext<T>(config: Config, work: (ctx: Context, services: Services, db: DataSource) => Promise<T>): Promise<T> {
  const db = await openDatabase(config.database);
  try {
    // stderr, not stdout, which carries the command's own output (`--json` included); and quieter than
    // the server unless LOG_LEVEL says otherwise (Config.cliLogLevel).
    const logger = createLogger(config.cliLogLevel, pino.destination({ fd: 2, sync: true }));
    // The server's own composition and fetch policy (SOURCE_ALLOW_HOSTS, SOURCE_FILE_ROOTS): an operator
    // syncing a partner's source must not fetch what the server would refuse.
    const services = createServices(db, { config, pubsub: createMemoryPubSub(), logger });
    // The operator at the console acts as an admin; everything else is a normal context.
    const ctx: Context = { ...(await createContext({ db, apiKeys: services.apiKeys, logger })), principal: { role: ApiKeyRole.ADMIN, keyId: 'cli' } };
    return await work(ctx, services, db);
  } finally {
    await db.destroy();
  }
}

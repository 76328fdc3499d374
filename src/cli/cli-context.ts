import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { Context } from '../context';
import { openDatabase } from '../db/data-source';
import { ApiKeyRole } from '../domain/enums';
import { createLoaders } from '../loaders/create-loaders';
import { createLogger } from '../logger';
import { createMemoryPubSub } from '../pubsub/pubsub';
import { createServices } from '../services';

/**
 * The CLI runs on the server with the database credentials, so it acts as ADMIN (an operator who can
 * run it could as well run SQL). Every change still goes through the same services and rules.
 */
export async function withAdminContext<T>(config: Config, work: (ctx: Context, db: DataSource) => Promise<T>): Promise<T> {
  const db = await openDatabase(config.database);
  try {
    const logger = createLogger(config.logLevel);
    const services = createServices(db, { maxPageSize: config.maxPageSize, pubsub: createMemoryPubSub(), sync: config.sync });
    const ctx: Context = {
      requestId: randomUUID(), principal: { role: ApiKeyRole.ADMIN, keyId: 'cli' }, now: new Date(),
      logger, db, services, loaders: createLoaders({ db }),
    };
    return await work(ctx, db);
  } finally {
    await db.destroy();
  }
}

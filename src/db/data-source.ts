import fs from 'node:fs';
import path from 'node:path';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { DatabaseConfig } from '../config';
import { ENTITIES } from '../model';
import { MIGRATIONS } from './migrations';
import { withStartupLock } from './startup-lock';

export interface DataSourceOptions {
  /** Receives every SQL statement; used for metrics and the statement-count tests. */
  logger?: TypeOrmLogger;
  /** PostgreSQL schema to use instead of `public` (tests isolate themselves this way). */
  schema?: string;
}

export function createDataSource(database: DatabaseConfig, options: DataSourceOptions = {}): DataSource {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, logger: options.logger, logging: options.logger ? true : false } as const;
  if (database.kind === 'postgres') {
    return new DataSource({ ...common, type: 'postgres', url: database.url, schema: options.schema, extra: { max: 10 } });
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: database.file,
    // WAL lets readers proceed while one writer commits; the busy timeout queues writers instead of failing.
    enableWAL: database.file !== ':memory:',
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  });
}

/** Connects and brings the schema up to date; both backends run the same migrations. */
export async function openDatabase(database: DatabaseConfig, options: DataSourceOptions = {}): Promise<DataSource> {
  const dataSource = createDataSource(database, options);
  await dataSource.initialize();
  await withStartupLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
  return dataSource;
}

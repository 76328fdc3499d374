import { parseArgs } from 'node:util';
import { openDatabase } from '../db/data-source';
import { CliCommandRun } from './command';

export const migrateCommand: CliCommandRun = {
  async run(args, config, io) {
    parseArgs({ args, strict: true, options: {} });
    const db = await openDatabase(config.database);
    const pending = await db.showMigrations();
    await db.destroy();
    io.out(`Database is up to date${pending ? ' (pending migrations remain!)' : ''}.\n`);
  },
};

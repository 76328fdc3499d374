import { parseArgs } from 'node:util';
import { openDatabase } from '../db/data-source';
import { CliCommand } from './command';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Bring the database schema up to date, then exit',
  usage: 'Usage: community-graph migrate',
  async run(args, config, io) {
    parseArgs({ args, strict: true, options: {} });
    const db = await openDatabase(config.database);
    const pending = await db.showMigrations();
    await db.destroy();
    io.out(`Database is up to date${pending ? ' (pending migrations remain!)' : ''}.\n`);
  },
};

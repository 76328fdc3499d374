import { parseArgs } from 'node:util';
import { openDatabase } from '../db/data-source';
import { CliCommandRun, CliUsageError } from './command';

export const seedCommand: CliCommandRun = {
  async run(args, config, io, deps) {
    const { values } = parseArgs({ args, strict: true, options: { force: { type: 'boolean', default: false } } });
    if (!deps.demo) throw new CliUsageError('This installation ships without the demo community.');
    const demo = deps.demo();
    const db = await openDatabase(config.database);
    try {
      if (!values.force && !(await demo.isEmpty(db))) {
        io.out('The database already has partners; not loading the demo (use --force to add it anyway).\n');
        return;
      }
      const report = await demo.seedDemo(db);
      io.out(`Loaded the demo: ${report.partners} partners, ${report.locations} locations, ${report.events} events, ${report.registrations} registrations.\n`);
    } finally {
      await db.destroy();
    }
  },
};

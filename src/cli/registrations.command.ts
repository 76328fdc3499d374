import { parseArgs } from 'node:util';
import { PurgeDue } from '../features/registrations/registrant-retention';
import { withAdminContext } from './cli-context';
import { CliCommandRun, CliUsageError } from './command';
import { Column, formatTable } from './table.print';

const COLUMNS: Column<PurgeDue>[] = [
  { header: 'ENDED', key: 'endsAt', value: (d) => d.endsAt.toISOString() },
  { header: 'REGISTRATIONS', key: 'registrations', value: (d) => d.registrations },
  { header: 'TITLE', key: 'title', value: (d) => d.title.replace(/\s+/g, ' ') },
];

/**
 * `community-graph registrations purge [--dry-run]`: erases now what the server's hourly look would
 * (REGISTRANT_RETENTION_DAYS; docs/registration.md, "Registrant data that expires"), or with
 * --dry-run only says what that is, per event.
 */
export const registrationsCommand: CliCommandRun = {
  async run(args, config, io) {
    const [action, ...rest] = args;
    if (action !== 'purge') throw new CliUsageError(action ? `Unknown registrations action "${action}".` : 'registrations needs an action: purge.');
    const { values } = parseArgs({ args: rest, strict: true, options: { 'dry-run': { type: 'boolean', default: false } } });
    await withAdminContext(config, async (_ctx, services) => {
      const retention = services.registrantRetention;
      const now = new Date();
      const term = `events that ended before ${retention.cutoff(now).toISOString()}, REGISTRANT_RETENTION_DAYS=${retention.retentionDays}`;
      if (!values['dry-run']) {
        const erased = await retention.purge(now);
        io.out(`Erased the name and email of ${erased} registration${erased === 1 ? '' : 's'} (${term}).\n`);
        return;
      }
      const due = await retention.due(now);
      const total = due.reduce((sum, d) => sum + d.registrations, 0);
      io.out(`Would erase the name and email of ${total} registration${total === 1 ? '' : 's'} at ${due.length} event${due.length === 1 ? '' : 's'} (${term}); nothing was changed.\n`);
      if (due.length) io.out(formatTable([COLUMNS.map((c) => c.header), ...due.map((d) => COLUMNS.map((c) => String(c.value(d))))]));
    });
  },
};

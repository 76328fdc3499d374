import { parseArgs } from 'node:util';
import { PartnerEntity } from '../model/partner.entity';
import { SourceEntity } from '../model/source.entity';
import { toGlobalId } from '../domain/global-id';
import { SyncReport } from '../features/sources/sync.service';
import { withAdminContext } from './cli-context';
import { CliCommandRun, CliUsageError } from './command';

export function describeReport(r: SyncReport): string {
  const counts = `created ${r.created}, updated ${r.updated}, removed ${r.removed}, unchanged ${r.unchanged}, skipped ${r.skipped}`;
  return r.status === 'FAILED' ? `FAILED: ${r.error}` : `${r.status} (${counts}) in ${r.durationMs} ms`;
}

/** Syncs one source or all; prints a line before and after each source, so long runs show progress. */
export const syncCommand: CliCommandRun = {
  async run(args, config, io) {
    const { values } = parseArgs({ args, strict: true, options: { source: { type: 'string' }, all: { type: 'boolean', default: false } } });
    if (!values.source === !values.all) throw new CliUsageError('Give exactly one of --source ID or --all.');
    await withAdminContext(config, async (ctx, services, db) => {
      const sources = values.all
        ? await db.getRepository(SourceEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } })
        : [null];
      const partners = new Map((await db.getRepository(PartnerEntity).find()).map((p) => [p.id, p.slug]));
      let failed = 0;
      for (const [i, source] of sources.entries()) {
        const id = source ? toGlobalId('Source', source.id) : values.source!;
        const label = source ? `${partners.get(source.partnerId)} ${source.format} ${source.url}` : id;
        io.out(`[${i + 1}/${sources.length}] syncing ${label} ...\n`);
        const report = await services.sources.syncSource(ctx, id, (progress) => {
          io.out(progress.phase === 'pulled'
            ? `    fetched and parsed: ${progress.items} item(s)${progress.skipped ? `, ${progress.skipped} skipped` : ''}; storing ...\n`
            : '    stored.\n');
        });
        io.out(`[${i + 1}/${sources.length}] ${describeReport(report)}\n`);
        for (const item of report.skippedItems) {
          const at = item.offset !== undefined ? ` at byte ${item.offset}` : '';
          io.out(`    skipped ${item.externalId ?? '(no id)'}${at}: ${item.reason}\n`);
        }
        for (const note of report.notes) io.out(`    note: ${note}\n`);
        if (report.status === 'FAILED') failed++;
      }
      if (!sources.length) io.out('No sources to sync.\n');
      if (failed) {
        io.err(`${failed} of ${sources.length} source(s) failed.\n`);
        process.exitCode = 1;
      }
    });
  },
};

import { parseArgs } from 'node:util';
import { SourceFormat } from '../datasources/adapter';
import { PartnerEntity } from '../model/partner.entity';
import { SourceEntity } from '../model/source.entity';
import { DomainError, ErrorCode } from '../domain/errors';
import { toGlobalId } from '../domain/global-id';
import { withAdminContext } from './cli-context';
import { CliCommandRun, CliIO, CliUsageError } from './command';
import { describeFeedCheck } from './feed-check.print';
import { Config } from '../config';
import { Column, printList } from './table.print';

interface SourceRow { source: SourceEntity; partner: string; health: string }

const COLUMNS: Column<SourceRow>[] = [
  { header: 'ID', key: 'id', value: (r) => toGlobalId('Source', r.source.id) },
  { header: 'PARTNER', key: 'partner', value: (r) => r.partner },
  { header: 'FORMAT', key: 'format', value: (r) => r.source.format },
  { header: 'HEALTH', key: 'health', value: (r) => r.health },
  { header: 'ITEMS', key: 'items', value: (r) => r.source.itemCount },
  { header: 'URL', key: 'url', value: (r) => r.source.url },
  { header: 'LAST ERROR', key: 'lastError', value: (r) => r.source.lastError ?? null },
];

function instant(name: string, value: string | undefined): Date | null {
  if (value === undefined) return null;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T.*(Z|[+-]\d{2}:?\d{2}))?$/.test(value) || Number.isNaN(date.getTime())) {
    throw new CliUsageError(`--${name} must be a date (2026-09-01) or an instant with an offset (2026-09-01T00:00:00Z), got "${value}".`);
  }
  return date;
}

export const sourcesCommand: CliCommandRun = {
  async run(args, config, io) {
    const [action, ...rest] = args;
    if (action === 'check') return checkCommand(rest, config, io);
    if (action === 'list') return listCommand(rest, config, io);
    if (action !== 'add') throw new CliUsageError(action ? `Unknown sources action "${action}".` : 'sources needs an action: add, list or check.');
    const { values } = parseArgs({
      args: rest, strict: true,
      options: {
        partner: { type: 'string' }, format: { type: 'string' }, url: { type: 'string' },
        'refresh-minutes': { type: 'string' }, 'expand-from': { type: 'string' }, 'expand-to': { type: 'string' },
      },
    });
    if (!values.partner || !values.format || !values.url) throw new CliUsageError('sources add needs --partner, --format and --url.');
    await withAdminContext(config, async (ctx, services, db) => {
      const partner = await db.getRepository(PartnerEntity).findOneBy({ slug: values.partner! });
      if (!partner) throw new DomainError(ErrorCode.NOT_FOUND, `No partner with slug "${values.partner}".`);
      const refresh = values['refresh-minutes'] === undefined ? null : Number(values['refresh-minutes']);
      const source = await services.sources.addSource(ctx, {
        partnerId: toGlobalId('Partner', partner.id), format: values.format!.toUpperCase() as SourceFormat, url: values.url!,
        refreshMinutes: refresh, expandFrom: instant('expand-from', values['expand-from']), expandTo: instant('expand-to', values['expand-to']),
      }, { allowFileUrls: true });
      io.out(`Added source ${toGlobalId('Source', source.id)} (${source.format} ${source.url}); run "community-graph sync --source ${toGlobalId('Source', source.id)}" to load it now.\n`);
    });
  },
};

/** `sources list [--partner SLUG] [--json]`: every feed with its partner and health, oldest first. */
async function listCommand(args: string[], config: Config, io: CliIO): Promise<void> {
  const { values } = parseArgs({ args, strict: true, options: { partner: { type: 'string' }, json: { type: 'boolean', default: false } } });
  await withAdminContext(config, async (ctx, services, db) => {
    const partners = await db.getRepository(PartnerEntity).find();
    const partner = values.partner ? partners.find((p) => p.slug === values.partner) : null;
    if (values.partner && !partner) throw new DomainError(ErrorCode.NOT_FOUND, `No partner with slug "${values.partner}".`);
    const slugs = new Map(partners.map((p) => [p.id, p.slug]));
    const sources = await db.getRepository(SourceEntity).find({ where: partner ? { partnerId: partner.id } : {}, order: { createdAt: 'ASC', id: 'ASC' } });
    const rows = sources.map((source) => ({ source, partner: slugs.get(source.partnerId) ?? source.partnerId, health: services.sources.health(ctx, source) }));
    printList(io, COLUMNS, rows, { json: values.json, emptyHint: 'No sources yet (add one with: community-graph sources add ...).' });
  });
}

function optionsJson(value: string | undefined): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {
    // reported below
  }
  throw new CliUsageError(`--options must be a JSON object, e.g. '{"mode":"datapackage"}'.`);
}

/** `sources check URL --format F`: what a sync would store, through the server's adapters and fetch policy; writes nothing. */
async function checkCommand(args: string[], config: Config, io: CliIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args, strict: true, allowPositionals: true,
    options: {
      format: { type: 'string' }, timezone: { type: 'string' }, partner: { type: 'string' },
      'expand-from': { type: 'string' }, 'expand-to': { type: 'string' }, options: { type: 'string' },
    },
  });
  if (positionals.length !== 1 || !values.format) throw new CliUsageError('sources check needs one URL and --format.');
  if (values.timezone && values.partner) throw new CliUsageError('Give --timezone or --partner (whose time zone is used), not both.');
  const from = instant('expand-from', values['expand-from']);
  const to = instant('expand-to', values['expand-to']);
  if (!from !== !to) throw new CliUsageError('Give both --expand-from and --expand-to, or neither (the sync window).');
  const options = optionsJson(values.options);
  await withAdminContext(config, async (ctx, services, db) => {
    const partner = values.partner ? await db.getRepository(PartnerEntity).findOneBy({ slug: values.partner }) : null;
    if (values.partner && !partner) throw new DomainError(ErrorCode.NOT_FOUND, `No partner with slug "${values.partner}".`);
    const timezone = partner?.timezone ?? values.timezone ?? 'UTC';
    const check = await services.sources.checkFeed(ctx, {
      format: values.format!.toUpperCase(), url: positionals[0], timezone, options, window: from && to ? { from, to } : undefined,
    }, { allowFileUrls: true });
    io.out(describeFeedCheck(positionals[0], values.format!.toUpperCase(), timezone, check));
    if (check.status === 'FAILED') process.exitCode = 1;
  });
}

import { parseArgs } from 'node:util';
import { PartnerEntity } from '../model/partner.entity';
import { PartnerKind } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { withAdminContext } from './cli-context';
import { CliCommandRun, CliUsageError } from './command';
import { Column, printList } from './table.print';

const COLUMNS: Column<PartnerEntity>[] = [
  { header: 'SLUG', key: 'slug', value: (p) => p.slug },
  { header: 'KIND', key: 'kind', value: (p) => p.kind },
  { header: 'TIMEZONE', key: 'timezone', value: (p) => p.timezone },
  { header: 'ID', key: 'id', value: (p) => toGlobalId('Partner', p.id) },
  { header: 'NAME', key: 'name', value: (p) => p.name },
];

export const partnersCommand: CliCommandRun = {
  async run(args, config, io) {
    const [action, ...rest] = args;
    if (action === 'list') {
      const { values } = parseArgs({ args: rest, strict: true, options: { json: { type: 'boolean', default: false } } });
      await withAdminContext(config, async (ctx, services) => {
        printList(io, COLUMNS, await services.partners.list(ctx), { json: values.json, emptyHint: 'No partners yet (add one with: community-graph partners add ...).' });
      });
      return;
    }
    if (action !== 'add') throw new CliUsageError(action ? `Unknown partners action "${action}".` : 'partners needs an action: add or list.');
    const { values } = parseArgs({
      args: rest, strict: true,
      options: { slug: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, timezone: { type: 'string' }, website: { type: 'string' } },
    });
    if (!values.slug || !values.name || !values.kind || !values.timezone) throw new CliUsageError('partners add needs --slug, --name, --kind and --timezone.');
    const partner: PartnerEntity = await withAdminContext(config, (ctx, services) => services.sources.addPartner(ctx, {
      slug: values.slug!, name: values.name!, kind: values.kind!.toUpperCase() as PartnerKind, timezone: values.timezone!, website: values.website ?? null,
    }));
    io.out(`Added partner ${partner.slug} (${toGlobalId('Partner', partner.id)}).\n`);
  },
};

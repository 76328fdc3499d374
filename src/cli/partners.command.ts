import { parseArgs } from 'node:util';
import { PartnerEntity } from '../model/partner.entity';
import { PartnerKind } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { withAdminContext } from './cli-context';
import { CliCommand, CliUsageError } from './command';

const USAGE = `Usage:
  community-graph partners add --slug SLUG --name NAME --kind LIBRARY|SCHOOL|MUSEUM|NONPROFIT --timezone ZONE [--website URL]
  community-graph partners list`;

export const partnersCommand: CliCommand = {
  name: 'partners',
  summary: 'Add or list partners (partners add --slug ... | partners list)',
  async run(args, config, io) {
    const [action, ...rest] = args;
    if (action === 'list') {
      await withAdminContext(config, async (ctx, services) => {
        for (const p of await services.partners.list(ctx)) io.out(`${p.slug}\t${p.kind}\t${p.timezone}\t${toGlobalId('Partner', p.id)}\t${p.name}\n`);
      });
      return;
    }
    if (action !== 'add') throw new CliUsageError(USAGE);
    const { values } = parseArgs({
      args: rest, strict: true,
      options: { slug: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, timezone: { type: 'string' }, website: { type: 'string' } },
    });
    if (!values.slug || !values.name || !values.kind || !values.timezone) throw new CliUsageError(`partners add needs --slug, --name, --kind and --timezone.\n\n${USAGE}`);
    const partner: PartnerEntity = await withAdminContext(config, (ctx, services) => services.sources.addPartner(ctx, {
      slug: values.slug!, name: values.name!, kind: values.kind!.toUpperCase() as PartnerKind, timezone: values.timezone!, website: values.website ?? null,
    }));
    io.out(`Added partner ${partner.slug} (${toGlobalId('Partner', partner.id)}).\n`);
  },
};

import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { PartnerEntity } from '../../model/partner.entity';
import { SourceEntity } from '../../model/source.entity';
import { Partner } from '../partners/partner.type';
import { AddPartnerInput, AddSourceInput, Source, SyncReport } from './source.type';
import { SourceService } from './source.service';

/**
 * Partner and source administration. Partners are added by ADMIN keys; a partner's own PARTNER key
 * may add, remove and sync that partner's sources (self-service feeds; file: URLs only through the CLI).
 */
@Resolver()
export class SourceAdminResolver {
  constructor(private readonly sourceService: SourceService) {}

  @Mutation(() => Partner, { description: 'Adds a partner organization. ADMIN key.' })
  addPartner(@Ctx() ctx: Context, @Arg('input', () => AddPartnerInput, { description: 'The new partner.' }) input: AddPartnerInput): Promise<PartnerEntity> {
    return this.sourceService.addPartner(ctx, input);
  }

  @Mutation(() => Source, { description: 'Adds a feed to a partner; the scheduler syncs it right away, then every refreshMinutes. ADMIN key, or the partner\'s own PARTNER key (http: and https: URLs only).' })
  addSource(@Ctx() ctx: Context, @Arg('input', () => AddSourceInput, { description: 'The new feed.' }) input: AddSourceInput): Promise<SourceEntity> {
    return this.sourceService.addSource(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Removes a source; its upcoming events become CANCELLED (never deleted). ADMIN key, or the owning partner\'s PARTNER key.' })
  removeSource(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Global id of the source.' }) id: string): Promise<boolean> {
    return this.sourceService.removeSource(ctx, id);
  }

  @Mutation(() => SyncReport, { description: 'Syncs a source now and reports what changed. ADMIN key, or the owning partner\'s PARTNER key.' })
  syncSource(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Global id of the source (not an ILS_AVAILABILITY source: those are read per request).' }) id: string): Promise<SyncReport> {
    return this.sourceService.syncSource(ctx, id);
  }
}

import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { PartnerEntity } from '../../model/partner.entity';
import { SourceEntity } from '../../model/source.entity';
import { toGlobalId } from '../../domain/global-id';
import { Partner } from '../partners/partner.type';
import { SourceStatus } from '../../domain/enums';
import { Source, SyncSkips } from './source.type';
import type { SyncSkips as StoredSkips } from '../../model/sync-skips';
import { PrivateField } from '../../schema/private-field';
import { PartnerService } from '../partners/partner.service';
import { SourceService } from './source.service';

@Resolver(() => Source)
export class SourceFieldsResolver {
  constructor(private readonly sourceService: SourceService, private readonly partnerService: PartnerService) {}

  @FieldResolver(() => ID, { description: 'Global id of the source (see Node).' })
  id(@Root() source: SourceEntity): string {
    return toGlobalId('Source', source.id);
  }

  @FieldResolver(() => SourceStatus, { description: 'Health of the feed, from its sync history.' })
  status(@Ctx() ctx: Context, @Root() source: SourceEntity): SourceStatus {
    return this.sourceService.health(ctx, source);
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The partner that publishes the feed.' })
  partner(@Ctx() ctx: Context, @Root() source: SourceEntity): Promise<PartnerEntity | null> {
    return this.partnerService.organizerOf(ctx, source.partnerId);
  }

  @PrivateField()
  @FieldResolver(() => String, { nullable: true, description: 'The feed URL. Null unless the key is ADMIN or this partner\'s.' })
  url(@Ctx() ctx: Context, @Root() source: SourceEntity): string | null {
    return this.sourceService.canSeePrivate(ctx, source) ? source.url : null;
  }

  @PrivateField()
  @FieldResolver(() => String, { nullable: true, description: 'Why the last sync failed. Null when it did not, or unless the key is ADMIN or this partner\'s.' })
  lastError(@Ctx() ctx: Context, @Root() source: SourceEntity): string | null {
    return this.sourceService.canSeePrivate(ctx, source) ? source.lastError : null;
  }

  @PrivateField()
  @FieldResolver(() => SyncSkips, {
    nullable: true,
    description: 'What the last stored sync skipped and why (count and the first reasons, with lines or byte offsets). Null when it skipped nothing, or unless the key is ADMIN or this partner\'s.',
  })
  lastSkips(@Ctx() ctx: Context, @Root() source: SourceEntity): StoredSkips | null {
    return this.sourceService.canSeePrivate(ctx, source) ? source.lastSkips : null;
  }
}

@Resolver(() => Partner)
export class PartnerSourcesFieldsResolver {
  constructor(private readonly sourceService: SourceService) {}

  @FieldResolver(() => [Source], { description: 'The partner\'s feeds and their health.' })
  sources(@Ctx() ctx: Context, @Root() partner: PartnerEntity): Promise<SourceEntity[]> {
    return this.sourceService.sourcesOf(ctx, partner.id);
  }
}

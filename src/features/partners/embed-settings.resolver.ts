import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { PartnerEntity } from '../../model/partner.entity';
import { Partner } from './partner.type';
import { PartnerService } from './partner.service';

@Resolver()
export class EmbedSettingsResolver {
  constructor(private readonly partnerService: PartnerService) {}

  @Mutation(() => Partner, {
    description: 'Replace the web origins allowed to embed this partner\'s events (iframe frame-ancestors, feed CORS). '
      + 'An empty list allows any origin. Needs the partner\'s own key or an ADMIN key.',
  })
  setPartnerAllowedOrigins(
    @Ctx() ctx: Context,
    @Arg('partnerId', () => ID, { description: 'Global id of the partner.' }) partnerId: string,
    @Arg('origins', () => [String], { description: 'Web origins such as https://partner.example (scheme, host, optional port; no path): at most 20, duplicates dropped.' }) origins: string[],
  ): Promise<PartnerEntity> {
    return this.partnerService.setAllowedOrigins(ctx, partnerId, origins);
  }
}

import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { Context, refreshForDelivery } from '../../context';
import { EventChangeMessage, RegistrationCountsMessage } from '../../pubsub/topics';
import { PartnerKind } from '../../schema/enums';
import { EventChange, RegistrationCounts } from './live.types';

type Args = { eventIds?: string[] | null; partnerId?: string | null; kinds?: PartnerKind[] | null };

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => RegistrationCounts, {
    description: 'Seat counts after every registration, cancellation, promotion, check-in and capacity change (and polled partner counts). Filter by events, by partner, or neither for all.',
    subscribe: ({ args, context }) => (context as Context).services.live.registrationCounts(context as Context, (args as Args).eventIds, (args as Args).partnerId),
  })
  registrationCounts(
    @Root() message: RegistrationCountsMessage,
    @Ctx() ctx: Context,
    @Arg('eventIds', () => [ID], { nullable: true, description: 'Only these events (global ids, at most 200, each must exist); omitted or empty: every event.' }) _eventIds?: string[] | null,
    @Arg('partnerId', () => ID, { nullable: true, description: 'Only events of this partner (global id; must exist).' }) _partnerId?: string | null,
  ): RegistrationCountsMessage {
    refreshForDelivery(ctx);
    return message;
  }

  @Subscription(() => EventChange, {
    description: 'Events created, updated, cancelled or removed, by native edits and partner syncs.',
    subscribe: ({ args, context }) => (context as Context).services.live.eventChanges(context as Context, (args as Args).partnerId, (args as Args).kinds),
  })
  eventChanges(
    @Root() message: EventChangeMessage,
    @Ctx() ctx: Context,
    @Arg('partnerId', () => ID, { nullable: true, description: 'Only events of this partner (global id; must exist).' }) _partnerId?: string | null,
    @Arg('kinds', () => [PartnerKind], { nullable: true, description: 'Only events of partners of these kinds; omitted or empty: all kinds.' }) _kinds?: PartnerKind[] | null,
  ): EventChangeMessage {
    refreshForDelivery(ctx);
    return message;
  }
}

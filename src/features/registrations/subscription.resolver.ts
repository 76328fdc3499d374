import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { Context, refreshForDelivery } from '../../context';
import { EventChangeMessage, RegistrationCountsMessage } from '../../pubsub/topics';
import { PartnerKind } from '../../schema/enums';
import { EventChange, RegistrationCounts } from './live.types';

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => RegistrationCounts, {
    description: 'Seat counts after every registration, cancellation, promotion, check-in and capacity change (and polled partner counts). Filter by events, by partner, or neither for all.',
    topics: 'REGISTRATION_COUNTS',
    // The schema's pubSub (src/schema/build-schema.ts) hands topic, arguments and context to LiveService.
    topicId: ({ args, context }) => ({ args, context }),
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
    topics: 'EVENT_CHANGES',
    topicId: ({ args, context }) => ({ args, context }),
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

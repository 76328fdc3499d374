import { RegistrationCountsMessage } from '../pubsub/topics';

/** The seat counts of an event row as published on REGISTRATION_COUNTS (no personal data); changedAt = commit time. */
export function countsMessage(
  event: { id: string; partnerId: string; capacity: number | null; confirmedCount: number; waitlistedCount: number },
  changedAt: Date,
): RegistrationCountsMessage {
  return {
    eventId: event.id,
    partnerId: event.partnerId,
    capacity: event.capacity,
    confirmed: event.confirmedCount,
    waitlisted: event.waitlistedCount,
    remaining: event.capacity == null ? null : Math.max(0, event.capacity - event.confirmedCount),
    changedAt: changedAt.toISOString(),
  };
}

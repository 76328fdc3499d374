import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { RegistrationEntity } from '../../model/registration.entity';
import type { EventService } from '../events/event.service';

/**
 * The event a registration is for, as Registration.event and MyRegistration.event resolve it. Events
 * are cancelled, never deleted, so a registration without one is a broken row, not an answer.
 */
export async function eventOfRegistration(events: EventService, ctx: Context, registration: RegistrationEntity): Promise<EventEntity> {
  const event = await events.byLocalId(ctx, registration.eventId);
  if (!event) throw new Error(`Registration ${registration.id} references missing event ${registration.eventId}`);
  return event;
}

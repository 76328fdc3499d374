import { DataSource } from 'typeorm';
import { EventEntity } from '../../src/model/event.entity';
import { insertNativeEvent, registerThroughRunner } from './native-event';

export const DAY_MS = 86_400_000;

/**
 * A NATIVE event with these people registered (one each, by the real write program while registration
 * is open), then moved so it ended `daysAgo` days before `now`: the registrations of a past event, as
 * the retention purge finds them. Answers the event as stored and each person's outcome.
 */
export async function endedEventWith(
  db: DataSource, partnerId: string, title: string, daysAgo: number, people: string[], now: Date, overrides: Partial<EventEntity> = {},
): Promise<{ event: EventEntity & { globalId: string }; outcomes: string[] }> {
  const event = await insertNativeEvent(db, partnerId, { title, ...overrides });
  const outcomes: string[] = [];
  for (const who of people) outcomes.push(await registerThroughRunner(db, event.id, who));
  const endsAt = new Date(now.getTime() - daysAgo * DAY_MS);
  const moved = { startsAt: new Date(endsAt.getTime() - 3_600_000), endsAt };
  await db.getRepository(EventEntity).update({ id: event.id }, moved);
  return { event: Object.assign(event, moved), outcomes };
}

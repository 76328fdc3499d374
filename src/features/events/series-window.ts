import { InvalidArgumentError } from '../../domain/errors';
import { intIn } from './native-event-input';

/** A year: a window opening earlier than that before a weekly class is a typo, not a plan. */
const MAX_WINDOW_HOURS = 8_760;

export interface WindowHours { opensHoursBefore: number | null; closesHoursBefore: number | null }

/** Checks a series' relative registration window (hours before each occurrence starts). */
export function checkWindowHours(hours: WindowHours): WindowHours {
  intIn('input.registrationOpensHoursBefore', hours.opensHoursBefore, 0, MAX_WINDOW_HOURS, 'open from now');
  intIn('input.registrationClosesHoursBefore', hours.closesHoursBefore, 0, MAX_WINDOW_HOURS, 'open until the occurrence ends');
  if (hours.opensHoursBefore !== null && hours.closesHoursBefore !== null && hours.closesHoursBefore >= hours.opensHoursBefore) {
    throw new InvalidArgumentError('input.registrationClosesHoursBefore', hours.closesHoursBefore,
      `fewer hours than registrationOpensHoursBefore (${hours.opensHoursBefore})`);
  }
  return hours;
}

/** One occurrence's registration window, as the instants an event stores. */
export function windowOf(startsAt: Date, hours: WindowHours): { registrationOpensAt: Date | null; registrationClosesAt: Date | null } {
  const before = (h: number | null) => (h === null ? null : new Date(startsAt.getTime() - h * 3_600_000));
  return { registrationOpensAt: before(hours.opensHoursBefore), registrationClosesAt: before(hours.closesHoursBefore) };
}

import { subscribeLive } from '../live-socket';
import { WIDGET_COUNTS } from './operations';

/** What Subscription.registrationCounts delivers for one event. */
export interface RegistrationCounts {
  eventId: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  remaining: number | null;
  changedAt: string;
}

/** Live seat counts for the widget's events (public: no key); returns a stop function. */
export function subscribeCounts(graphqlUrl: string, eventIds: string[], onCounts: (counts: RegistrationCounts) => void): () => void {
  const live = subscribeLive<{ registrationCounts: RegistrationCounts }>({
    url: graphqlUrl, query: WIDGET_COUNTS, operationName: 'WidgetCounts', variables: { ids: eventIds },
    onData: (data) => onCounts(data.registrationCounts),
  });
  return () => live.stop();
}

/** The JSON Feed 1.1 item the widget reads (/feeds/events.json), with our `_community_graph` extension. */
export interface FeedRegistration {
  mode: 'NONE' | 'NATIVE' | 'EXTERNAL';
  url: string | null;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  waitlist_capacity: number;
  /** A waiting list is taken once full (NATIVE: waitlist places; EXTERNAL: as the partner says); null if unknown. */
  waitlist_available: boolean | null;
  remaining: number | null;
  max_party_size: number;
  is_open: boolean;
  /** NATIVE: who a party is counted by (adults, teens, …); absent from servers older than the widget. */
  party_categories?: Array<{ key: string; label: string }>;
}

export interface FeedEvent {
  id: string;
  url?: string;
  title: string;
  content_text: string;
  _community_graph: {
    starts_at: string;
    ends_at: string;
    local_start: string;
    all_day: boolean;
    start_date: string | null;
    end_date: string | null;
    timezone: string;
    /** Groups the occurrences of one recurring series (absent from servers older than the widget). */
    series_id?: string | null;
    status: string;
    audiences: string[];
    partner: { slug: string; name: string; kind: string };
    place: string | null;
    registration: FeedRegistration;
    ics_url: string;
  };
}

export interface Feed {
  title: string;
  items: FeedEvent[];
}

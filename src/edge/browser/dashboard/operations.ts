/**
 * The dashboard's GraphQL documents. Named, so they can be listed in the persisted operation manifest
 * (persisted-operations.json): a public deployment in SAFELIST_FILE mode still serves the public view.
 * Staff requests carry a key, and keyed callers are not bound to the safelist.
 */
export const DASHBOARD_PARTNER = 'query DashboardPartner($slug:String!){partner(slug:$slug){id name}}';

export const DASHBOARD_EVENTS = 'query DashboardEvents($filter:EventFilter){events(first:100,filter:$filter){edges{node{id title startsAt timezone organizer{name} registration{mode capacity confirmed waitlisted waitlistCapacity remaining}}}}}';

export const DASHBOARD_COUNTS = 'subscription DashboardCounts($ids:[ID!]){registrationCounts(eventIds:$ids){eventId capacity confirmed waitlisted remaining changedAt}}';

/** Staff only (the partner's key): who registered, and when. */
export const DASHBOARD_REGISTRANTS = 'query DashboardRegistrants($id:ID!){node(id:$id){...on Event{id registrations{name status partySize createdAt}}}}';

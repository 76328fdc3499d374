/**
 * The dashboard's GraphQL documents. Named, so they can be listed in the persisted operation manifest
 * (persisted-operations.json): a public deployment in SAFELIST_FILE mode still serves the public view.
 * Staff requests carry a key, and keyed callers are not bound to the safelist.
 */
export const DASHBOARD_PARTNERS = 'query DashboardPartners{partners{id slug name}}';

/** Totals, one row per program with its dates, and what needs attention: the server's numbers, shown as they are. */
export const DASHBOARD_OVERVIEW = 'query DashboardOverview($filter:EventFilter){registrationOverview(filter:$filter){complete '
  + 'totals{events seats confirmed waitlisted attended fillRate} '
  + 'programs{key title organizer{name} totals{events seats confirmed waitlisted attended fillRate} '
  + 'occurrences{id title startsAt timezone registration{mode capacity confirmed waitlisted held remaining}}} '
  + 'needsAttention{reason event{id title startsAt timezone registration{capacity confirmed waitlisted}}}}}';

export const DASHBOARD_COUNTS = 'subscription DashboardCounts($ids:[ID!],$partnerId:ID){registrationCounts(eventIds:$ids,partnerId:$partnerId){eventId capacity confirmed waitlisted held remaining changedAt}}';

/** Staff only (the partner's key): who registered, and when. */
export const DASHBOARD_REGISTRANTS = 'query DashboardRegistrants($id:ID!){node(id:$id){...on Event{id registrations{name status invitedUntil partySize createdAt}}}}';

import { dayIn } from './week';

/**
 * The Millbrook Museum of River History's "What's on" page, as its CMS publishes it: an HTML page
 * with schema.org JSON-LD (an @graph with the museum, an exhibition, a weekly program as
 * eventSchedule, and a ticketed talk with capacity counts). Invented for the demo. Family Science
 * Saturday is not on it: the museum takes that program's registrations through Community Graph
 * (a NATIVE event in demo/town.ts).
 */
export function museumEventsPage(now: Date): string {
  const site = 'https://museum.millbrook.example';
  const museum = {
    '@type': 'Museum', '@id': `${site}/#museum`, name: 'Millbrook Museum of River History',
    address: { '@type': 'PostalAddress', streetAddress: '1 Lock Street', addressLocality: 'Millbrook', addressRegion: 'IA', postalCode: '52799', addressCountry: 'US' },
    geo: { '@type': 'GeoCoordinates', latitude: 41.4968, longitude: -90.6143 },
  };
  const place = { '@type': 'Place', name: museum.name, address: museum.address, geo: museum.geo };
  const graph = [
    museum,
    {
      '@type': 'ExhibitionEvent', '@id': `${site}/exhibitions/lock-and-dam`, name: 'Exhibition: Lock & Dam No. 9',
      description: 'Photographs and models of the lock that made Millbrook a river port.',
      startDate: dayIn(now, 0, 1), endDate: dayIn(now, 7, 7), location: place, typicalAgeRange: 'All ages',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode', eventStatus: 'https://schema.org/EventScheduled',
      image: { '@type': 'ImageObject', url: `${site}/img/lock-and-dam.jpg` }, url: `${site}/exhibitions/lock-and-dam`,
      organizer: { '@id': `${site}/#museum` }, keywords: 'History',
    },
    {
      '@type': 'ChildrensEvent', '@id': `${site}/programs/toddler-gallery-walk`, name: 'Toddler Gallery Walk',
      description: 'A short, sensory tour for walkers and talkers.', location: place, typicalAgeRange: '1-3', keywords: 'Family',
      eventSchedule: { '@type': 'Schedule', startDate: dayIn(now, -4, 2), repeatFrequency: 'P1W', byDay: 'Tuesday', startTime: '09:30:00', duration: 'PT40M' },
    },
    {
      '@type': 'EducationEvent', '@id': `${site}/talks/river-pilot`, name: 'Evening Talk: A River Pilot&#39;s Life',
      description: '<p>Stories from forty years on the water.</p>', startDate: `${dayIn(now, 4, 4)}T18:30`, endDate: `${dayIn(now, 4, 4)}T19:30`,
      location: place, typicalAgeRange: 'Adults', keywords: 'Talk, History',
      offers: { '@type': 'Offer', price: '8.00', priceCurrency: 'USD', url: `${site}/tickets/river-pilot`, availability: 'https://schema.org/InStock' },
      maximumAttendeeCapacity: 60, remainingAttendeeCapacity: 41,
    },
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>What's on · Millbrook Museum of River History</title>
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 1)}</script>
</head><body><h1>What's on</h1><p>Exhibitions, family programs and talks.</p></body></html>
`;
}

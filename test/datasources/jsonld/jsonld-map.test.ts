import { AdapterError } from '../../../src/datasources/adapter';
import { mapJsonLdEvents } from '../../../src/datasources/jsonld/jsonld.map';
import { parseJsonLd } from '../../../src/datasources/jsonld/jsonld.parse';
import { Audience, AttendanceMode, EventStatus, RegistrationMode } from '../../../src/domain/enums';

const ctx = { zone: 'America/Chicago', window: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') } };
const map = (doc: string, contentType: string | null = null) => {
  const parsed = parseJsonLd(doc, contentType);
  const mapped = mapJsonLdEvents(parsed.nodes, ctx);
  return { ...mapped, skipped: [...parsed.skipped, ...mapped.skipped] };
};

const PAGE = `<!doctype html><html><head>
<script type="application/ld+json">{"@context":"http://schema.org","@graph":[
  {"@type":"Organization","name":"Millbrook Museum"},
  {"@type":["ExhibitionEvent","Event"],"@id":"https://museum.example/e/1","name":"Lock &amp; Dam","startDate":"2026-11-02","endDate":"2026-11-30"}
]}</script>
<script type="application/ld+json; charset=utf-8">[{"@context":"https://schema.org/","@type":"ChildrensEvent","name":"Story Hour",
  "startDate":"2026-11-05T10:00:00-06:00","endDate":"2026-11-05T11:00:00-06:00","maximumAttendeeCapacity":20,"remainingAttendeeCapacity":"5",
  "offers":{"@type":"Offer","url":"https://museum.example/tickets/2","price":"0","priceCurrency":"USD"},
  "audience":{"@type":"PeopleAudience","suggestedMinAge":3,"suggestedMaxAge":5}}]</script>
<script type="application/ld+json">{ not json</script>
<script>var x = '<script type="application/ld+json">';</script>
</head><body></body></html>`;

describe('JSON-LD mapping', () => {
  it('reads every ld+json block of an HTML page, flattening @graph and arrays, and skips a broken block with its reason', () => {
    const { events, skipped } = map(PAGE, 'text/html');
    expect(events.map((e) => e.title)).toEqual(['Lock & Dam', 'Story Hour']);
    expect(skipped).toHaveLength(1);
    expect(skipped[0].reason).toMatch(/^JSON-LD script block 3 of 3 is not valid JSON/);
  });

  it('maps capacity and remaining capacity to EXTERNAL registration counts, and PeopleAudience ages to bands', () => {
    const story = map(PAGE).events[1];
    expect(story.registration).toEqual({ mode: RegistrationMode.EXTERNAL, url: 'https://museum.example/tickets/2', capacity: 20, confirmed: 15 });
    expect(story.audiences).toEqual([Audience.PRESCHOOL]); // stated ages win over the ChildrensEvent type
    expect(story.rawAudiences).toEqual(['3-5']);
    expect(story.categories).toEqual(['Children']);
  });

  it('falls back to the ChildrensEvent type for audiences when no ages are stated', () => {
    const [event] = map(JSON.stringify({ '@type': 'ChildrensEvent', '@id': 'c', name: 'Puppets', startDate: '2026-11-10T10:00' })).events;
    expect(event.audiences).toEqual([Audience.KIDS, Audience.FAMILIES]);
    expect(event.rawAudiences).toEqual([]);
  });

  it('finds events in an ItemList and nested under a Museum, which becomes their location', () => {
    const doc = JSON.stringify({ '@context': 'https://schema.org', '@graph': [
      { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', position: 1, item: { '@type': 'Event', '@id': 'l1', name: 'Listed', startDate: '2026-11-10' } }] },
      { '@type': 'Museum', name: 'River Museum', address: '1 Lock Street, Millbrook', event: [{ '@type': 'Event', '@id': 'm1', name: 'Hosted', startDate: '2026-11-11' }] },
    ] });
    const { events } = map(doc);
    expect(events.map((e) => [e.externalId, e.place?.name ?? null])).toEqual([['l1', null], ['m1', 'River Museum']]);
    expect(events[1].place?.address).toBe('1 Lock Street, Millbrook');
  });

  it('maps all five eventStatus values, as full URLs, http URLs or bare terms', () => {
    const statuses = ['https://schema.org/EventScheduled', 'http://schema.org/EventCancelled', 'EventPostponed', 'schema:EventRescheduled', 'https://schema.org/EventMovedOnline'];
    const doc = JSON.stringify(statuses.map((s, i) => ({ '@type': 'Event', '@id': `e${i}`, name: `E${i}`, startDate: '2026-11-10T10:00', eventStatus: s })));
    expect(map(doc).events.map((e) => e.status)).toEqual([
      EventStatus.SCHEDULED, EventStatus.CANCELLED, EventStatus.POSTPONED, EventStatus.RESCHEDULED, EventStatus.MOVED_ONLINE]);
  });

  it('expands an EventSeries into its subEvents, which inherit the series location and share its series key', () => {
    const doc = JSON.stringify({
      '@context': 'https://schema.org', '@type': 'EventSeries', '@id': 'https://museum.example/series/talks', name: 'Talks',
      location: { '@type': 'Place', name: 'Gallery', geo: { '@type': 'GeoCoordinates', latitude: '41.49', longitude: -90.61 } },
      subEvent: [
        { '@type': 'EducationEvent', '@id': 'talk-1', name: 'Talk 1', startDate: '2026-11-12T18:30' },
        { '@type': 'Event', '@id': 'talk-2', name: 'Talk 2', startDate: '2026-11-19T18:30', location: { '@type': 'VirtualLocation', url: 'https://stream.example/2' } },
      ],
    });
    const { events } = map(doc);
    expect(events.map((e) => [e.externalId, e.seriesKey, e.place?.name ?? null, e.attendanceMode])).toEqual([
      ['talk-1', 'https://museum.example/series/talks', 'Gallery', AttendanceMode.OFFLINE],
      ['talk-2', 'https://museum.example/series/talks', null, AttendanceMode.ONLINE],
    ]);
    expect(events[0].place).toEqual({ name: 'Gallery', address: null, lat: 41.49, lon: -90.61 });
    expect(events[0].startsAt.toISOString()).toBe('2026-11-13T00:30:00.000Z');
  });

  it('expands a schedule by nth weekday (byDay 2SA) inside the sync window only', () => {
    const doc = JSON.stringify({ '@type': 'Event', '@id': 's', name: 'Second Saturday', duration: 'PT2H',
      eventSchedule: { '@type': 'Schedule', startDate: '2026-01-01', repeatFrequency: 'P1M', byDay: '2SA', startTime: '10:00' } });
    const { events } = map(doc);
    expect(events.map((e) => e.startsAt.toISOString())).toEqual(['2026-11-14T16:00:00.000Z', '2026-12-12T16:00:00.000Z']);
    expect(events[0].endsAt.toISOString()).toBe('2026-11-14T18:00:00.000Z');
  });

  it('skips events without a usable start, or without a name, and counts each with its reason', () => {
    const doc = JSON.stringify([
      { '@type': 'Event', '@id': 'a', name: 'No start' },
      { '@type': 'Event', '@id': 'b', name: 'Bad start', startDate: 'next Tuesday' },
      { '@type': 'Event', '@id': 'c', startDate: '2026-11-10' },
      { '@type': 'Event', '@id': 'd', name: 'Fine', startDate: '2026-11-10' },
    ]);
    const { events, skipped } = map(doc);
    expect(events.map((e) => e.externalId)).toEqual(['d']);
    expect(skipped).toEqual([
      { externalId: 'a', reason: '"No start": no startDate' },
      { externalId: 'b', reason: '"Bad start": unreadable startDate "next Tuesday"' },
      { externalId: 'c', reason: 'Event without a name' },
    ]);
  });

  it('fails with a clear AdapterError on a malformed document or a page without JSON-LD', () => {
    expect(() => parseJsonLd('{"@type": "Event",')).toThrow(AdapterError);
    expect(() => parseJsonLd('{"@type": "Event",')).toThrow(/^The JSON-LD document is not valid JSON/);
    expect(() => parseJsonLd('<html><body>Events</body></html>')).toThrow('The HTML page has no <script type="application/ld+json"> block.');
    expect(() => parseJsonLd('<html><script type="application/ld+json">nope</script></html>')).toThrow(/^Every JSON-LD block on the page is unreadable/);
  });
});

import { DateTime } from 'luxon';
import { TOWN_TIMEZONE } from '../town';
import { dayIn } from './week';

/**
 * Millbrook Public Library's LibCal-registered programs as LibCal API v1.1 returns them from
 * `/1.1/events` (the shape, including the private fields LibCal sends to an authenticated client,
 * which must never leak), saved to a file as a scheduled export would. People register for these on
 * LibCal, so they are not native programs (demo/town.ts) nor in the library's .ics feed.
 * Invented for the demo; ids are stable per program and date.
 */
export function libraryLibCalEvents(now: Date): { events: object[] } {
  const site = 'https://millbrook.libcal.example';
  const at = (date: string, time: string, minutes: number) => {
    const start = DateTime.fromISO(`${date}T${time}`, { zone: TOWN_TIMEZONE });
    return { start: start.toISO({ suppressMilliseconds: true }), end: start.plus({ minutes }).toISO({ suppressMilliseconds: true }) };
  };
  const branch = { central: { id: 11, name: 'Central Library' }, eastside: { id: 12, name: 'Eastside Branch' }, riverside: { id: 13, name: 'Riverside Branch' } };
  const events: object[] = [];
  for (let week = 0; week < 8; week++) {
    const makerDate = dayIn(now, week, 4);
    events.push({
      id: 90000 + week, title: 'Teen Makerspace: Build a Bot', allday: false, ...at(makerDate, '16:00', 90),
      description: '<p>Hands-on robotics with microcontrollers. <strong>All materials provided</strong>; registration required.</p>',
      url: { public: `${site}/event/${90000 + week}`, admin: `${site}/admin/event/${90000 + week}` },
      location: { id: 301, type: 0, name: 'Makerspace' }, campus: branch.riverside,
      audience: [{ id: 3, name: 'Teens' }], category: [{ id: 7, name: 'STEM' }, { id: 8, name: 'Makerspace' }],
      registration: true, seats: 12, seats_taken: Math.min(12, 7 + week), physical_seats: 12, physical_seats_taken: Math.min(12, 7 + week),
      online_seats: 0, online_seats_taken: 0, wait_list: true, featured_image: `${site}/img/makerspace.jpg`,
      future_dates: week < 7 ? [{ event_id: 90001 + week, start: dayIn(now, week + 1, 4) }] : [],
      calendar: { id: 8123, name: 'Library Events' }, internal_notes: 'Order more servo motors before week 4.',
    });
  }
  const talkDate = dayIn(now, 2, 4);
  events.push({
    id: 91000, title: 'Author Talk: Rivers We Remember', allday: false, ...at(talkDate, '19:00', 75),
    description: 'A local historian on the towns that grew along the river, with signing. Also streamed online.',
    url: { public: `${site}/event/91000`, admin: `${site}/admin/event/91000` },
    location: { id: 101, type: 0, name: 'Auditorium' }, campus: branch.central,
    audience: [{ id: 1, name: 'Adults' }], category: [{ id: 9, name: 'Author talk' }, { id: 10, name: 'History' }],
    registration: true, physical_seats: 80, physical_seats_taken: 31, online_seats: 200, online_seats_taken: 64, wait_list: 0,
    online_provider: 'Zoom', online_join_url: 'https://zoom.example/j/000000', online_join_password: 'river-2026',
    online_host_url: 'https://zoom.example/s/000000?zak=host', future_dates: [], calendar: { id: 8123, name: 'Library Events' },
  });
  events.push({
    id: 92000, title: 'Library Closed: Winter Holiday', allday: true, start: `${dayIn(now, 4, 4)}T00:00:00-06:00`, end: `${dayIn(now, 4, 5)}T23:59:00-06:00`,
    description: 'All branches closed.', url: { public: `${site}/event/92000`, admin: `${site}/admin/event/92000` },
    location: '', campus: '', audience: [{ id: 6, name: 'All Ages' }], category: [{ id: 11, name: 'Closure' }], registration: false,
    future_dates: [], calendar: { id: 8123, name: 'Library Events' },
  });
  return { events };
}

import fs from 'node:fs';
import path from 'node:path';
import { SourceFormat } from '../src/datasources/adapter';
import { libraryLibCalEvents } from './feeds/library-libcal';
import { foodShareServices, literacyServices } from './feeds/nonprofits-hsds';
import { museumEventsPage } from './feeds/museum-jsonld';
import { DEMO_DIR } from '../src/config';

/**
 * Where the demo writes the partner files it renders at seed time. Inside demo/, so the default
 * SOURCE_FILE_ROOTS (the demo/ folder) allows the scheduler to keep re-reading them; gitignored.
 */
export const DEMO_DATA_DIR = path.join(DEMO_DIR, 'data');

export interface DemoSource {
  partner: string;
  format: SourceFormat;
  /** Relative to demo/. */
  file: string;
  /** Date-relative partner files are rendered (relative to the seed's `now`) and written before the first sync. */
  render?: (now: Date) => string;
  refreshMinutes: number;
  /** Keeps the Source ids the demo has always used (events and records keep their rows on re-seed). */
  idParts: string[];
}

/**
 * Every partner feed of the demo, each a Source with a file: URL synced by the real engine:
 *  - the library's and the district's iCalendar feeds (static; their RRULEs keep them current);
 *  - the museum's "What's on" page (HTML + schema.org JSON-LD), the library's LibCal export (a saved
 *    `/1.1/events` response: the programs people register for on LibCal, EXTERNAL with LibCal's
 *    counts) and the two nonprofits' HSDS listings, rendered at seed time into demo/data/ (their
 *    one-off dates are relative to the seed, like the native programs');
 *  - the library catalog (MARCXML, static).
 * The library's programs are split, each listed once: drop-ins in the .ics feed, LibCal-registered
 * programs in the LibCal export, and NATIVE programs (registration through Community Graph) in
 * demo/town.ts. The LibCal file needs no credentials (the OAuth API is only for http(s) URLs).
 */
export const DEMO_SOURCES: DemoSource[] = [
  { partner: 'millbrook-library', format: SourceFormat.ICALENDAR, file: 'feeds/millbrook-library.ics', refreshMinutes: 60, idParts: ['millbrook-library'] },
  { partner: 'millbrook-schools', format: SourceFormat.ICALENDAR, file: 'feeds/millbrook-schools.ics', refreshMinutes: 60, idParts: ['millbrook-schools'] },
  {
    partner: 'millbrook-library', format: SourceFormat.LIBCAL, file: 'data/library-libcal-events.json', refreshMinutes: 60,
    render: (now) => JSON.stringify(libraryLibCalEvents(now), null, 1), idParts: ['millbrook-library', 'libcal'],
  },
  { partner: 'millbrook-museum', format: SourceFormat.JSONLD, file: 'data/museum-whats-on.html', render: museumEventsPage, refreshMinutes: 60, idParts: ['millbrook-museum'] },
  {
    partner: 'millbrook-food-share', format: SourceFormat.HSDS, file: 'data/food-share-services.json', refreshMinutes: 360,
    render: (now) => JSON.stringify(foodShareServices(now), null, 1), idParts: ['millbrook-food-share', 'hsds'],
  },
  {
    partner: 'riverbend-literacy', format: SourceFormat.HSDS, file: 'data/riverbend-literacy-services.json', refreshMinutes: 360,
    render: (now) => JSON.stringify(literacyServices(now), null, 1), idParts: ['riverbend-literacy', 'hsds'],
  },
  { partner: 'millbrook-library', format: SourceFormat.MARC, file: 'millbrook-catalog.marcxml', refreshMinutes: 1440, idParts: ['millbrook-catalog'] },
];

/** Writes a rendered file atomically: servers seeding side by side (tests, replicas) never read half a file. */
export function writeDemoFile(source: DemoSource, now: Date): string {
  const file = path.join(DEMO_DIR, source.file);
  if (source.render) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, source.render(now));
    fs.renameSync(tmp, file);
  }
  return file;
}

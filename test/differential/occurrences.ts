import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { NormalizedEvent, SourceFormat } from '../../src/datasources/adapter';
import { icalendarAdapter } from '../../src/datasources/icalendar/icalendar.source';
import { FeedServer } from '../support/feed-server';
import { testHttpClient } from '../support/http-client';

/** One occurrence as both sides report it: the fields the differential test compares. */
export interface Occurrence {
  uid: string | null;
  /** UTC ISO 8601 for timed occurrences, a date for all-day ones (end exclusive). */
  start: string;
  end: string;
  allDay: boolean;
  /** SCHEDULED or CANCELLED: what our EventStatus can say of an iCalendar STATUS. */
  status: string;
  /** The RECURRENCE-ID the instance has or would have (compact UTC or YYYYMMDD); null outside a series. */
  recurrenceId: string | null;
}

export interface ReferenceOccurrence extends Occurrence {
  /** false where the reference had to guess (floating time, a TZID it could not resolve). */
  confident: boolean;
}

export interface ReferenceResult {
  error: string | null;
  /** UIDs the reference could not expand (null: a VEVENT without UID). */
  failed: { uid: string | null; error: string }[];
  occurrences: ReferenceOccurrence[];
}

export interface OurResult {
  error: string | null;
  skipped: { externalId: string | null; reason: string }[];
  occurrences: Occurrence[];
}

export interface Window { from: Date; to: Date }

const run = promisify(execFile);
const REFERENCE_SCRIPT = path.join(__dirname, 'reference.py');
export const REFERENCE_PYTHON = process.env.REFERENCE_PYTHON || '/usr/bin/python3';

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Python icalendar + recurring-ical-events over the same file and window (reference.py). reference.py
 * reports what it cannot read itself; should the interpreter still die (a crash, output that is not JSON),
 * that file is "reference could not read" too: one file never stops the whole differential run.
 */
export async function referenceOccurrences(file: string, window: Window, floatingZone: string): Promise<ReferenceResult> {
  let result: { error: string | null; failed: ReferenceResult['failed']; occurrences: (Omit<ReferenceOccurrence, 'status'> & { status: string | null })[] };
  try {
    const { stdout } = await run(REFERENCE_PYTHON, [REFERENCE_SCRIPT, file, isoSeconds(window.from), isoSeconds(window.to), floatingZone], { maxBuffer: 64 * 1024 * 1024 });
    result = JSON.parse(stdout);
  } catch (error) {
    const { stderr, message } = error as Error & { stderr?: string };
    // A missing interpreter or module is no property of the file: that must fail the run, as before.
    if (/ModuleNotFoundError|ENOENT/.test(`${stderr ?? ''} ${message}`)) throw error;
    const lastLine = (stderr ?? message).trim().split('\n').pop();
    return { error: `reference could not read: ${lastLine}`, failed: [], occurrences: [] };
  }
  return {
    ...result,
    occurrences: result.occurrences.map((o) => ({ ...o, status: o.status === 'CANCELLED' ? 'CANCELLED' : 'SCHEDULED' })),
  };
}

function fromEvent(e: NormalizedEvent): Occurrence {
  const uid = e.seriesKey ?? e.externalId;
  return {
    // A VEVENT without UID gets a synthetic one from us; the reference reports none.
    uid: uid.startsWith('no-uid-') ? null : uid,
    start: e.allDay ? e.startDate! : isoSeconds(e.startsAt),
    end: e.allDay ? e.endDate! : isoSeconds(e.endsAt),
    allDay: e.allDay,
    status: e.status,
    recurrenceId: e.seriesKey ? e.externalId.slice(e.seriesKey.length + 1) : null,
  };
}

/**
 * Our side is the sync's own path: the iCalendar adapter pulls the file from a real HTTP server on
 * 127.0.0.1 through the production HttpClient, with the window the sync would pass.
 */
export class OurSide {
  private readonly server = new FeedServer();
  private readonly http = testHttpClient();
  private n = 0;

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  async occurrences(body: Buffer, window: Window, partnerTimezone: string): Promise<OurResult> {
    const route = `/feed-${++this.n}.ics`;
    this.server.set(route, { kind: 'feed', body });
    try {
      const pulled = await icalendarAdapter.pull({
        id: `differential-${this.n}`, partnerId: 'differential', format: SourceFormat.ICALENDAR, url: `${this.server.url}${route}`,
        partnerTimezone, window, validators: { etag: null, lastModified: null }, lastSuccessAt: null, options: {},
      }, this.http);
      const items = pulled.items as NormalizedEvent[];
      return { error: null, skipped: pulled.skipped.map((s) => ({ externalId: s.externalId ?? null, reason: s.reason })), occurrences: items.map(fromEvent) };
    } catch (error) {
      return { error: (error as Error).message, skipped: [], occurrences: [] };
    }
  }
}

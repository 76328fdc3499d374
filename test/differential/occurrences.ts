import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
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

const REFERENCE_SCRIPT = path.join(__dirname, 'reference.py');
export const REFERENCE_PYTHON = process.env.REFERENCE_PYTHON || '/usr/bin/python3';

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

type RawResult = { error: string | null; failed: ReferenceResult['failed']; occurrences: (Omit<ReferenceOccurrence, 'status'> & { status: string | null })[] };

/**
 * Python icalendar + recurring-ical-events over the same file and window (reference.py), one
 * interpreter for the whole run (`--batch`: a job per line in, an answer per line out). reference.py
 * reports what it cannot read itself; should the interpreter still die on a file (a crash), that file
 * is "reference could not read" and the next one gets a new interpreter: one file never stops the run.
 */
export class ReferenceSide {
  private child: ChildProcessWithoutNullStreams | null = null;
  private lines: AsyncIterator<string> | null = null;
  private stderr = '';

  async occurrences(file: string, window: Window, floatingZone: string): Promise<ReferenceResult> {
    const { child, lines } = this.started();
    child.stdin.write(`${JSON.stringify({ path: file, from: isoSeconds(window.from), to: isoSeconds(window.to), zone: floatingZone })}\n`);
    const next = await lines.next();
    if (next.done) {
      const stderr = this.stderr.trim();
      this.child = null;
      // A missing interpreter or module is no property of the file: that must fail the run.
      if (/ModuleNotFoundError|ENOENT/.test(stderr) || !stderr) throw new Error(`reference.py did not start (${REFERENCE_PYTHON}): ${stderr || 'no output'}`);
      return { error: `reference could not read: ${stderr.split('\n').pop()}`, failed: [], occurrences: [] };
    }
    const result: RawResult = JSON.parse(next.value);
    return {
      ...result,
      occurrences: result.occurrences.map((o) => ({ ...o, status: o.status === 'CANCELLED' ? 'CANCELLED' : 'SCHEDULED' })),
    };
  }

  close(): void {
    this.child?.stdin.end();
    this.child = null;
  }

  private started(): { child: ChildProcessWithoutNullStreams; lines: AsyncIterator<string> } {
    if (this.child && this.lines) return { child: this.child, lines: this.lines };
    const child = spawn(REFERENCE_PYTHON, [REFERENCE_SCRIPT, '--batch'], { stdio: 'pipe' });
    this.stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { this.stderr += chunk; });
    child.on('error', (error) => { this.stderr += `${error.message}\n`; });
    this.child = child;
    this.lines = createInterface({ input: child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
    return { child, lines: this.lines };
  }
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

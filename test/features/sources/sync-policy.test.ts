import { loadSyncConfig } from '../../../src/config';
import { LocationMatcher } from '../../../src/features/events/location-matcher';
import { nextSyncAfterFailure, nextSyncAfterSuccess, sourceHealth } from '../../../src/features/sources/schedule-policy';
import { LocationEntity } from '../../../src/model/location.entity';

const now = new Date('2026-11-27T12:00:00Z');
const noJitter = () => 0;
const fullJitter = () => 0.999;
const minutes = (d: Date) => (d.getTime() - now.getTime()) / 60_000;

describe('sync configuration', () => {
  it('defaults to a 15 s timeout, 2 retries, 20 MB, a 30-days-back / 400-days-ahead window and the scheduler on', () => {
    expect(loadSyncConfig({})).toEqual({
      timeoutMs: 15_000, retries: 2, maxBodyBytes: 20 * 1024 * 1024, windowPastDays: 30, windowAheadDays: 400, reexpandHours: 24, scheduler: true, schedulerTickMs: 30_000,
      maxOccurrencesPerSeries: 2_000, maxEventsPerSync: 20_000, maxEventsPerSource: 50_000,
    });
  });

  it('reads SYNC_* variables and rejects nonsense, naming the variable', () => {
    expect(loadSyncConfig({ SYNC_TIMEOUT_MS: '2000', SYNC_RETRIES: '0', SYNC_SCHEDULER: 'off' })).toMatchObject({ timeoutMs: 2000, retries: 0, scheduler: false });
    expect(() => loadSyncConfig({ SYNC_TIMEOUT_MS: '0' })).toThrow('Invalid SYNC_TIMEOUT_MS="0": expected an integer >= 1');
    expect(() => loadSyncConfig({ SYNC_RETRIES: 'many' })).toThrow('Invalid SYNC_RETRIES="many": expected an integer >= 0');
  });
});

describe('sync schedule policy', () => {
  it('schedules the next sync one interval later plus at most 10 % jitter', () => {
    expect(minutes(nextSyncAfterSuccess(60, now, noJitter))).toBe(60);
    expect(minutes(nextSyncAfterSuccess(60, now, fullJitter))).toBeCloseTo(66, 0);
  });

  it('backs off 5, 10, 20 ... minutes after consecutive failures, capped at 24 hours', () => {
    expect([1, 2, 3, 4].map((n) => minutes(nextSyncAfterFailure(60, n, now, noJitter)))).toEqual([5, 10, 20, 40]);
    // 24 hours, stated here rather than imported: the cap is what this test pins.
    expect(minutes(nextSyncAfterFailure(60, 40, now, noJitter))).toBe(24 * 60);
    expect(minutes(nextSyncAfterFailure(60, 10, now, noJitter))).toBe(24 * 60); // 5 * 2^9 = 2560 min, capped
  });

  it('calls a source OK, STALE (no success for over two intervals) or FAILING (last attempt failed)', () => {
    const at = (m: number) => new Date(now.getTime() - m * 60_000);
    expect(sourceHealth({ lastSuccessAt: at(30), consecutiveFailures: 0, refreshMinutes: 60 }, now)).toBe('OK');
    expect(sourceHealth({ lastSuccessAt: at(200), consecutiveFailures: 0, refreshMinutes: 60 }, now)).toBe('STALE');
    expect(sourceHealth({ lastSuccessAt: null, consecutiveFailures: 0, refreshMinutes: 60 }, now)).toBe('STALE');
    expect(sourceHealth({ lastSuccessAt: at(5), consecutiveFailures: 1, refreshMinutes: 60 }, now)).toBe('FAILING');
  });
});

describe('location matching', () => {
  const known = [
    Object.assign(new LocationEntity(), { id: 'central', partnerId: 'p', code: 'CEN', name: 'Central Library', address: '100 Commons Square, Millbrook', lat: 1, lon: 2, accessibility: null }),
    Object.assign(new LocationEntity(), { id: 'east', partnerId: 'p', code: null, name: 'Eastside Branch', address: '2200 Orchard Avenue, Millbrook', lat: 3, lon: 4, accessibility: null }),
  ];

  it('matches by partner code, by name (ignoring case and punctuation) and by address', () => {
    const m = new LocationMatcher('p', known);
    expect(m.resolve({ name: 'Main', address: null, lat: null, lon: null, code: 'cen' })).toBe('central');
    expect(m.resolve({ name: 'eastside branch!', address: null, lat: null, lon: null })).toBe('east');
    expect(m.resolve({ name: 'Somewhere', address: '100 Commons Square, Millbrook', lat: null, lon: null })).toBe('central');
    // A room in a known branch (LibCal location + campus) is placed at the branch.
    expect(m.resolve({ name: 'Makerspace', address: 'Eastside Branch', lat: null, lon: null, code: 'libcal-location:301' })).toBe('east');
    expect(m.pending).toEqual([]);
  });

  it('creates an unknown place once, with a stable id, and reuses it', () => {
    const m = new LocationMatcher('p', known);
    const id = m.resolve({ name: 'Gym', address: 'Gym, 4 School Road', lat: 5, lon: 6 });
    expect(m.resolve({ name: 'GYM', address: null, lat: null, lon: null })).toBe(id);
    expect(m.pending.map((l) => [l.id, l.name, l.address, l.lat])).toEqual([[id, 'Gym', 'Gym, 4 School Road', 5]]);
    expect(new LocationMatcher('p', known).resolve({ name: 'Gym', address: null, lat: null, lon: null })).toBe(id);
    expect(m.resolve(null)).toBeNull();
  });
});

describe('source health at the STALE cut-off', () => {
  it('is OK up to exactly two intervals and a minute after the last success, STALE a millisecond later', () => {
    const last = new Date(now.getTime() - 121 * 60_000); // 2 × 60 min + 1 min
    expect(sourceHealth({ lastSuccessAt: last, consecutiveFailures: 0, refreshMinutes: 60 }, now)).toBe('OK');
    expect(sourceHealth({ lastSuccessAt: new Date(last.getTime() - 1), consecutiveFailures: 0, refreshMinutes: 60 }, now)).toBe('STALE');
    expect(sourceHealth({ lastSuccessAt: new Date(now.getTime() - 21 * 60_000), consecutiveFailures: 0, refreshMinutes: 10 }, now)).toBe('OK');
    expect(sourceHealth({ lastSuccessAt: new Date(now.getTime() - 21 * 60_000 - 1), consecutiveFailures: 0, refreshMinutes: 10 }, now)).toBe('STALE');
  });
});

import { QueryFailedError } from 'typeorm';
import { createLogger } from '../../src/logger';

describe('the logger', () => {
  it('keeps a failed SQL statement but redacts its bound parameters (what people typed)', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const driverError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { parameters: ['ann@example.org'] });
    logger.error({ err: new QueryFailedError('SELECT "id" FROM "event" WHERE "id" = $1', ['ann@example.org', 'Ann Lee'], driverError) }, 'failed');
    const entry = JSON.parse(lines[0]);
    expect(entry.err.query).toBe('SELECT "id" FROM "event" WHERE "id" = $1');
    expect(entry.err.parameters).toBe('[redacted]');
    expect(entry.err.driverError.parameters).toBe('[redacted]');
    expect(lines[0]).not.toContain('ann@example.org');
    expect(lines[0]).not.toContain('Ann Lee');
  });
});

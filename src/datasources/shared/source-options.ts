import { AdapterError, SourceSpec } from '../adapter';

/**
 * A format's settings live in the source's `options` (LibCal's calendar, HSDS's page size, …); these
 * read them, with errors that name the format, the option and what it must be.
 */
export function textOption(source: SourceSpec, format: string, name: string): string {
  const value = source.options[name];
  // Ids such as LibCal's cal_id arrive as numbers as often as strings.
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || !value.trim()) throw new AdapterError(`${format} option "${name}" is required.`);
  return value.trim();
}

export function integerOption(source: SourceSpec, format: string, name: string, fallback: number, max: number): number {
  const value = source.options[name] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new AdapterError(`${format} option "${name}" must be an integer from 1 to ${max}, got ${JSON.stringify(value)}.`);
  }
  return value;
}

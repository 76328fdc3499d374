import { LIBCAL_PRIVATE_FIELDS } from '../../src/datasources/libcal/libcal.map';

const at = (item: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), item);

/**
 * The values of LibCal's private fields (LIBCAL_PRIVATE_FIELDS: join passwords, host links, staff
 * notes, admin URLs) in raw `/1.1/events` items, and which of them appear in `text`: any public
 * output or stored row, serialized. A test expects `[]`.
 */
export function leakedLibCalPrivateValues(rawEvents: unknown[], text: string): string[] {
  const secrets = rawEvents.flatMap((item) => LIBCAL_PRIVATE_FIELDS.map((field) => at(item, field)))
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  if (!secrets.length) throw new Error('the raw LibCal events carry no private field: nothing would be checked');
  return [...new Set(secrets.filter((secret) => text.includes(secret)))];
}

import { SqlReader } from '../../db/sql-reader';
import { LocationEntity } from '../../model/location.entity';
import { PartnerEntity } from '../../model/partner.entity';

/** Partners and their places read the way events are (events.read.ts): explicit columns, no hydration. */
const PARTNER_SELECT = 'SELECT p."id", p."slug", p."name", p."kind", p."website", p."timezone", p."createdAt", p."allowedOrigins" FROM "partner" p';
const LOCATION_SELECT = 'SELECT l."id", l."partnerId", l."code", l."name", l."address", l."lat", l."lon", l."accessibility" FROM "location" l';

type Row = Record<string, unknown>;

export async function partnersByIds(reader: SqlReader, ids: readonly string[]): Promise<PartnerEntity[]> {
  const rows = await reader.all<Row>(`${PARTNER_SELECT} WHERE ${reader.keyIn('p."id"')}`, [reader.keys(ids)]);
  return rows.map((row) => Object.assign(new PartnerEntity(), {
    ...row,
    createdAt: new Date(row.createdAt as string),
    allowedOrigins: typeof row.allowedOrigins === 'string' ? JSON.parse(row.allowedOrigins) : [],
  }));
}

export async function locationsByIds(reader: SqlReader, ids: readonly string[]): Promise<LocationEntity[]> {
  const rows = await reader.all<Row>(`${LOCATION_SELECT} WHERE ${reader.keyIn('l."id"')}`, [reader.keys(ids)]);
  return rows.map((row) => Object.assign(new LocationEntity(), {
    ...row,
    lat: row.lat == null ? null : Number(row.lat),
    lon: row.lon == null ? null : Number(row.lon),
  }));
}

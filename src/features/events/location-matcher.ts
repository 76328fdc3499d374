import { EntityManager } from 'typeorm';
import { NormalizedPlace } from '../../datasources/adapter';
import { LocationEntity } from '../../model/location.entity';
import { stableId } from '../../domain/ids';

const norm = (text: string | null | undefined) => (text ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Maps a partner's own description of a place to one of its Locations: by the partner's code first,
 * then by name, then by address (feeds often put the full address in LOCATION, e.g. "Central Library,
 * 100 Commons Square"), then by the building a room is in (the place's address naming a Location).
 * An unknown place becomes a new Location with a stable id, so the next sync
 * finds it again and an unchanged feed writes nothing.
 */
export class LocationMatcher {
  private readonly created: LocationEntity[] = [];

  constructor(private readonly partnerId: string, private readonly known: LocationEntity[]) {}

  static async load(manager: EntityManager, partnerId: string): Promise<LocationMatcher> {
    return new LocationMatcher(partnerId, await manager.find(LocationEntity, { where: { partnerId } }));
  }

  /** Returns the Location id, creating (in memory; see `pending`) a Location when nothing matches. */
  resolve(place: NormalizedPlace | null): string | null {
    if (!place || (!place.name.trim() && !place.address)) return null;
    const all = [...this.known, ...this.created];
    const code = place.code ? place.code.trim().toLowerCase() : null;
    const name = norm(place.name);
    const address = norm(place.address);
    const match = (code && all.find((l) => l.code?.toLowerCase() === code))
      || all.find((l) => norm(l.name) === name)
      || (address && all.find((l) => norm(l.address) === address))
      // "Central Library, 100 Commons Square, Millbrook" names a known place by its name and address.
      || all.find((l) => l.address && name.startsWith(norm(l.name)) && name.includes(norm(l.address)))
      // A room inside a known building ("Makerspace", in "Riverside Branch": LibCal location + campus).
      || (address && all.find((l) => norm(l.name) === address));
    if (match) return match.id;
    const location = Object.assign(new LocationEntity(), {
      id: stableId('location', this.partnerId, code ?? name),
      partnerId: this.partnerId,
      code: place.code ?? null,
      name: place.name.trim().slice(0, 200) || place.address!.slice(0, 200),
      address: place.address?.slice(0, 500) ?? null,
      lat: place.lat, lon: place.lon, accessibility: null,
    });
    this.created.push(location);
    return location.id;
  }

  /** Locations created by `resolve` that the caller must insert in its transaction. */
  get pending(): LocationEntity[] {
    return this.created;
  }
}

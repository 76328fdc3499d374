import { LocationEntity } from '../../../src/model/location.entity';
import { LOCATIONS_PER_PARTNER, TownPlan } from '../town-plan';
import type { TownTable } from '../town-table';

export const locationTable: TownTable = {
  name: 'location',
  entity: LocationEntity,
  *rows(plan: TownPlan) {
    for (let p = 0; p < plan.scale.partners; p++) {
      for (let l = 0; l < LOCATIONS_PER_PARTNER; l++) {
        yield {
          id: plan.locationId(p, l), partnerId: plan.partnerId(p), code: `B${p}L${l}`, name: `Partner ${p} site ${l}`,
          address: `${100 + p} Bench Street ${l}, Millbrook`,
          // A 10 km square of open country, so "near" filters select a real subset.
          lat: 41.45 + ((p * 37 + l * 11) % 100) / 1000, lon: -90.65 + ((p * 53 + l * 17) % 100) / 1000,
          accessibility: l === 0 ? 'Step-free entrance; elevator to all floors.' : null,
        };
      }
    }
  },
};

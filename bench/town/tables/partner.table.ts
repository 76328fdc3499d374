import { PartnerEntity } from '../../../src/model/partner.entity';
import { TOWN_TIMEZONE, TownPlan } from '../town-plan';
import type { TownTable } from '../town-table';

export const partnerTable: TownTable = {
  name: 'partner',
  entity: PartnerEntity,
  *rows(plan: TownPlan) {
    for (let p = 0; p < plan.scale.partners; p++) {
      yield {
        id: plan.partnerId(p), slug: `bench-partner-${p}`, name: `Bench Partner ${p}`, kind: plan.partnerKind(p),
        website: `https://partner-${p}.bench.example`, timezone: TOWN_TIMEZONE, createdAt: plan.now,
      };
    }
  },
};

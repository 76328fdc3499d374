import { ApiKeyEntity } from './api-key.entity';
import { EventEntity } from './event.entity';
import { LocationEntity } from './location.entity';
import { PartnerEntity } from './partner.entity';
import { RegistrationEntity } from './registration.entity';
import { SourceEntity } from './source.entity';

export { ApiKeyEntity, EventEntity, LocationEntity, PartnerEntity, RegistrationEntity };
export { SourceEntity };

export const ENTITIES = [PartnerEntity, LocationEntity, EventEntity, RegistrationEntity, ApiKeyEntity,
  SourceEntity,
];

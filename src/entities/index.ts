import { ApiKeyEntity } from './api-key.entity';
import { EventEntity } from './event.entity';
import { LocationEntity } from './location.entity';
import { PartnerEntity } from './partner.entity';
import { RegistrationEntity } from './registration.entity';
import { ServiceLocationEntity } from './service-location.entity';
import { ServiceEntity } from './service.entity';
import { SourceEntity } from './source.entity';

export { ApiKeyEntity, EventEntity, LocationEntity, PartnerEntity, RegistrationEntity };
export { ServiceEntity, ServiceLocationEntity, SourceEntity };

export const ENTITIES = [PartnerEntity, LocationEntity, EventEntity, RegistrationEntity, ApiKeyEntity,
  ServiceEntity, ServiceLocationEntity, SourceEntity,
];

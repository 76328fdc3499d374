import { ApiKeyEntity } from './api-key.entity';
import { EventEntity } from './event.entity';
import { LocationEntity } from './location.entity';
import { PartnerEntity } from './partner.entity';
import { RegistrationEntity } from './registration.entity';

export { ApiKeyEntity, EventEntity, LocationEntity, PartnerEntity, RegistrationEntity };

export const ENTITIES = [PartnerEntity, LocationEntity, EventEntity, RegistrationEntity, ApiKeyEntity];

import { ApiKeyEntity } from './api-key.entity';
import { CatalogKeyEntity } from './catalog-key.entity';
import { CatalogRecordEntity } from './catalog-record.entity';
import { EventEntity } from './event.entity';
import { HoldingEntity } from './holding.entity';
import { LocationEntity } from './location.entity';
import { MailOutboxEntity } from './mail-outbox.entity';
import { PartnerEntity } from './partner.entity';
import { RegistrationEntity } from './registration.entity';
import { ServiceLocationEntity } from './service-location.entity';
import { ServiceEntity } from './service.entity';
import { SourceEntity } from './source.entity';
import { SurveyResponseEntity } from './survey-response.entity';
import { SurveyTokenEntity } from './survey-token.entity';
import { SurveyEntity } from './survey.entity';
import { SurveyLinkEntity } from './survey-link.entity';

export { ApiKeyEntity, EventEntity, LocationEntity, PartnerEntity, RegistrationEntity };
export { ServiceEntity, ServiceLocationEntity, SourceEntity };
export { CatalogKeyEntity, CatalogRecordEntity, HoldingEntity };
export { MailOutboxEntity };
export { SurveyEntity, SurveyLinkEntity, SurveyResponseEntity, SurveyTokenEntity };

export const ENTITIES = [PartnerEntity, LocationEntity, EventEntity, RegistrationEntity, ApiKeyEntity,
  ServiceEntity, ServiceLocationEntity, SourceEntity, CatalogRecordEntity, HoldingEntity, CatalogKeyEntity,
  MailOutboxEntity, SurveyEntity, SurveyResponseEntity, SurveyTokenEntity, SurveyLinkEntity,
];

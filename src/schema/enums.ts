import { registerEnumType } from 'type-graphql';
import { CatalogFormat, HoldingStatus } from '../domain/catalog';
import { AttendanceMode, Audience, EventStatus, PartnerKind, RegistrationMode, RegistrationStatus, ServiceStatus } from '../domain/enums';

registerEnumType(PartnerKind, { name: 'PartnerKind', description: 'What kind of organization a partner is.' });
registerEnumType(EventStatus, { name: 'EventStatus', description: 'schema.org EventStatusType, as our enum.' });
registerEnumType(AttendanceMode, { name: 'AttendanceMode', description: 'In person, online, or both.' });
registerEnumType(Audience, { name: 'Audience', description: 'Normalized age bands (the source labels are in rawAudiences).' });
registerEnumType(RegistrationMode, {
  name: 'RegistrationMode',
  description: 'NATIVE: register through this API. EXTERNAL: on the partner\'s own site. NONE: just come.',
});
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
registerEnumType(ServiceStatus, { name: 'ServiceStatus', description: 'A listing\'s lifecycle (HSDS service.status).' });

export { AttendanceMode, Audience, EventStatus, PartnerKind, RegistrationMode, RegistrationStatus, ServiceStatus };

registerEnumType(CatalogFormat, { name: 'CatalogFormat', description: 'What a catalog record is, from the MARC leader and carrier fields.' });
registerEnumType(HoldingStatus, {
  name: 'HoldingStatus',
  description: 'A copy\'s status, normalized across ILSs; the ILS\'s own wording is in rawStatus.',
});

export { CatalogFormat, HoldingStatus };

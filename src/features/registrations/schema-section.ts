import type { SchemaSection } from '../../schema/schema-section';

/** This feature's part of the API: where its fields and types stand in the committed SDL, and the Node types it resolves by id. */
export const registrationsSection: SchemaSection = {
  sdl: {
    name: 'Registrations',
    summary: 'Registrations: seats at NATIVE events, the waitlist, check-in and live seat counts.',
    query: ['myRegistration', 'registrationOverview', 'registrantData'],
    mutation: ['holdSeats', 'releaseSeatHold', 'register', 'claimInvitation', 'cancelRegistration', 'checkIn', 'addWalkIns', 'setHeadCount', 'eraseRegistrant'],
    subscription: ['registrationCounts'],
    types: [
      'RegistrationInfo', 'RegistrationMode', 'WaitlistMode', 'PartyCategory', 'PartyCategoryInput', 'RegistrationState', 'Registration',
      'PartyCount', 'EventAttendance', 'CategoryCount', 'RegistrationStatus', 'RegisterInput', 'PartyCountInput', 'RegisterPayload',
      'RegistrationTicket', 'RegistrationRejected', 'RegistrationRejectionCode', 'HoldSeatsInput', 'HoldSeatsPayload', 'SeatHold',
      'ReleaseSeatHoldInput', 'CancelRegistrationInput',
      'CancelPayload', 'MyRegistration', 'RegistrationCounts', 'RegistrationOverview', 'SeatTotals', 'ProgramOverview', 'AttentionItem', 'AttentionReason',
    ],
  },
  nodes: {},
};

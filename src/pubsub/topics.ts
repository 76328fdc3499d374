import { EventChangeType, PartnerKind } from '../domain/enums';

/** Messages carry ids and small facts only (never personal data); subscribers reload what they show. */
export interface EventChangeMessage {
  type: EventChangeType;
  /** Local (database) event id. */
  eventId: string;
  partnerId: string;
  partnerKind: PartnerKind;
  changedAt: string;
}

export interface RegistrationCountsMessage {
  eventId: string;
  partnerId: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  /** People in seat holds in force at changedAt (not among `remaining`). */
  held: number;
  remaining: number | null;
  changedAt: string;
}

/** What kind of write committed; for logs only (every change clears the whole response cache). */
export type DataChangeKind = 'sync' | 'events' | 'registrations' | 'partners' | 'sources';

/**
 * "A committed write may have changed a public answer" (src/pubsub/data-changes.ts). `origin` is the
 * publishing process, which already acted on its own change synchronously and skips the echo.
 */
export interface DataChangedMessage {
  kind: DataChangeKind;
  origin: string;
  changedAt: string;
}

/** An API key was revoked: every replica closes the sockets that authenticated with it (src/edge/websocket.ts). */
export interface ApiKeyRevokedMessage {
  keyId: string;
  revokedAt: string;
}

/** Topic name → payload tuple (one message per publish). */
export type Topics = {
  EVENT_CHANGES: [EventChangeMessage];
  REGISTRATION_COUNTS: [RegistrationCountsMessage];
  DATA_CHANGED: [DataChangedMessage];
  API_KEY_REVOKED: [ApiKeyRevokedMessage];
};

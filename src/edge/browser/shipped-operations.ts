import path from 'node:path';
import { DASHBOARD_COUNTS, DASHBOARD_OVERVIEW, DASHBOARD_PARTNERS } from './dashboard/operations';
import { PersistedOperation, sha256Hex } from '../persisted-queries';
import {
  WIDGET_CANCEL, WIDGET_CLAIM, WIDGET_COUNTS, WIDGET_HOLD, WIDGET_MY_REGISTRATION, WIDGET_REGISTER, WIDGET_REGISTER_PARTY, WIDGET_RELEASE_HOLD,
} from './widget/operations';
import { PROJECT_ROOT } from '../../project-root';

/** Shipped with the project; point SAFELIST_FILE at it (or merge its operations into your own manifest). */
export const SHIPPED_MANIFEST_FILE = path.join(PROJECT_ROOT, 'persisted-operations.json');

/**
 * Every operation our own pages send WITHOUT an API key (the widget; the dashboard's public view).
 * The dashboard's staff query and the door page's operations are not here: they always carry a key,
 * and keyed callers are not bound to the safelist.
 */
const OPERATIONS: Array<Omit<PersistedOperation, 'id'>> = [
  { name: 'WidgetRegister', type: 'mutation', body: WIDGET_REGISTER },
  { name: 'WidgetRegisterParty', type: 'mutation', body: WIDGET_REGISTER_PARTY },
  { name: 'WidgetHold', type: 'mutation', body: WIDGET_HOLD },
  { name: 'WidgetReleaseHold', type: 'mutation', body: WIDGET_RELEASE_HOLD },
  { name: 'WidgetCounts', type: 'subscription', body: WIDGET_COUNTS },
  { name: 'WidgetMyRegistration', type: 'query', body: WIDGET_MY_REGISTRATION },
  { name: 'WidgetCancel', type: 'mutation', body: WIDGET_CANCEL },
  { name: 'WidgetClaim', type: 'mutation', body: WIDGET_CLAIM },
  { name: 'DashboardPartners', type: 'query', body: DASHBOARD_PARTNERS },
  { name: 'DashboardOverview', type: 'query', body: DASHBOARD_OVERVIEW },
  { name: 'DashboardCounts', type: 'subscription', body: DASHBOARD_COUNTS },
];

/** The manifest in Apollo's persisted query manifest format, as `npm run persisted:emit` writes it. */
export function shippedManifest(): string {
  const operations = OPERATIONS.map((op) => ({ id: sha256Hex(op.body), ...op }));
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`;
}

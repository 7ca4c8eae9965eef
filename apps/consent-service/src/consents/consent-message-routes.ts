import { MESSAGE_ROUTES } from '@gmdb/domain';
import type { MessageRoutes } from '@gmdb/platform';

/**
 * The routing table consent-service checks before writing to the outbox. It must be the table
 * the app's Outbox was built with: MESSAGE_ROUTES in the apps, a custom one in tests.
 */
export const CONSENT_MESSAGE_ROUTES = Symbol.for('gmdb.consent.messageRoutes');

export const DEFAULT_CONSENT_ROUTES: MessageRoutes = MESSAGE_ROUTES;

import type { Connection } from '../../stores/connections/connection.js';
import { emailDomain } from './claim-mapping.js';

/**
 * Which of a tenant's connections a sign-in goes to, from the list the page already read (one
 * query per page or form, whatever it asks of it).
 */

/** The connection named `name` (a button, or `idp_hint`), if any. */
export const byName = (connections: readonly Connection[], name: string): Connection | undefined =>
  name ? connections.find((connection) => connection.name === name) : undefined;

/** The connection that serves the domain of an email-like `name`, if any (home-realm discovery). */
export function byEmail(connections: readonly Connection[], name: string): Connection | undefined {
  const domain = emailDomain(name);
  return domain ? connections.find((connection) => connection.emailDomains.includes(domain)) : undefined;
}

/** The connection that is the only way in for the user: exclusive for the domain of their email, or of a username that is an email. */
export function onlyWayIn(connections: readonly Connection[], user: { email: string | null; username: string }): Connection | undefined {
  for (const name of [user.email, user.username]) {
    const connection = name ? byEmail(connections, name) : undefined;
    if (connection?.exclusive) return connection;
  }
  return undefined;
}

import type { AppConfig } from '../config/app-config.js';

/** Where the database is, for messages: host, port and name, never the password. */
export function describeDatabase(config: AppConfig): string {
  if (!config.databaseUrl) return `the embedded store in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

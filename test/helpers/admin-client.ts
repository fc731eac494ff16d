import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../openapi/openapi.js';
import { TEST_ADMIN_KEY } from './app.js';

export type AdminClient = Client<paths>;

/**
 * The admin API through the client generated from openapi/openapi.json (openapi-fetch over
 * openapi/openapi.d.ts): a path, parameter or body the document does not describe does not
 * compile. `key: null` sends no Authorization header.
 */
export function adminClient(baseUrl: string, key: string | null = TEST_ADMIN_KEY): AdminClient {
  return createClient<paths>({ baseUrl, headers: key === null ? {} : { authorization: `Bearer ${key}` } });
}

import { randomBytes } from 'node:crypto';

/** A new client_id: 144 bits, URL-safe: unguessable, short enough to read. */
export const newClientId = (): string => randomBytes(18).toString('base64url');

/** A new client secret: 256 bits, long enough for HS256 client_secret_jwt (RFC 7518 §3.2). */
export const newClientSecret = (): string => randomBytes(32).toString('base64url');

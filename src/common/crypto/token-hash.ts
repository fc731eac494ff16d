import { createHash, createHmac } from 'node:crypto';

/**
 * What the database keeps of a bearer value (token, code, session or interaction id): its
 * SHA-256, hex. Plain, not keyed: these values carry 126 to 256 bits of randomness, so the
 * hash cannot be reversed or guessed, and with no key there is nothing to rotate, every
 * replica agrees, and a migration can compute it in SQL (`sha256()`, built into PostgreSQL).
 */
export const hashToken = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * The keyed form, for values too short to hash plainly (a device flow's user code has about
 * 35 bits: its SHA-256 would be reversed by trying them all). `key` never leaves the process.
 */
export const hashShortCode = (key: Buffer, value: string): string => createHmac('sha256', key).update(value, 'utf8').digest('hex');

import { randomInt } from 'node:crypto';
import { hashToken } from '../../../common/crypto/token-hash.js';

/** Codes per set. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * Letters and digits no one confuses (no 0/o, 1/l/i): 31 of them, so a 16-character code holds
 * 79 bits, beyond brute force against its SHA-256 (which is all the database keeps).
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A fresh set, as the user sees them: `xxxx-xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-'),
  );
}

/** What the database keeps of a code as typed: case, spaces and dashes do not matter. */
export const recoveryCodeHash = (typed: string): string => hashToken(typed.toLowerCase().replace(/[\s-]/g, ''));

import { calculateJwkThumbprint, type JWK } from 'jose';
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { KeyMaterial } from '../stores/signing-keys/signing-key.js';
import type { SigningAlg } from '../stores/tenants/tenant.js';

const generate = promisify(generateKeyPair);

/**
 * A new key pair for `alg`. RSA-2048 costs 100–300 ms of CPU; node:crypto runs it on the
 * libuv thread pool, so the event loop keeps serving meanwhile. The kid is the RFC 7638
 * thumbprint, so it is stable and says nothing but the key.
 */
export async function generateKeyMaterial(alg: SigningAlg): Promise<KeyMaterial> {
  const { privateKey } =
    alg === 'RS256'
      ? await generate('rsa', { modulusLength: 2048 })
      : alg === 'ES256'
        ? await generate('ec', { namedCurve: 'P-256' })
        : await generate('ed25519');
  const full = privateKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(full);
  const privateJwk: JWK = { ...full, kid, alg, use: 'sig' };
  return { kid, alg, privateJwk, publicJwk: publicPart(privateJwk) };
}

/** Members of a private JWK that must never be published (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2). */
const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);

export function publicPart(jwk: JWK): JWK {
  return Object.fromEntries(Object.entries(jwk).filter(([member]) => !PRIVATE_MEMBERS.has(member)));
}

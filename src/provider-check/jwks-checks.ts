import { createPublicKey } from 'node:crypto';
import { error, isRecord, warning, type Finding } from './findings.js';

/** Members that hold private or symmetric key material (RFC 7518 §6.2.2, §6.3.2, §6.4.1): never in a published JWKS. */
const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** Smallest RSA modulus accepted, in bits (NIST SP 800-131A; RFC 7518 §3.3 requires 2048 for RS*). */
export const minRsaBits = 2048;

/** A key a relying party can verify signatures with. */
interface SigningKey {
  kty: string;
  crv?: string;
  alg?: string;
}

/** The key type (and curve) each asymmetric JWS algorithm needs (RFC 7518 §3, RFC 8037, RFC 8812). */
function keyFits(alg: string, key: SigningKey): boolean {
  if (key.alg && key.alg !== alg) return false;
  if (/^(?:RS|PS)(?:256|384|512)$/.test(alg)) return key.kty === 'RSA';
  const curve = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521', ES256K: 'secp256k1' }[alg];
  if (curve) return key.kty === 'EC' && key.crv === curve;
  if (alg === 'EdDSA') return key.kty === 'OKP' && (key.crv === 'Ed25519' || key.crv === 'Ed448');
  if (alg === 'Ed25519') return key.kty === 'OKP' && key.crv === 'Ed25519';
  return false;
}

/** Algorithms verified with a key from the JWKS; `none` and HS* (client secret) are not. */
const needsJwksKey = (alg: string) => alg !== 'none' && !alg.startsWith('HS');

/** One key judged: the signing key it gives, or the findings that say why it gives none. */
function checkKey(jwk: unknown, label: string): { key?: SigningKey; findings: Finding[] } {
  if (!isRecord(jwk) || typeof jwk.kty !== 'string') return { findings: [error('JWK_INVALID', `${label} has no kty.`)] };
  const leaked = privateMembers.filter((member) => member in jwk);
  if (leaked.length > 0) {
    return { findings: [error('JWK_PRIVATE_MEMBER', `${label} publishes private key material (${leaked.join(', ')}); replace the key.`)] };
  }
  const findings: Finding[] = [];
  if (typeof jwk.kid !== 'string' || jwk.kid === '')
    findings.push(warning('JWK_MISSING_KID', `${label} has no kid, so verifiers cannot select it when keys rotate.`));
  if (jwk.use === 'enc') return { findings };
  let bits: number | undefined;
  try {
    bits = createPublicKey({ key: jwk, format: 'jwk' }).asymmetricKeyDetails?.modulusLength;
  } catch (cause) {
    return { findings: [...findings, error('JWK_INVALID', `${label} is not a usable ${jwk.kty} public key (${(cause as Error).message}).`)] };
  }
  if (jwk.kty === 'RSA' && (bits ?? 0) < minRsaBits) {
    return { findings: [...findings, error('JWK_WEAK_KEY', `${label} is a ${bits}-bit RSA key; at least ${minRsaBits} bits are required.`)] };
  }
  return { key: { kty: jwk.kty, crv: typeof jwk.crv === 'string' ? jwk.crv : undefined, alg: typeof jwk.alg === 'string' ? jwk.alg : undefined }, findings };
}

/**
 * The JWKS holds usable public signing keys, and each advertised ID token algorithm that
 * needs one has a key of the right type. Returns the findings; none for a clean set.
 */
export function checkJwks(json: unknown, advertisedAlgs: string[]): Finding[] {
  if (!isRecord(json) || !Array.isArray(json.keys)) return [error('JWKS_INVALID', 'The JWKS is not a JSON object with a keys array (RFC 7517 §5).')];
  const results = json.keys.map((jwk: unknown, index) => {
    const kid = isRecord(jwk) && typeof jwk.kid === 'string' ? ` (kid ${jwk.kid})` : '';
    return checkKey(jwk, `keys[${index}]${kid}`);
  });
  const findings = results.flatMap((result) => result.findings);
  const keys = results.flatMap((result) => (result.key ? [result.key] : []));
  if (keys.length === 0) return [...findings, error('JWKS_NO_SIGNING_KEYS', 'The JWKS holds no usable public signing key.')];
  // An advertised algorithm without a key is a warning while another one can be verified;
  // when none can, no ID token of this provider can be verified: an error.
  const needed = advertisedAlgs.filter(needsJwksKey);
  const unfit = needed.filter((alg) => !keys.some((key) => keyFits(alg, key)));
  const finding = unfit.length === needed.length ? error : warning;
  for (const alg of unfit) findings.push(finding('ALG_WITHOUT_KEY', `${alg} is advertised for ID tokens, but the JWKS has no key for it.`));
  return findings;
}

import type { SecretBox } from '../../common/crypto/secret-box.js';
import type { KeyMaterial } from '../../keys/key-material.js';
import type { KeyStatus } from './signing-key.js';

/** Binds a sealed private key to its tenant and kid: a ciphertext moved to another row does not open. */
export const keyAad = (tenantId: string, kid: string) => `signing_key:${tenantId}:${kid}`;

/** The row of a new key: private JWK sealed under the KEK, public JWK in the clear. */
export function sealedKeyRow(box: SecretBox, tenantId: string, material: KeyMaterial, status: KeyStatus) {
  return {
    tenantId,
    kid: material.kid,
    alg: material.alg,
    use: 'sig',
    status,
    publicJwk: material.publicJwk,
    privateJwk: box.seal(JSON.stringify(material.privateJwk), keyAad(tenantId, material.kid)),
    ...(status === 'active' ? { activatedAt: new Date() } : {}),
  };
}

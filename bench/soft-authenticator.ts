/**
 * A software WebAuthn authenticator holding one ES256 passkey, for benches that sign in with
 * passkeys without a browser: it answers the options a page embeds as a browser would pass on
 * an authenticator's answer (@simplewebauthn/browser's JSON), with attestation `none`, the user
 * present and verified, and a signature counter that counts up. What it builds is checked by
 * the server as any credential is (origin, RP ID hash, challenge, flags, signature, counter).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { cose, isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

/** Authenticator data flags (WebAuthn §6.1): user present, user verified, attested credential data. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64url = (data: Uint8Array<ArrayBuffer>) => isoBase64URL.fromBuffer(data);
const counterBytes = (n: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(n);
  return bytes;
};

export class SoftAuthenticator {
  private credential?: { id: Buffer<ArrayBuffer>; privateKey: KeyObject; rpId: string; userHandle: string };
  private counter = 0;

  /** `origin`: the page's origin, as a browser puts it in clientDataJSON. */
  constructor(private readonly origin: string) {}

  /** navigator.credentials.create(): a new passkey for the RP and user `options` name. */
  register(options: PublicKeyCredentialCreationOptionsJSON): RegistrationResponseJSON {
    if (!options.pubKeyCredParams.some((param) => param.alg === Number(cose.COSEALG.ES256))) throw new Error('the RP does not accept ES256');
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cosePublicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [cose.COSEKEYS.kty, cose.COSEKTY.EC2],
        [cose.COSEKEYS.alg, cose.COSEALG.ES256],
        [cose.COSEKEYS.crv, cose.COSECRV.P256],
        [cose.COSEKEYS.x, Buffer.from(jwk.x!, 'base64url')],
        [cose.COSEKEYS.y, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const id = randomBytes(16);
    this.credential = { id, privateKey, rpId, userHandle: options.user.id };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    // rpIdHash, flags, counter, then the attested credential data: AAGUID (none), credential id length, id, COSE key.
    const authData = Buffer.concat([sha256(rpId), Buffer.of(UP | UV | AT), counterBytes(this.counter), Buffer.alloc(16), idLength, id, cosePublicKey]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, never>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, never>()],
        ['authData', authData],
      ]),
    );
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key',
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge),
        attestationObject: b64url(attestationObject),
        authenticatorData: b64url(authData),
        publicKeyAlgorithm: cose.COSEALG.ES256,
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** navigator.credentials.get(): an assertion by the passkey this authenticator holds (discoverable: it names its user). */
  assert(options: PublicKeyCredentialRequestOptionsJSON): AuthenticationResponseJSON {
    const credential = this.credential;
    if (!credential) throw new Error('no passkey registered');
    if ((options.rpId ?? new URL(this.origin).hostname) !== credential.rpId) throw new Error(`no passkey for ${options.rpId}`);
    const id = b64url(credential.id);
    if (options.allowCredentials?.length && !options.allowCredentials.some((allowed) => allowed.id === id))
      throw new Error('the RP asks for another credential');
    const authData = Buffer.concat([sha256(credential.rpId), Buffer.of(UP | UV), counterBytes(++this.counter)]);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge);
    // ES256 over authenticatorData ‖ SHA-256(clientDataJSON), DER-encoded as WebAuthn has it (node:crypto's default for EC keys).
    const signature = sign('sha256', Buffer.concat([authData, sha256(Buffer.from(clientDataJSON, 'base64url'))]), credential.privateKey);
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: { clientDataJSON, authenticatorData: b64url(authData), signature: b64url(new Uint8Array(signature)), userHandle: credential.userHandle },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string): string {
    return b64url(Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false })));
  }
}

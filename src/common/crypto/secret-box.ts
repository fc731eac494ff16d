import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;

/** A key-encryption key and the id that sealed values name it by. */
export interface KeyEncryptionKey {
  id: string;
  key: Buffer;
}

/**
 * The id of `KEY_ENCRYPTION_KEY`, and of the values sealed before keys had ids: they are
 * written `v1.…` with no id, so releases from before key ids read what this one seals under it.
 */
export const DEFAULT_KEY_ID = 'default';

/** Key ids: short, and free of the format's `.` separator and of the list's `,` and `:`. */
export const KEY_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** A sealed value names a key that this process does not hold. */
export class UnknownKeyEncryptionKey extends Error {
  constructor(readonly keyId: string) {
    super(`sealed under key-encryption key '${keyId}', which is not configured`);
  }
}

/**
 * SQL for the id of the key that sealed the value in `column` (NULL for NULL): the one place
 * outside this class that knows the format, for counting and selecting rows by key in the stores.
 */
export const sealedKeyIdSql = (column: string) => `(CASE WHEN ${column} LIKE 'v1.%' THEN '${DEFAULT_KEY_ID}' ELSE split_part(${column}, '.', 2) END)`;

/**
 * Encryption at rest for private keys and client secrets: AES-256-GCM directly under a
 * key-encryption key (no per-row data key: values are small and the KEK never leaves the
 * process). Each value is bound to where it is stored through the additional authenticated
 * data (`aad`, e.g. `signing_key:acme:kid`), so a ciphertext copied to another row does not decrypt.
 *
 * Several keys for rotation: the first seals, every one opens what names it. Format:
 * `v2.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts; under the `default` key,
 * `v1.<iv>.<tag>.<ciphertext>`, the format from before key ids.
 */
export class SecretBox {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly KeyEncryptionKey[]) {
    if (keys.length === 0) throw new Error('SecretBox needs a key');
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new Error(`key-encryption key '${id}' is not 32 bytes`);
      if (!KEY_ID_PATTERN.test(id)) throw new Error(`key-encryption key id '${id}' does not match ${KEY_ID_PATTERN}`);
    }
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
    if (this.byId.size !== keys.length) throw new Error('key-encryption key ids must be unique');
  }

  /** The id of the key that seals. */
  get currentKeyId(): string {
    return this.keys[0].id;
  }

  /** Every key's id, the sealing one first. */
  get keyIds(): string[] {
    return this.keys.map((key) => key.id);
  }

  seal(plaintext: string, aad: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
    return (id === DEFAULT_KEY_ID ? ['v1', ...parts] : ['v2', id, ...parts]).join('.');
  }

  /** The plaintext; throws `UnknownKeyEncryptionKey` for a key this process lacks, and an error for a wrong key or a tampered value. */
  open(sealed: string, aad: string): string {
    const { keyId, iv, tag, ciphertext } = parse(sealed);
    const key = this.byId.get(keyId);
    if (!key) throw new UnknownKeyEncryptionKey(keyId);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(aad)).setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** `sealed` opened and sealed again under the sealing key (key-encryption key rotation). */
  reseal(sealed: string, aad: string): string {
    return this.seal(this.open(sealed, aad), aad);
  }

  /**
   * Keys for another purpose (cookie signing, CSRF tokens, user-code hashes), derived so they
   * need no storage and are the same on every replica: one per key-encryption key, the sealing
   * key's first. What is made with the first is accepted by a process that holds that key in any
   * position, so replicas mid-rotation agree.
   */
  derive(purpose: string, bytes = 32): Buffer[] {
    return this.keys.map(({ key }) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), purpose, bytes)));
  }
}

function parse(sealed: string): { keyId: string; iv: string; tag: string; ciphertext: string } {
  const parts = sealed.split('.');
  const [keyId, iv, tag, ciphertext] =
    parts[0] === 'v1' && parts.length === 4 ? [DEFAULT_KEY_ID, ...parts.slice(1)] : parts[0] === 'v2' && parts.length === 5 ? parts.slice(1) : [];
  if (!keyId || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed value');
  return { keyId, iv, tag, ciphertext };
}

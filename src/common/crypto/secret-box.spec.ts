import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_ID, SecretBox, UnknownKeyEncryptionKey } from './secret-box.js';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe(SecretBox.name, () => {
  const old = key(DEFAULT_KEY_ID);
  const box = new SecretBox([old]);

  it('round-trips, with a fresh IV each time', () => {
    const a = box.seal('secret', 'ctx');
    const b = box.seal('secret', 'ctx');
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(box.open(a, 'ctx')).toBe('secret');
  });

  it('refuses another context, another key, or a tampered value', () => {
    const sealed = box.seal('secret', 'signing_key:a:1');
    expect(() => box.open(sealed, 'signing_key:b:1')).toThrow();
    expect(() => new SecretBox([key(DEFAULT_KEY_ID)]).open(sealed, 'signing_key:a:1')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x').toString('base64url') + parts[3].slice(2);
    expect(() => box.open(parts.join('.'), 'signing_key:a:1')).toThrow();
  });

  it('seals under the default key in the format from before key ids (v1, no id), under any other with its id (v2)', () => {
    expect(box.seal('s', 'ctx')).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    const rotated = new SecretBox([key('2026-12'), old]);
    const sealed = rotated.seal('s', 'ctx');
    expect(sealed).toMatch(/^v2\.2026-12\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(rotated.currentKeyId).toBe('2026-12');
  });

  it('opens by the id a value names: the first key seals, every key opens; an id it lacks is named in the error', () => {
    const next = key('k2');
    const during = new SecretBox([next, old]);
    const underOld = box.seal('a', 'ctx');
    const underNext = during.seal('b', 'ctx');
    expect(during.open(underOld, 'ctx')).toBe('a');
    expect(during.open(underNext, 'ctx')).toBe('b');
    // Before the rotation's first step (the new key added second), a process cannot open what the new key sealed.
    expect(() => box.open(underNext, 'ctx')).toThrow(UnknownKeyEncryptionKey);
    expect(() => box.open(underNext, 'ctx')).toThrow("'k2'");
    // A key under the right id but with the wrong bytes fails authentication.
    expect(() => new SecretBox([{ id: 'k2', key: randomBytes(32) }]).open(underNext, 'ctx')).toThrow();
  });

  it('reseals under the first key, keeping the plaintext and the binding', () => {
    const after = new SecretBox([key('k2'), old]);
    const resealed = after.reseal(box.seal('secret', 'ctx'), 'ctx');
    expect(resealed.startsWith('v2.k2.')).toBe(true);
    expect(after.open(resealed, 'ctx')).toBe('secret');
    expect(() => after.open(resealed, 'other')).toThrow();
  });

  it('refuses malformed key lists', () => {
    expect(() => new SecretBox([])).toThrow();
    expect(() => new SecretBox([{ id: 'a', key: randomBytes(16) }])).toThrow('32 bytes');
    expect(() => new SecretBox([key('a.b')])).toThrow('id');
    expect(() => new SecretBox([key('a'), key('a')])).toThrow('unique');
  });

  it('derives stable, distinct keys per purpose, one per key-encryption key, the sealing one first', () => {
    expect(box.derive('cookies:a')).toEqual(box.derive('cookies:a'));
    expect(box.derive('cookies:a')[0]).not.toEqual(box.derive('cookies:b')[0]);
    const during = new SecretBox([key('k2'), old]);
    const derived = during.derive('cookies:a');
    expect(derived).toHaveLength(2);
    expect(derived[1]).toEqual(box.derive('cookies:a')[0]);
  });
});

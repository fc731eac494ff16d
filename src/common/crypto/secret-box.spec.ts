import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe(SecretBox.name, () => {
  const box = new SecretBox(randomBytes(32));

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
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'signing_key:a:1')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x').toString('base64url') + parts[3].slice(2);
    expect(() => box.open(parts.join('.'), 'signing_key:a:1')).toThrow();
  });

  it('derives stable, distinct keys per purpose', () => {
    expect(box.derive('cookies:a')).toEqual(box.derive('cookies:a'));
    expect(box.derive('cookies:a')).not.toEqual(box.derive('cookies:b'));
  });
});

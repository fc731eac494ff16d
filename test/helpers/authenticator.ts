import * as OTPAuth from 'otpauth';

const PERIOD_MS = 30_000;

/**
 * An authenticator app for tests: holds the TOTP secret an enrollment page showed (RFC 6238,
 * SHA-1, 6 digits, 30 s) and gives codes as Portcullis accepts them. Portcullis accepts each
 * time step once (a code of a step already used is a replay) and a code one step ahead, so
 * each new code is of the earliest step not used yet, from now on.
 */
export class Authenticator {
  private readonly totp: OTPAuth.TOTP;
  /** The last step a code was given for. */
  private used = -Infinity;

  /** `shown` as the page shows it: base32, in groups of four. */
  constructor(readonly shown: string) {
    this.totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(this.secret), algorithm: 'SHA1', digits: 6, period: 30 });
  }

  get secret(): string {
    return this.shown.replace(/\s/g, '');
  }

  /** The code of the next step not used yet: at most one step ahead of the clock, or Portcullis would refuse it. */
  code(): string {
    const now = Math.floor(Date.now() / PERIOD_MS);
    const step = Math.max(now, this.used + 1);
    if (step > now + 1) throw new Error('every code Portcullis would accept now was already used: wait for the next 30-second step');
    this.used = step;
    return this.totp.generate({ timestamp: step * PERIOD_MS });
  }

  /** A code of no step Portcullis accepts now (the current one, either side, or the one after). */
  wrongCode(): string {
    const now = Math.floor(Date.now() / PERIOD_MS);
    const valid = new Set([-1, 0, 1, 2].map((delta) => this.totp.generate({ timestamp: (now + delta) * PERIOD_MS })));
    for (let n = 0; ; n++) {
      const candidate = String((123_456 + n * 7919) % 1_000_000).padStart(6, '0');
      if (!valid.has(candidate)) return candidate;
    }
  }
}

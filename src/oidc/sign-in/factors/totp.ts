import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 as authenticator apps implement it: SHA-1, six digits, 30-second steps. */
const PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** A new secret: 160 bits (RFC 4226 §4's recommendation), base32 as apps take it. */
export const newTotpSecret = (): string => new OTPAuth.Secret({ size: 20 }).base32;

/**
 * The time step a code belongs to, or null when it matches none of the current step and the one
 * on either side (a clock a step off, RFC 6238 §5.2). The caller refuses a step already used.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = new OTPAuth.TOTP({ ...PARAMETERS, secret: OTPAuth.Secret.fromBase32(secret) });
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

/** The `otpauth://` URI an app scans, naming the tenant and the user, and it as an inline SVG QR code. */
export async function totpEnrollment(secret: string, issuerName: string, accountName: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = new OTPAuth.TOTP({ ...PARAMETERS, issuer: issuerName, label: accountName, secret: OTPAuth.Secret.fromBase32(secret) }).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, qrSvg };
}

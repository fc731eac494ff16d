/**
 * Finding codes of `POST /v1/providers/discover`. The first three are seed 002's; the others
 * name a cause precisely enough for a client to act on it. Codes are stable: add, never rename.
 */
export const FINDING_CODES = [
  // Seed 002.
  'DISCOVERY_FAILED',
  'JWKS_UNREACHABLE',
  'INVALID_METADATA',
  // Why a fetch did not give a usable answer.
  'ADDRESS_NOT_ALLOWED',
  'HTTPS_REQUIRED',
  'TOO_MANY_REDIRECTS',
  'TIMEOUT',
  'CONNECTION_FAILED',
  'HTTP_ERROR',
  'RESPONSE_TOO_LARGE',
  'UNEXPECTED_CONTENT_TYPE',
  'INVALID_JSON',
  // What the metadata says.
  'ISSUER_MISMATCH',
  'OPENID_CONFIGURATION_MISSING',
  'ENDPOINT_NOT_HTTPS',
  // What the JWKS holds.
  'JWKS_INVALID',
  'JWK_INVALID',
  'JWK_MISSING_KID',
  'JWK_PRIVATE_MEMBER',
  'JWK_WEAK_KEY',
  'JWKS_NO_SIGNING_KEYS',
  'ALG_WITHOUT_KEY',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = 'error' | 'warning';
export type CheckStatus = 'ok' | 'partial' | 'failed';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
}

/** A JSON object (not an array, not null): what a metadata document, a JWKS and a JWK must each be. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const error = (code: FindingCode, message: string): Finding => ({ code, severity: 'error', message });
export const warning = (code: FindingCode, message: string): Finding => ({ code, severity: 'warning', message });

/**
 * Seed 002's status, extended to the findings it does not name:
 * - `failed`: there is no metadata to use: discovery is null (DISCOVERY_FAILED), or the
 *   document names another issuer (ISSUER_MISMATCH; OIDC Discovery 1.0 §4.3 forbids using it).
 * - `partial`: the metadata is usable but an error was found (JWKS_UNREACHABLE, INVALID_METADATA,
 *   an endpoint or key problem).
 * - `ok`: no error; warnings alone do not lower the status.
 */
export function statusOf(hasDiscovery: boolean, findings: Finding[]): CheckStatus {
  if (!hasDiscovery || findings.some((f) => f.code === 'ISSUER_MISMATCH')) return 'failed';
  return findings.some((f) => f.severity === 'error') ? 'partial' : 'ok';
}

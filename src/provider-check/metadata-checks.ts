import { schemeProblem } from '../common/outbound/address-policy.js';
import type { ProviderDiscoveryDto } from './dto/discover-provider-response.dto.js';
import { error, isRecord, type Finding } from './findings.js';

/** A metadata document usable at all: a JSON object with a string `issuer`. */
export type MetadataDocument = Record<string, unknown> & { issuer: string };

/** OpenID Connect Discovery 1.0 §3: the members every OpenID Provider's document must have. */
const requiredUrls = ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const;
const requiredLists = ['response_types_supported', 'subject_types_supported', 'id_token_signing_alg_values_supported'] as const;

/** Endpoints a relying party calls, when present: each an absolute https URL (OIDC Discovery 1.0 §3, RFC 8414 §2). */
const optionalUrls = [
  'userinfo_endpoint',
  'registration_endpoint',
  'end_session_endpoint',
  'revocation_endpoint',
  'introspection_endpoint',
  'pushed_authorization_request_endpoint',
  'device_authorization_endpoint',
] as const;

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * A document usable at all: a JSON object whose `issuer` is a string. Anything less is a
 * failed discovery (seed 002: `discovery` null).
 */
export function usableDocument(json: unknown): json is MetadataDocument {
  return isRecord(json) && typeof json.issuer === 'string';
}

/** Seed 002's normalized view (`discovery`); a member of the wrong type is `null` (or `[]`), and a finding. */
export function normalizeMetadata(doc: MetadataDocument): ProviderDiscoveryDto {
  return {
    issuer: doc.issuer,
    jwks_uri: stringOrNull(doc.jwks_uri),
    authorization_endpoint: stringOrNull(doc.authorization_endpoint),
    token_endpoint: stringOrNull(doc.token_endpoint),
    supported_algs: isStringList(doc.id_token_signing_alg_values_supported) ? doc.id_token_signing_alg_values_supported : [],
  };
}

/**
 * Everything wrong with a usable document: an issuer other than the one asked for (OIDC
 * Discovery 1.0 §4.3: the document must then not be used), required members missing or
 * mistyped, and endpoints that are not absolute https URLs.
 */
export function checkMetadata(doc: MetadataDocument, requestedIssuer: string, allowPrivate: boolean): Finding[] {
  const findings: Finding[] = [];
  if (doc.issuer !== requestedIssuer) {
    findings.push(
      error(
        'ISSUER_MISMATCH',
        `The document's issuer is ${JSON.stringify(doc.issuer)}, not the requested ${JSON.stringify(requestedIssuer)}; it must not be used.`,
      ),
    );
  }
  for (const member of requiredUrls) {
    if (doc[member] === undefined) findings.push(error('INVALID_METADATA', `The required member ${member} is missing.`));
  }
  for (const member of requiredLists) {
    if (doc[member] === undefined) findings.push(error('INVALID_METADATA', `The required member ${member} is missing.`));
    else if (!isStringList(doc[member])) findings.push(error('INVALID_METADATA', `${member} must be an array of strings.`));
  }
  for (const member of [...requiredUrls, ...optionalUrls]) {
    const value = doc[member];
    if (value === undefined) continue;
    const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : null;
    if (!url) {
      findings.push(error('INVALID_METADATA', `${member} must be an absolute URL.`));
      continue;
    }
    const problem = schemeProblem(url, allowPrivate);
    if (problem) findings.push(error('ENDPOINT_NOT_HTTPS', `${member} ${typeof value === 'string' ? value : JSON.stringify(value)} ${problem}.`));
  }
  return findings;
}

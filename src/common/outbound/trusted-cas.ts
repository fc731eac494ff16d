import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

/**
 * Node's CAs plus those of `caFile` (PEM), or undefined for Node's alone: what outbound TLS trusts
 * when an operator adds a private CA. Read at once, so a missing file stops the start.
 */
export const trustedCas = (caFile: string | undefined): string[] | undefined => (caFile ? [...rootCertificates, readFileSync(caFile, 'utf8')] : undefined);

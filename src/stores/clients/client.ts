/** RFC 7591 client metadata as registered, snake_case, without the secret. */
export type ClientMetadata = Record<string, unknown>;

/** A relying party of one issuer: a row of `clients`. The secret is sealed (see common/crypto/secret-box.ts). */
export interface Client {
  tenantId: string;
  clientId: string;
  /** Copied out of the metadata so admins can filter on it. */
  clientName: string | null;
  metadata: ClientMetadata;
  createdAt: Date;
  updatedAt: Date;
}

/** A client with its secret in the clear (null for clients that have none): for the provider's lookups only. */
export interface ClientWithSecret extends Client {
  clientSecret: string | null;
}

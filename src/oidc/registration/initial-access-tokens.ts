import { Injectable } from '@nestjs/common';
import { hashToken } from '../../common/crypto/token-hash.js';
import { OidcPayloadsStore, type Payload, type StoredPayload } from '../../stores/oidc-payloads/oidc-payloads.store.js';
import { ProviderRegistry } from '../provider-registry.js';
import { SINGLE_USE } from './registration-options.js';

const KIND = 'InitialAccessToken';

/** An initial access token as the admin API shows it: never its value, which is stored only as its SHA-256. */
export interface InitialAccessTokenInfo {
  /** The token's SHA-256 (hex): the key it is stored under, and its name in the admin API. */
  id: string;
  singleUse: boolean;
  createdAt: Date;
  /** Null: until revoked (or used, when single use). */
  expiresAt: Date | null;
}

/** From the payload oidc-provider stored: `iat` and `exp` in seconds since the epoch, as it reads them. */
const infoOf = (idHash: string, payload: Payload): InitialAccessTokenInfo => ({
  id: idHash,
  singleUse: Array.isArray(payload.policies) && payload.policies.includes(SINGLE_USE),
  createdAt: new Date(Number(payload.iat) * 1000),
  expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null,
});

const fromStored = ({ idHash, payload }: StoredPayload) => infoOf(idHash, payload);

/**
 * Initial access tokens (RFC 7591 §3): oidc-provider's own `InitialAccessToken` model, made by
 * the issuer's provider and stored through its adapter in `oidc_payloads`, where the store
 * keeps only the token's SHA-256. The registration endpoint finds them the same way, scoped to
 * its tenant, so another issuer's token is unknown there.
 */
@Injectable()
export class InitialAccessTokens {
  constructor(
    private readonly registry: ProviderRegistry,
    private readonly payloads: OidcPayloadsStore,
  ) {}

  /**
   * A new token for the issuer, valid `expiresIn` seconds (or until revoked), usable once when
   * `singleUse`; its value is returned here only. Null when there is no such tenant. Joins the
   * caller's transaction.
   */
  async issue(
    issuerId: string,
    { expiresIn, singleUse }: { expiresIn?: number; singleUse: boolean },
  ): Promise<(InitialAccessTokenInfo & { value: string }) | null> {
    const provider = await this.registry.forInitialAccessTokens(issuerId);
    if (!provider) return null;
    const token = new provider.InitialAccessToken({ expiresIn, ...(singleUse ? { policies: [SINGLE_USE] } : {}) });
    const value = await token.save();
    // Read back as stored, so this answer and the list show the same instants.
    const stored = await this.payloads.find(issuerId, KIND, value);
    if (!stored) throw new Error('the initial access token just saved was not found');
    return { ...infoOf(hashToken(value), stored), value };
  }

  /** Live tokens of the issuer in id order, after `afterId`. */
  async list(issuerId: string, { afterId, limit }: { afterId?: string; limit: number }): Promise<InitialAccessTokenInfo[]> {
    return (await this.payloads.listByKind(issuerId, KIND, { afterIdHash: afterId, limit })).map(fromStored);
  }

  /** Deletes a live token: it stops working at once, on every replica. What it was, or undefined when there was none. */
  async revoke(issuerId: string, id: string): Promise<InitialAccessTokenInfo | undefined> {
    const stored = await this.payloads.destroyByIdHash(issuerId, KIND, id);
    return stored && fromStored(stored);
  }
}

import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Metrics } from '../../common/metrics/metrics.js';

/**
 * Counts the tokens an issuer hands out, by grant type: each successful token endpoint
 * response (`grant.success`, emitted once the grant's handler has answered, so its type is one
 * the issuer supports), and each authorization response that carries tokens itself (implicit
 * and hybrid flows) as `implicit`. A plain code response issues no token: its code is counted
 * when redeemed.
 * @see https://github.com/panva/node-oidc-provider/blob/main/docs/events.md
 */
export function countIssuedTokens(provider: Provider, metrics: Metrics): void {
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => metrics.tokenIssued(String(ctx.oidc.params?.grant_type)));
  provider.on('authorization.success', (_ctx: KoaContextWithOIDC, out?: { access_token?: unknown; id_token?: unknown }) => {
    if (out?.access_token !== undefined || out?.id_token !== undefined) metrics.tokenIssued('implicit');
  });
}

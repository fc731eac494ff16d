import type { Logger } from '@nestjs/common';
import type Provider from 'oidc-provider';
import { refusedLogoutStatus } from '../oidc-provider-internals.js';

/**
 * Why a logout token was not delivered, in words safe for the log: the status the client
 * answered (not oidc-provider's message, which quotes the whole URL), a refused address, a
 * network error or the timeout. Never the token, nor anything the client sent back.
 */
export function deliveryFailure(error: unknown): string {
  const status = refusedLogoutStatus(error);
  if (status !== undefined) return `the client answered ${status}`;
  if (!(error instanceof Error)) return 'unknown failure';
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return 'no answer within 2.5 s';
  return error.message;
}

/** Logs a logout token that did not reach its client; the sign-out it belongs to goes on regardless. */
export function logUndelivered(logger: Logger, issuerId: string, clientId: string, error: unknown): void {
  logger.warn({ issuer_id: issuerId, client_id: clientId, reason: deliveryFailure(error) }, 'back-channel logout not delivered');
}

/**
 * Logs the failed deliveries of end_session (RP-initiated logout): oidc-provider sends every
 * logout token, waits for all, then emits `backchannel.error` for each that failed and signs
 * the user out anyway.
 */
export function logBackchannelFailures(provider: Provider, issuerId: string, logger: Logger): void {
  provider.on('backchannel.error', (_ctx, error, client) => logUndelivered(logger, issuerId, client.clientId, error));
}

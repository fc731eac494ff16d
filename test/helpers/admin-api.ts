import { expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { TEST_ADMIN_KEY } from './app.js';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A random, valid issuer_id, so specs never collide on the shared database. */
export const randomIssuerId = (prefix = 't') => `${prefix}-${randomBytes(5).toString('hex')}`;

/** Calls the admin API with the test admin key (or `key`), JSON in and out. */
export function adminApi(baseUrl: string, key: string | null = TEST_ADMIN_KEY) {
  async function call<T = any>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (key !== null) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }
  return {
    call,
    get: <T = any>(path: string) => call<T>('GET', path),
    post: <T = any>(path: string, body?: unknown) => call<T>('POST', path, body),
    patch: <T = any>(path: string, body?: unknown) => call<T>('PATCH', path, body),
    delete: <T = any>(path: string) => call<T>('DELETE', path),
  };
}

/** The admin API's error body, for whole-body assertions. */
export const adminError = (error: string, message: unknown = expect.any(String), details?: unknown) => ({
  error,
  message,
  ...(details === undefined ? {} : { details }),
});

/** The OAuthError body of public and routing errors. */
export const oauthError = (error: string) => ({ error, error_description: expect.any(String) });

import type { Type } from '@nestjs/common';
import { getSchemaPath, type HeaderObject, type ParameterObject, type ResponseObject, type SecurityRequirementObject } from '@nestjs/swagger';
import { OAuthErrorDto } from '../common/errors/admin-error.dto.js';

/** The tag of every public protocol operation: Swagger UI shows them apart from the admin API. */
export const OIDC_TAG = 'oidc';

/** How oidc-provider takes every POST body. */
export const FORM = 'application/x-www-form-urlencoded';

/** Security scheme names, declared once in src/openapi.ts. */
export const CLIENT_SECRET_BASIC = 'client_secret_basic';
export const BEARER_AUTH = 'bearerAuth';
export const REGISTRATION_TOKEN = 'registrationToken';

/**
 * A client authenticates with HTTP Basic (client_secret_basic) or in the body (client_secret_post,
 * client_secret_jwt, private_key_jwt, or a public client's client_id alone): hence the empty
 * alternative, which means "or no HTTP scheme".
 */
export const CLIENT_AUTHENTICATION: SecurityRequirementObject[] = [{ [CLIENT_SECRET_BASIC]: [] }, {}];

export const ISSUER_ID: ParameterObject = {
  name: 'issuer_id',
  in: 'path',
  required: true,
  description: 'The issuer (tenant): PUBLIC_URL/{issuer_id} is its issuer identifier.',
  schema: { type: 'string', example: 'acme' },
};

/** A class whose @ApiProperty members make a schema of the document. */
export type Model = Type<unknown>;

export const jsonBody = (model: Model) => ({ schema: { $ref: getSchemaPath(model) } });

export const json = (model: Model, description: string, headers?: Record<string, HeaderObject>): ResponseObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': jsonBody(model) },
});

const PAGE = { 'text/html': { schema: { type: 'string' } } };

/** A page for a person's browser. */
export const html = (description: string): ResponseObject => ({ description, content: PAGE });

/**
 * An error of the authorization or end-session endpoint that cannot go back to the client: a
 * page in the tenant's look for a browser (it asks for HTML before JSON), OAuthError JSON for
 * anyone else (oidc/hooks/render-error.ts).
 */
export const pageOrJson = ({ description, headers, content }: ResponseObject): ResponseObject => ({
  description: `${description} A browser that asks for HTML gets a page naming the error instead.`,
  ...(headers ? { headers } : {}),
  content: { ...content, ...PAGE },
});

/** A redirect: the body is only a note for people (Koa's "Redirecting to …"); Location is what counts. */
export const redirect = (description: string): ResponseObject => ({
  description,
  headers: { Location: { required: true, description: 'Where the browser goes next.', schema: { type: 'string', format: 'uri-reference' } } },
});

export const formBody = (model: Model) => ({ required: true, content: { [FORM]: jsonBody(model) } });

const RETRY_AFTER: Record<string, HeaderObject> = {
  'Retry-After': { required: true, description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
};

/**
 * What every route below an issuer may answer besides its own answers: the issuer gateway's
 * (unknown issuer, wrong method, rate limit, an issuer that cannot be loaded) and oidc-provider's
 * hooks' (oidc/hooks/public-errors.ts), all OAuthError JSON.
 */
export const PUBLIC_ERRORS: Record<number, ResponseObject> = {
  404: json(OAuthErrorDto, 'Unknown or disabled issuer (not_found).'),
  405: json(OAuthErrorDto, 'A method this path does not take (method_not_allowed).', {
    Allow: { required: true, description: 'The methods the path takes.', schema: { type: 'string', example: 'POST' } },
  }),
  429: json(OAuthErrorDto, "Too many requests from this client address to this issuer's endpoints (too_many_requests).", RETRY_AFTER),
  500: json(OAuthErrorDto, 'Unexpected failure (server_error): no detail but a request_id, which finds the log line.'),
  503: json(OAuthErrorDto, 'The database is out of reach, or a concurrent change got in the way (temporarily_unavailable): retry later.', RETRY_AFTER),
};

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { BEARER_AUTH, CLIENT_SECRET_BASIC, OIDC_TAG, REGISTRATION_TOKEN } from './oidc-docs/operation-parts.js';
import { PROTOCOL_MODELS, PROTOCOL_OPERATIONS } from './oidc-docs/protocol-operations.js';
import { protocolPaths } from './oidc-docs/protocol-paths.js';

/** Keys in a fixed order, so the committed document diffs cleanly and compares byte for byte. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The OpenAPI document of the application, as committed in `openapi/openapi.json`: the admin API
 * and the discovery documents from their controllers, and the protocol endpoints oidc-provider
 * serves (tag `oidc`), which no controller declares, from their descriptions in oidc-docs/.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Portcullis')
    .setDescription(
      'Multi-tenant OpenID Connect Provider. The admin API (`/v1`) takes `Authorization: Bearer <admin key>`; ' +
        'errors are `{"error", "message", "details"}`, with every invalid field listed in a 422. ' +
        'The OpenID Connect and OAuth 2.0 endpoints of each issuer are under `/{issuer_id}` (tag `oidc`); their errors are `OAuthError`.',
    )
    .setVersion('1')
    .setOpenAPIVersion('3.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The admin API key.' }, 'admin-key')
    .addSecurity(CLIENT_SECRET_BASIC, {
      type: 'http',
      scheme: 'basic',
      description: 'client_secret_basic: the client id and secret, each form-urlencoded, as HTTP Basic credentials (RFC 6749 §2.3.1).',
    })
    .addSecurity(BEARER_AUTH, { type: 'http', scheme: 'bearer', description: 'An access token issued by the issuer (RFC 6750).' })
    .addSecurity(REGISTRATION_TOKEN, {
      type: 'http',
      scheme: 'bearer',
      description: 'An initial access token (admin API, RFC 7591 §3) at the registration endpoint; a registration access token (RFC 7592) at a client URL.',
    })
    .addTag(OIDC_TAG, 'The OpenID Connect and OAuth 2.0 endpoints of each issuer, `PUBLIC_URL/{issuer_id}`, served by oidc-provider.')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Routes name theirs (`@ApiOperation({ operationId })`); this fallback only keeps a forgotten one unique.
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey}_${methodKey}`,
    extraModels: PROTOCOL_MODELS,
  });
  Object.assign(document.paths, protocolPaths(document, PROTOCOL_OPERATIONS));
  return sortKeys(document) as OpenAPIObject;
}

/** Swagger UI at `/docs`, the document at `/docs/openapi.json`. */
export function serveOpenApiDocument(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
    customSiteTitle: 'Portcullis API',
    swaggerOptions: { persistAuthorization: true },
  });
}

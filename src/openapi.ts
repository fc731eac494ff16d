import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

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

/** The OpenAPI document of the application, as committed in `openapi/openapi.json`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Portcullis')
    .setDescription(
      'Multi-tenant OpenID Connect Provider. The admin API (`/v1`) takes `Authorization: Bearer <admin key>`; ' +
        'errors are `{"error", "message", "details"}`, with every invalid field listed in a 422.',
    )
    .setVersion('1')
    .setOpenAPIVersion('3.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The admin API key.' }, 'admin-key')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Routes name theirs (`@ApiOperation({ operationId })`); this fallback only keeps a forgotten one unique.
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey}_${methodKey}`,
  });
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

import { getSchemaPath, type OpenAPIObject, type OperationObject, type ParameterObject, type PathsObject, type SchemaObject } from '@nestjs/swagger';
import { FORM, ISSUER_ID, OIDC_TAG, PUBLIC_ERRORS, jsonBody, type Model } from './operation-parts.js';
import type { ProtocolOperation } from './protocol-operation.js';

/** The component schema a model became (SwaggerModule.createDocument with the model in extraModels). */
function schemaOf(document: OpenAPIObject, model: Model): SchemaObject {
  const name = getSchemaPath(model).replace('#/components/schemas/', '');
  const schema = document.components?.schemas?.[name];
  if (!schema || '$ref' in schema) throw new Error(`the OpenAPI document has no schema ${name}: list its model in PROTOCOL_MODELS`);
  return schema;
}

/** A model's members as query parameters, each with its description and whether it is required. */
function queryParameters(document: OpenAPIObject, model: Model): ParameterObject[] {
  const schema = schemaOf(document, model);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as SchemaObject;
    return { name, in: 'query', required: schema.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

function operationObject(document: OpenAPIObject, op: ProtocolOperation): OperationObject {
  if (op.body) schemaOf(document, op.body);
  if (op.json) schemaOf(document, op.json);
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [OIDC_TAG],
    parameters: [ISSUER_ID, ...(op.parameters ?? []), ...(op.query ? queryParameters(document, op.query) : [])],
    ...(op.body ? { requestBody: { required: op.bodyRequired ?? false, content: { [FORM]: jsonBody(op.body) } } } : {}),
    ...(op.json ? { requestBody: { required: true, content: { 'application/json': jsonBody(op.json) } } } : {}),
    ...(op.security ? { security: op.security } : {}),
    responses: { ...PUBLIC_ERRORS, ...op.responses },
    ...(op.authorizationResponse ? { 'x-authorization-response': op.authorizationResponse } : {}),
  };
}

/** Every schema reference in `value` names a schema of the document, or this throws. */
function assertReferencesResolve(document: OpenAPIObject, value: unknown): void {
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') {
      const name = child.replace('#/components/schemas/', '');
      if (!document.components?.schemas?.[name]) throw new Error(`the OpenAPI document has no schema ${name}: list its model in PROTOCOL_MODELS`);
    } else {
      assertReferencesResolve(document, child);
    }
  }
}

/** The paths of `operations` below `/{issuer_id}`, for `document`, whose components hold their models. */
export function protocolPaths(document: OpenAPIObject, operations: ProtocolOperation[]): PathsObject {
  const paths: PathsObject = {};
  for (const op of operations) {
    const path = `/{issuer_id}${op.path}`;
    if (paths[path]?.[op.method] || document.paths[path]?.[op.method]) throw new Error(`${op.method.toUpperCase()} ${path} is documented twice`);
    paths[path] = { ...paths[path], [op.method]: operationObject(document, op) };
  }
  assertReferencesResolve(document, paths);
  return paths;
}

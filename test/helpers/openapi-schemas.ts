import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const DOCUMENT_ID = 'https://portcullis.test/openapi.json';

/**
 * Component schemas closed with `additionalProperties: false` where they leave it open, so a
 * member the document does not describe fails validation as surely as a missing one.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  if ('properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy;
}

/** The media type of a Content-Type header, without its parameters. */
export const mediaTypeOf = (contentType: string | null) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/**
 * Validators of an OpenAPI 3.1 document (its schemas are JSON Schema 2020-12, hence Ajv2020):
 * `schema` checks a value against a schema of the document (its `$ref`s resolved), `response`
 * a body against what the document gives for an operation, status and media type. Each returns
 * the problems, or [].
 */
export function openApiValidator(document: any) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: closed(document.components.schemas) } });
  const toDocument = (schema: object) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`));

  const schema = (label: string, schemaObject: object, value: unknown): string[] => {
    const validate = ajv.compile(closed(toDocument(schemaObject)) as object);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${label}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  };

  const operation = (operationId: string) =>
    Object.values(document.paths as Record<string, Record<string, any>>)
      .flatMap((item) => Object.values(item))
      .find((op) => op.operationId === operationId);

  /**
   * A response without documented content has no body; a redirect's body is not judged (it is
   * a note for people, such as "Redirecting to …"). Otherwise the media type must be one the
   * document names for the status, and the body must match its schema.
   */
  const response = (operationId: string, status: number, body: unknown, contentType = 'application/json'): string[] => {
    const op = operation(operationId);
    if (!op) return [`no operation ${operationId} in the document`];
    const documented = op.responses[String(status)];
    if (!documented) return [`${operationId} does not document status ${status}`];
    const content: Record<string, { schema?: object }> | undefined = documented.content;
    if (!content) {
      const empty = body === undefined || body === '' || (status >= 300 && status < 400);
      return empty ? [] : [`${operationId} ${status} documents no body, got ${JSON.stringify(body)}`];
    }
    const mediaType = mediaTypeOf(contentType);
    if (!content[mediaType]) return [`${operationId} ${status} documents ${Object.keys(content).join(', ')}, got ${mediaType || 'no Content-Type'}`];
    const bodySchema = content[mediaType].schema;
    return bodySchema ? schema(`${operationId} ${status}`, bodySchema, body) : [];
  };

  return { schema, response, operation };
}

/** Validates bodies against the responses an OpenAPI 3.1 document gives for an operation and status. */
export function responseValidator(document: any) {
  return openApiValidator(document).response;
}

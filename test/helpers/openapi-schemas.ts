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

/**
 * Validates bodies against the responses an OpenAPI 3.1 document gives for an operation and
 * status (3.1 schemas are JSON Schema 2020-12, hence Ajv2020). Returns the problems, or [].
 */
export function responseValidator(document: any) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: closed(document.components.schemas) } });
  const toDocument = (schema: object) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`));

  return (operationId: string, status: number, body: unknown): string[] => {
    const operation = Object.values(document.paths as Record<string, Record<string, any>>)
      .flatMap((item) => Object.values(item))
      .find((op) => op.operationId === operationId);
    if (!operation) return [`no operation ${operationId} in the document`];
    const response = operation.responses[String(status)];
    if (!response) return [`${operationId} does not document status ${status}`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return body === undefined ? [] : [`${operationId} ${status} documents no body, got ${JSON.stringify(body)}`];
    const validate = ajv.compile(closed(toDocument(schema)) as object);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${operationId} ${status}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  };
}

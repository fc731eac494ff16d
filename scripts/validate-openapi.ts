import { Validator } from '@seriousme/openapi-schema-validator';

/** Paths (JSON pointers) of `nullable` keywords: OpenAPI 3.0 only; 3.1 writes `type: [T, 'null']`. */
function nullableKeywords(value: unknown, pointer = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(key === 'nullable' ? [`${pointer}/${key}`] : []),
    ...nullableKeywords(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  ]);
}

/**
 * Problems that make `document` an invalid OpenAPI 3.1 document, or an empty list. The
 * validator checks it against the official 3.1 JSON Schema; the schema tolerates unknown
 * keywords, so a 3.0 `nullable` (which 3.1 clients ignore) is looked for separately.
 */
export async function validateOpenApi(document: object): Promise<string[]> {
  const validator = new Validator();
  // The validator annotates the object it is given: hand it a copy.
  const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
  const errors = result.valid ? [] : (result.errors ?? 'invalid');
  const problems = typeof errors === 'string' ? [errors] : errors.map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
  if (validator.version !== '3.1') problems.push(`expected an OpenAPI 3.1 document, found ${validator.version}`);
  return [...problems, ...nullableKeywords(document).map((pointer) => `${pointer}: nullable is not OpenAPI 3.1; use type: [T, 'null']`)];
}

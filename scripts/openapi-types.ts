import openapiTS, { astToString } from 'openapi-typescript';

/**
 * TypeScript types of the document (`paths`, `components`, `operations`), as committed in
 * `openapi/openapi.d.ts`; openapi-fetch builds the typed admin client of the tests from them.
 */
export async function generateOpenApiTypes(document: object): Promise<string> {
  // openapi-typescript resolves $refs in the object it is given: hand it a copy. A member with
  // a default stays optional (its default makes it required by default): requests may omit it.
  return astToString(await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], { defaultNonNullable: false }));
}

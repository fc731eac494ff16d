import type { ParameterObject, ResponseObject, SchemaObject, SecurityRequirementObject } from '@nestjs/swagger';
import type { Model } from './operation-parts.js';

/**
 * One public protocol operation below an issuer, as the OpenAPI document shows it. These
 * routes are served by oidc-provider behind the issuer gateway, not by Nest controllers, so
 * they are described here and added to the generated document by src/openapi.ts.
 */
export interface ProtocolOperation {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Below `/{issuer_id}`, as oidc-provider's routes name it (oidc/provider-options.ts ROUTES). */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** Path parameters below the issuer's (`{client_id}`). */
  parameters?: ParameterObject[];
  /** A model whose members are the query parameters. */
  query?: Model;
  /** A model of the form body (application/x-www-form-urlencoded). */
  body?: Model;
  /** A model of a JSON body (client registration), which is then required. */
  json?: Model;
  /** Omitted: the empty body is allowed too. */
  bodyRequired?: boolean;
  security?: SecurityRequirementObject[];
  /** Its own answers; those every issuer route may give (PUBLIC_ERRORS) are added where it names no other. */
  responses: Record<number, ResponseObject>;
  /** What reaches the client's redirect_uri (the authorization endpoint): `x-authorization-response`. */
  authorizationResponse?: SchemaObject;
}

/** One bad field of a request, as the admin API reports it in a 422. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error the caller can act on. `status` and `error` (a stable snake_case code) go on the
 * wire; `message` too when `expose` is true, which it is for every 4xx.
 */
export class AppError extends Error {
  readonly expose: boolean;

  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly details?: FieldProblem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.expose = status < 500;
  }
}

export class ResourceNotFound extends AppError {
  constructor(resource: string, id: string) {
    super(404, 'not_found', `${resource} '${id}' does not exist`);
  }
}

export class ResourceConflict extends AppError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

export class ValidationFailed extends AppError {
  constructor(details: FieldProblem[]) {
    super(422, 'validation_failed', 'The request has invalid fields; see details.', details);
  }
}

export class Unauthenticated extends AppError {
  constructor() {
    super(401, 'unauthorized', 'A valid admin API key is required: Authorization: Bearer <key>.', undefined, {
      'WWW-Authenticate': 'Bearer realm="portcullis-admin"',
    });
  }
}

/** Body errors, raised before validation: not JSON (415), unreadable JSON (400), too large (413). */
export class UnsupportedMediaType extends AppError {
  constructor() {
    super(415, 'unsupported_media_type', 'The request body must be JSON (Content-Type: application/json).');
  }
}

export class InvalidJson extends AppError {
  constructor() {
    super(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

/**
 * Valid JSON nested deeper than the admin API reads (RFC 8259 §9 lets a parser limit nesting):
 * refused before validation, whose object transformation recurses once per level.
 */
export class JsonTooDeep extends AppError {
  constructor(maxDepth: number) {
    super(400, 'invalid_json', `The request body nests objects and arrays more than ${maxDepth} levels deep.`);
  }
}

export class PayloadTooLarge extends AppError {
  constructor(limitBytes?: number) {
    super(413, 'payload_too_large', `The request body is larger than ${limitBytes ?? 'the limit of'} bytes.`);
  }
}

export class Forbidden extends AppError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

/** A key limited to one tenant, on a route above tenants (no `{issuer_id}`). */
export class KeyLimitedToTenant extends Forbidden {
  constructor(issuerId: string) {
    super(`This key manages tenant '${issuerId}' only; this route is for keys of all tenants.`);
  }
}

/** Throws `ResourceNotFound` unless `value` is present; returns it narrowed. */
export function assertFound<T>(value: T | null | undefined, resource: string, id: string): T {
  if (value === null || value === undefined) throw new ResourceNotFound(resource, id);
  return value;
}

export class TooManyRequests extends AppError {
  constructor(retryAfterSeconds: number) {
    super(429, 'too_many_requests', `Too many requests; retry after ${retryAfterSeconds} s.`, undefined, { 'Retry-After': String(retryAfterSeconds) });
  }
}

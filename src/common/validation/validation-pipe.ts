import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { ValidationFailed, type FieldProblem } from '../errors/app-error.js';

/** `a.b[0].c` from the path of nested validation errors. */
function joinPath(parent: string, property: string): string {
  if (!parent) return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

/** Every failing field of the tree, one entry per field, first message only. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = joinPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? 'is not a known field' : message.replace(/^\S+ /, ''),
    }));
    return [...own.slice(0, 1), ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The admin API's validation: unknown fields are refused, values converted to their
 * declared types, and every failing field listed in one 422.
 */
export const adminValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
});

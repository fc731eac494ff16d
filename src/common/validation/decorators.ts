import { ValidateIf } from 'class-validator';

/**
 * May be absent, but not `null`: for members that cannot be removed. (`@IsOptional()` lets
 * `null` through, which would reach a NOT NULL column.)
 */
export const OptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

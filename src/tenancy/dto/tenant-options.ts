import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/decorators.js';
import { SIGNING_ALGS } from '../tenant.entity.js';

/** `signing_alg`: algorithm of the tenant's signing keys, fixed at creation. */
export const SigningAlgField = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: SIGNING_ALGS, default: 'RS256', description: 'Algorithm of the signing keys (ID tokens, JWT access tokens).' }),
    OptionalNotNull(),
    IsIn(SIGNING_ALGS, { message: `$property must be one of ${SIGNING_ALGS.join(', ')}` }),
  );

/** `key_rotation_days`: age of the active key after which it is rotated automatically; 0 = only on request. */
export const KeyRotationDaysField = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 0, maximum: 3650, default: 90, description: 'Days after which the active signing key is rotated automatically; 0 = manual only.' }),
    OptionalNotNull(),
    IsInt({ message: '$property must be an integer between 0 and 3650' }),
    Min(0, { message: '$property must be an integer between 0 and 3650' }),
    Max(3650, { message: '$property must be an integer between 0 and 3650' }),
  );

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/decorators.js';
import {
  SECOND_FACTOR_RULES,
  SIGN_IN_FACTORS,
  SIGN_IN_POLICY_DEFAULTS,
  type SecondFactorRule,
  type SignInFactor,
} from '../../stores/tenants/sign-in-policy.js';

const FACTORS =
  'Factors people may sign in with. `password`; `passkey` (a discoverable WebAuthn credential that verifies its user: signs in alone, ' +
  'or follows a password); `totp` (an authenticator app); `security_key` (a WebAuthn credential after the password); `recovery_code` ' +
  '(single-use codes, made when a first second factor is enrolled). A factor left out is neither offered nor accepted, even if enrolled. ' +
  'Must hold `password` or `passkey`.';
const SECOND_FACTOR =
  'When a sign-in needs a second factor besides what the relying party asks (`acr_values`, an essential `acr` claim) and the ' +
  "client's `minimum_acr`: `when_enrolled` (of every user who holds one), `always` (of everyone; users without one enroll first) " +
  'or `when_asked` (only when the relying party or the client asks).';
const ENROLLMENT = 'Users without a second factor must enroll one at their next sign-in (after the grace period, if any).';
const LINK_VERIFIED_EMAIL =
  "A first sign-in through a connection joins the tenant's user with the same email address when the connection asserts it verified " +
  '(`email_verified: true`). Off, it never joins an existing user by email: only trust connections whose verified emails you would trust as your own.';
const GRACE = 'Days, from when enrollment (or `second_factor: always`) became required, during which users may choose "Not now".';

/** A tenant's sign-in policy, as a create or update names it: members left out keep their value (or the default). */
export class SignInPolicyDto {
  @ApiPropertyOptional({ description: FACTORS, enum: SIGN_IN_FACTORS, isArray: true, example: ['password', 'passkey', 'totp'], default: SIGN_IN_FACTORS })
  @OptionalNotNull()
  @IsArray({ message: '$property must be an array' })
  @ArrayNotEmpty({ message: '$property must not be empty' })
  @ArrayUnique({ message: '$property must not repeat a factor' })
  @IsIn(SIGN_IN_FACTORS, { each: true, message: `$property may hold only ${SIGN_IN_FACTORS.join(', ')}` })
  factors?: SignInFactor[];

  @ApiPropertyOptional({ description: SECOND_FACTOR, enum: SECOND_FACTOR_RULES, default: SIGN_IN_POLICY_DEFAULTS.secondFactor, example: 'always' })
  @OptionalNotNull()
  @IsIn(SECOND_FACTOR_RULES, { message: `$property must be one of ${SECOND_FACTOR_RULES.join(', ')}` })
  second_factor?: SecondFactorRule;

  @ApiPropertyOptional({ description: ENROLLMENT, default: false, example: true })
  @OptionalNotNull()
  @IsBoolean({ message: '$property must be a boolean' })
  enrollment_required?: boolean;

  @ApiPropertyOptional({ description: GRACE, minimum: 0, maximum: 365, default: 0, example: 14 })
  @OptionalNotNull()
  @IsInt({ message: '$property must be an integer between 0 and 365' })
  @Min(0, { message: '$property must be an integer between 0 and 365' })
  @Max(365, { message: '$property must be an integer between 0 and 365' })
  enrollment_grace_days?: number;

  @ApiPropertyOptional({ description: LINK_VERIFIED_EMAIL, default: false, example: false })
  @OptionalNotNull()
  @IsBoolean({ message: '$property must be a boolean' })
  link_verified_email?: boolean;
}

/** The policy in force. */
export class SignInPolicyViewDto {
  @ApiProperty({ description: FACTORS, enum: SIGN_IN_FACTORS, isArray: true, example: ['password', 'passkey', 'totp', 'security_key', 'recovery_code'] })
  factors: SignInFactor[];

  @ApiProperty({ description: SECOND_FACTOR, enum: SECOND_FACTOR_RULES, example: 'when_enrolled' })
  second_factor: SecondFactorRule;

  @ApiProperty({ description: ENROLLMENT, example: false })
  enrollment_required: boolean;

  @ApiProperty({ description: GRACE, example: 0 })
  enrollment_grace_days: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When enrollment (or `second_factor: always`) became required: the start of the grace period. Null when neither is.',
  })
  enrollment_required_since: string | null;

  @ApiProperty({ description: LINK_VERIFIED_EMAIL, example: false })
  link_verified_email: boolean;
}

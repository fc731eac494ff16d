import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { OptionalNotNull } from '../../common/validation/decorators.js';
import { IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsAcceptablePassword, PASSWORD_LENGTH } from '../password-policy.js';
import { USERNAME } from '../../stores/users/username.js';

const PASSWORD_RULES = 'Not only whitespace, and not one of the most commonly used passwords (whatever the case).';

const text = (max = 200) => [
  IsOptional(),
  IsString({ message: '$property must be a string' }),
  MaxLength(max, { message: `$property must be at most ${max} characters long` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((decorator) => decorator(target, key));

/** OpenID Connect Core §5.1.1. */
export class AddressDto {
  @ApiPropertyOptional({ example: '1 Main St\nSpringfield' }) @apply(text(500)) formatted?: string;
  @ApiPropertyOptional({ example: '1 Main St' }) @apply(text()) street_address?: string;
  @ApiPropertyOptional({ example: 'Springfield' }) @apply(text()) locality?: string;
  @ApiPropertyOptional({ example: 'IL' }) @apply(text()) region?: string;
  @ApiPropertyOptional({ example: '62701' }) @apply(text(20)) postal_code?: string;
  @ApiPropertyOptional({ example: 'US' }) @apply(text(100)) country?: string;
}

/** Standard claims an admin may set on a user (OpenID Connect Core §5.1). */
export class UserClaimsDto {
  @ApiPropertyOptional({ example: 'jane@example.com' })
  @IsOptional()
  @IsEmail({}, { message: '$property must be an email address' })
  email?: string;

  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean({ message: '$property must be a boolean' }) email_verified?: boolean;
  @ApiPropertyOptional({ example: 'Jane Doe' }) @apply(text()) name?: string;
  @ApiPropertyOptional({ example: 'Jane' }) @apply(text()) given_name?: string;
  @ApiPropertyOptional({ example: 'Doe' }) @apply(text()) family_name?: string;
  @ApiPropertyOptional({ example: 'Marie' }) @apply(text()) middle_name?: string;
  @ApiPropertyOptional({ example: 'JD' }) @apply(text()) nickname?: string;
  @ApiPropertyOptional({ example: 'https://example.com/jane.png' }) @apply(text(2000)) picture?: string;
  @ApiPropertyOptional({ example: 'https://jane.example.com' }) @apply(text(2000)) website?: string;
  @ApiPropertyOptional({ example: 'https://example.com/jane' }) @apply(text(2000)) profile?: string;
  @ApiPropertyOptional({ example: 'female' }) @apply(text(50)) gender?: string;

  @ApiPropertyOptional({ example: '1990-01-31' })
  @IsOptional()
  @Matches(/^\d{4}(-\d\d-\d\d)?$/, { message: '$property must be YYYY-MM-DD or YYYY' })
  birthdate?: string;

  @ApiPropertyOptional({ example: 'Europe/Paris' }) @apply(text(100)) zoneinfo?: string;
  @ApiPropertyOptional({ example: 'fr-FR' }) @apply(text(35)) locale?: string;

  @ApiPropertyOptional({ example: '+33 1 23 45 67 89' })
  @IsOptional()
  @Matches(/^\+?[0-9 ().-]{3,32}$/, { message: '$property must be a phone number' })
  phone_number?: string;

  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean({ message: '$property must be a boolean' }) phone_number_verified?: boolean;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

export class CreateUserDto extends UserClaimsDto {
  @ApiProperty({ example: 'jane', description: '1–128 of A-Z a-z 0-9 . _ @ + -; unique per tenant, whatever the case.' })
  @IsString({ message: '$property must be a string' })
  @Matches(USERNAME, { message: '$property must be 1-128 characters of A-Z a-z 0-9 . _ @ + -' })
  username: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: PASSWORD_LENGTH.min,
    maxLength: PASSWORD_LENGTH.max,
    writeOnly: true,
    description: PASSWORD_RULES,
  })
  @IsAcceptablePassword()
  password: string;
}

/** Partial update; `password` sets a new one. `null` removes a claim. */
export class UpdateUserDto extends UserClaimsDto {
  @ApiPropertyOptional({ example: 'jane.doe' })
  @OptionalNotNull()
  @IsString({ message: '$property must be a string' })
  @Matches(USERNAME, { message: '$property must be 1-128 characters of A-Z a-z 0-9 . _ @ + -' })
  username?: string;

  @ApiPropertyOptional({
    minLength: PASSWORD_LENGTH.min,
    maxLength: PASSWORD_LENGTH.max,
    writeOnly: true,
    example: 'correct horse battery staple',
    description: `${PASSWORD_RULES} A new password ends the user's sessions and revokes their tokens.`,
  })
  @OptionalNotNull()
  @IsAcceptablePassword()
  password?: string;
}

export class UserDto extends UserClaimsDto {
  @ApiProperty({ format: 'uuid', example: '9b2f1c4e-3a7d-4e8b-b5c6-0d1e2f3a4b5c', description: "The `sub` of this user's tokens." })
  user_id: string;

  @ApiProperty({ example: 'jane' })
  username: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  created_at: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  updated_at: string;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] })
  items: UserDto[];

  @ApiProperty({ type: String, nullable: true, example: 'eyJrIjoiYWNtZSJ9', description: 'Cursor of the next page; null on the last page.' })
  next_cursor: string | null;
}

/** A user in a tenant export: the profile and its user_id, never a password or its hash. */
export class ExportedUserDto extends OmitType(CreateUserDto, ['password'] as const) {
  @ApiProperty({ format: 'uuid', description: 'Kept on import, so `sub` claims stay the same.' })
  @IsUUID('all', { message: '$property must be a UUID' })
  user_id: string;
}

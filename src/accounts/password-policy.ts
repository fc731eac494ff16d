import { dictionary } from '@zxcvbn-ts/language-common';
import { IsString, Length, ValidateBy } from 'class-validator';

/** NIST SP 800-63B §3.1.1.2: at least 8 characters; the upper bound only keeps argon2's input sane. */
export const PASSWORD_LENGTH = { min: 8, max: 256 } as const;

/**
 * The most common passwords, lower case: zxcvbn-ts's list (≈49,000 taken from public password
 * leaks, kept up to date by that project), built into a Set on first use. ≈4 MB of heap, once
 * per process.
 */
let commonPasswords: Set<string> | undefined;

/**
 * Whether `password` is on the list, whatever its case and surrounding whitespace:
 * `Password1` and ` password1 ` are as guessable as `password1`.
 */
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  return commonPasswords.has(password.trim().toLowerCase());
}

/**
 * Every rule a password set through the admin API obeys (SP 800-63B §3.1.1.2: length, and not
 * on a list of commonly used or compromised values). Messages start with `$property`, which the
 * validation pipe strips, so each 422 names `password` as its field.
 */
export function IsAcceptablePassword(): PropertyDecorator {
  const rules = [
    IsString({ message: '$property must be a string' }),
    Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, { message: `$property must be ${PASSWORD_LENGTH.min}-${PASSWORD_LENGTH.max} characters long` }),
    ValidateBy(
      {
        name: 'isNotBlank',
        validator: { validate: (value) => typeof value !== 'string' || value.trim() !== '' },
      },
      { message: '$property must not be only whitespace' },
    ),
    ValidateBy(
      {
        name: 'isNotCommonPassword',
        validator: { validate: (value) => typeof value !== 'string' || !isCommonPassword(value) },
      },
      { message: '$property is one of the most commonly used passwords; choose a less guessable one' },
    ),
  ];
  return (target, key) => rules.forEach((rule) => rule(target, key));
}

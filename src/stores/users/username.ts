/**
 * What a username may be, for the admin API (creation, update, import) and for sign-in alike:
 * 1–128 of A-Z a-z 0-9 . _ @ + -. Keeping usernames ASCII is what lets one case folding
 * serve everywhere (see `usernameKey`).
 */
export const USERNAME_MAX_LENGTH = 128;
export const USERNAME = new RegExp(`^[A-Za-z0-9._@+-]{1,${USERNAME_MAX_LENGTH}}$`);

/** Whether `username` could be anyone's: sign-in looks up, and keeps a failure budget for, only these. */
export const isUsername = (username: string): boolean => USERNAME.test(username);

/**
 * The one case folding of usernames outside the database: the key of the per-user sign-in
 * budget. The database finds an account by `lower(username)`; for the ASCII of `USERNAME`,
 * two names that find the same account always get the same key here, so no spelling of a
 * locked account's name has a budget of its own. (Outside ASCII that fails: `İ` lowers to
 * `i̇` in JavaScript and to `i` in PostgreSQL; such names are never looked up.) Even in a
 * Turkish-locale database, where `lower('I')` is `ı`, the key only merges names, never splits one.
 */
export const usernameKey = (username: string): string => username.toLowerCase();

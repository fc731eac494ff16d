/** OpenID Connect standard claims of a user (Core §5.1), minus `sub` and `email`, which have columns. */
export type StandardClaims = Record<string, unknown>;

/** An end user of one issuer: a row of `users`. */
export interface User {
  tenantId: string;
  /** The `sub`. */
  userId: string;
  username: string;
  email: string | null;
  claims: StandardClaims;
  /**
   * When the password last changed (null: never since the user was made). Nothing of the
   * user's issued or signed in before it is honoured: see oidc/hooks/find-account.ts.
   */
  credentialsChangedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A user with the password hash (argon2id, PHC string; null until one is set): for sign-in only. */
export interface UserWithPassword extends User {
  passwordHash: string | null;
}

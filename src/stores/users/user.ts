import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** OpenID Connect standard claims of a user (Core §5.1), minus `sub` and `email`, which have columns. */
export type StandardClaims = Record<string, unknown>;

/** An end user of one issuer. */
@Entity({ name: 'users' })
export class Account {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  /** The `sub`. */
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  username: string;

  /** argon2id, PHC string format; null until a user imported without one is given a password. */
  @Column({ name: 'password_hash', type: 'text', select: false, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'jsonb', default: {} })
  claims: StandardClaims;

  /**
   * When the password last changed (null: never since the account was made). Nothing of the
   * user's issued or signed in before it is honoured: see oidc/hooks/find-account.ts.
   */
  @Column({ name: 'credentials_changed_at', type: 'timestamptz', nullable: true })
  credentialsChangedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

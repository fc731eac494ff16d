import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** RFC 7591 client metadata as registered, snake_case, without the secret. */
export type ClientMetadata = Record<string, unknown>;

/** A relying party of one issuer. The secret is sealed (see common/crypto/secret-box.ts). */
@Entity({ name: 'clients' })
export class Client {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'client_id', type: 'text' })
  clientId: string;

  /** Copied out of the metadata so admins can filter on it. */
  @Column({ name: 'client_name', type: 'text', nullable: true })
  clientName: string | null;

  @Column({ type: 'jsonb' })
  metadata: ClientMetadata;

  @Column({ name: 'client_secret', type: 'text', nullable: true, select: false })
  clientSecret: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

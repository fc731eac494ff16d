import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An issuer: `PUBLIC_URL/{issuer_id}`. */
@Entity({ name: 'tenants' })
export class Tenant {
  @PrimaryColumn({ name: 'issuer_id', type: 'text' })
  issuerId: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

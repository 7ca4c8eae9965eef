import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The drawn signature (PNG) of an online consent version, kept as evidence beside it. */
@Entity({ name: 'consent_signatures' })
export class ConsentSignatureEntity {
  @PrimaryColumn({ name: 'consent_id', type: 'varchar', length: 36 })
  consentId!: string;

  /** MEDIUMBLOB on MySQL, BLOB on SQLite (see the migration). */
  @Column({ type: 'blob' })
  png!: Buffer;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;
}

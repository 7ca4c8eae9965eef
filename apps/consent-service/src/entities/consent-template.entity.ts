import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A published consent form: one version in one language. Never changed once published. */
@Entity({ name: 'consent_templates' })
export class ConsentTemplateEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  version!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  language!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  introduction!: string;

  /** ConsentTemplateChoice[] as JSON. */
  @Column({ type: 'text' })
  choices!: string;

  @Column({ type: 'text' })
  declaration!: string;

  @Column({ type: 'text' })
  withdrawal!: string;

  @Column({ name: 'published_at', type: 'datetime', precision: 3 })
  publishedAt!: Date;
}

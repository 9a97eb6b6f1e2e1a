import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A driving licence class (B, C1E, …). */
@Entity({ name: 'taxonomy_driving_licences' })
@Index('uq_taxonomy_driving_licences_code', ['code'], { unique: true })
export class DrivingLicence {
  @PrimaryColumn({ name: 'concept_id', type: 'text' })
  conceptId!: string;

  /** The class as written on the licence, for example `B` or `C1E`. */
  @Column({ type: 'text' })
  code!: string;
}

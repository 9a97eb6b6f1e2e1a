import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A county (län). */
@Entity({ name: 'taxonomy_counties' })
@Index('uq_taxonomy_counties_county_code', ['countyCode'], { unique: true })
@Check('ck_taxonomy_counties_county_code', `county_code ~ '^[0-9]{2}$'`)
export class County {
  @PrimaryColumn({ name: 'concept_id', type: 'text' })
  conceptId!: string;

  /** Länskod, 2 digits. */
  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'nuts3_code', type: 'text', nullable: true })
  nuts3Code!: string | null;
}

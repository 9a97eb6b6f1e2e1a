import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrganisationKind } from './organisation-kind.js';

@Entity({ name: 'organisations' })
@Index('uq_organisations_organisation_number', ['organisationNumber'], { unique: true })
@Check('ck_organisations_organisation_number', `organisation_number ~ '^[0-9]{10}$'`)
@Check('ck_organisations_municipality_code', `municipality_code ~ '^[0-9]{4}$'`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind!: OrganisationKind;

  @Column({ type: 'text' })
  name!: string;

  /** Ten digits, no separator. */
  @Column({ name: 'organisation_number', type: 'text' })
  organisationNumber!: string;

  /** Kommunkod of the home municipality. */
  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Organisation } from '#libs/organisations';
import { Municipality } from '#libs/taxonomy';
import { SwedishLevel } from '#libs/vocabulary';
import { TrackIntake } from './track-intake.entity.js';

/**
 * A Jobbspår: a programme for one occupational field that the municipality designs with Arbetsförmedlingen and
 * local employers. Praktik, SFI and vocational Swedish combined, with prerequisites and intakes of fixed size.
 */
@Entity({ name: 'tracks' })
@Index('uq_tracks_organisation_name', ['organisationId', 'name'], { unique: true })
@Check('ck_tracks_components', 'praktik_weeks >= 0 AND sfi_hours_per_week >= 0')
export class Track {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The municipality organisation that runs the track. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_tracks_organisation' })
  organisation!: Relation<Organisation>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'municipality_concept_id', type: 'text' })
  municipalityConceptId!: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_concept_id', foreignKeyConstraintName: 'fk_tracks_municipality' })
  municipality!: Relation<Municipality>;

  @Column({ name: 'occupation_concept_ids', type: 'text', array: true })
  occupationConceptIds!: string[];

  @Column({ name: 'praktik_weeks', type: 'smallint' })
  praktikWeeks!: number;

  @Column({ name: 'sfi_hours_per_week', type: 'smallint' })
  sfiHoursPerWeek!: number;

  @Column({ name: 'vocational_swedish', type: 'boolean', default: false })
  vocationalSwedish!: boolean;

  /** A course that is part of the track, for example "Hygienkurs" or "Truckkort". */
  @Column({ type: 'text', nullable: true })
  course!: string | null;

  @Column({
    name: 'minimum_swedish_level',
    type: 'enum',
    enum: SwedishLevel,
    enumName: 'swedish_level',
    nullable: true,
  })
  minimumSwedishLevel!: SwedishLevel | null;

  /** Minimum top-level SUN education level (by SUN code order). */
  @Column({ name: 'minimum_education_level_concept_id', type: 'text', nullable: true })
  minimumEducationLevelConceptId!: string | null;

  @Column({ name: 'required_driving_licence_concept_id', type: 'text', nullable: true })
  requiredDrivingLicenceConceptId!: string | null;

  /** Employers that take participants in praktik and may hire after the track. */
  @ManyToMany(() => Organisation)
  @JoinTable({
    name: 'track_partners',
    joinColumn: { name: 'track_id', foreignKeyConstraintName: 'fk_track_partners_track' },
    inverseJoinColumn: {
      name: 'organisation_id',
      foreignKeyConstraintName: 'fk_track_partners_organisation',
    },
  })
  partners!: Relation<Organisation>[];

  @OneToMany(() => TrackIntake, (intake) => intake.track)
  intakes!: Relation<TrackIntake>[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

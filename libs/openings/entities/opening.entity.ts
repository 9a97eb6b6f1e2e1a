import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Organisation } from '#libs/organisations';
import { Municipality, Occupation } from '#libs/taxonomy';
import { TrackIntake } from '#libs/tracks';
import { PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';
import { OpeningStatus } from '../opening-status.js';

/** A placement request (opening) posted by an employer or association: praktik, extratjänst, Jobbspår place, … */
@Entity({ name: 'openings' })
@Index('ix_openings_organisation', ['organisationId', 'createdAt'])
@Index('ix_openings_status_municipality', ['status', 'municipalityConceptId'])
@Check('ck_openings_places', 'places >= 1 AND places_taken >= 0 AND places_taken <= places')
@Check('ck_openings_dates', 'end_date IS NULL OR end_date >= start_date')
@Check('ck_openings_hours_per_week', 'hours_per_week BETWEEN 1 AND 40')
export class Opening {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_openings_organisation' })
  organisation!: Relation<Organisation>;

  @Column({ type: 'enum', enum: PlacementKind, enumName: 'placement_kind' })
  kind!: PlacementKind;

  @Column({ type: 'enum', enum: OpeningStatus, enumName: 'opening_status', default: OpeningStatus.DRAFT })
  status!: OpeningStatus;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'occupation_concept_id', type: 'text' })
  occupationConceptId!: string;

  @ManyToOne(() => Occupation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'occupation_concept_id', foreignKeyConstraintName: 'fk_openings_occupation' })
  occupation!: Relation<Occupation>;

  @Column({ name: 'required_skill_concept_ids', type: 'text', array: true, default: () => "'{}'" })
  requiredSkillConceptIds!: string[];

  @Column({ name: 'nice_to_have_skill_concept_ids', type: 'text', array: true, default: () => "'{}'" })
  niceToHaveSkillConceptIds!: string[];

  @Column({
    name: 'minimum_swedish_level',
    type: 'enum',
    enum: SwedishLevel,
    enumName: 'swedish_level',
    nullable: true,
  })
  minimumSwedishLevel!: SwedishLevel | null;

  @Column({ name: 'useful_language_concept_ids', type: 'text', array: true, default: () => "'{}'" })
  usefulLanguageConceptIds!: string[];

  @Column({ name: 'required_driving_licence_concept_ids', type: 'text', array: true, default: () => "'{}'" })
  requiredDrivingLicenceConceptIds!: string[];

  @Column({ name: 'municipality_concept_id', type: 'text' })
  municipalityConceptId!: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_concept_id', foreignKeyConstraintName: 'fk_openings_municipality' })
  municipality!: Relation<Municipality>;

  @Column({ type: 'enum', enum: Weekday, enumName: 'weekday', array: true, default: () => "'{}'" })
  weekdays!: Weekday[];

  @Column({ name: 'hours_per_week', type: 'smallint' })
  hoursPerWeek!: number;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  /** Last day; open-ended openings have none. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'smallint', default: 1 })
  places!: number;

  /** Places given to confirmed matches. */
  @Column({ name: 'places_taken', type: 'smallint', default: 0 })
  placesTaken!: number;

  /** The named workplace supervisor (handledare). */
  @Column({ name: 'supervisor_name', type: 'text', nullable: true })
  supervisorName!: string | null;

  @Column({ name: 'language_support', type: 'text', nullable: true })
  languageSupport!: string | null;

  @Column({ name: 'disability_adaptations', type: 'text', nullable: true })
  disabilityAdaptations!: string | null;

  /** The kravspecifikation, in the employer's words. */
  @Column({ name: 'requirement_specification', type: 'text', default: '' })
  requirementSpecification!: string;

  @Column({ name: 'contact_name', type: 'text' })
  contactName!: string;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  /** ETABLERINGSJOBB: the employer confirms being bound by a collective agreement on etableringsjobb. */
  @Column({ name: 'collective_agreement_confirmed', type: 'boolean', default: false })
  collectiveAgreementConfirmed!: boolean;

  /** JOBBSPAR: the track intake this opening gives places in. */
  @Column({ name: 'track_intake_id', type: 'uuid', nullable: true })
  trackIntakeId!: string | null;

  @ManyToOne(() => TrackIntake, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'track_intake_id', foreignKeyConstraintName: 'fk_openings_track_intake' })
  trackIntake!: Relation<TrackIntake> | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

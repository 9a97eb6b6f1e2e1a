import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { EducationLevel, Municipality } from '#libs/taxonomy';
import { PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';
import { ProfileStatus } from '../profile-status.js';
import { TravelReach } from '../travel-reach.js';
import { Participant } from './participant.entity.js';
import { ProfileLanguage } from './profile-language.entity.js';
import { ProfileOccupation } from './profile-occupation.entity.js';
import { ProfileSkill } from './profile-skill.entity.js';

/**
 * What is matched: the participant's competences, written by the coach with them. Employers only ever see the
 * anonymised projection of it (`anonymisation/`); the coach-only columns are marked below.
 */
@Entity({ name: 'competence_profiles' })
@Index('uq_competence_profiles_participant', ['participantId'], { unique: true })
@Index('uq_competence_profiles_public_id', ['publicId'], { unique: true })
// Also holds updated_at and disclosure_floor (INCLUDE, migration PopulationFingerprintIndex), which TypeORM cannot
// express: the fingerprint of the anonymised population is an index-only scan.
@Index('ix_competence_profiles_status', { synchronize: false })
@Check('ck_competence_profiles_hours_per_week', 'hours_per_week IS NULL OR hours_per_week BETWEEN 1 AND 40')
export class CompetenceProfile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @OneToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'fk_competence_profiles_participant' })
  participant!: Relation<Participant>;

  /** The pseudonym employers see: random, not a database key of the participant. */
  @Column({ name: 'public_id', type: 'text' })
  publicId!: string;

  @Column({ type: 'enum', enum: ProfileStatus, enumName: 'profile_status', default: ProfileStatus.DRAFT })
  status!: ProfileStatus;

  @OneToMany(() => ProfileOccupation, (occupation) => occupation.profile, { cascade: true })
  occupations!: Relation<ProfileOccupation>[];

  @OneToMany(() => ProfileSkill, (skill) => skill.profile, { cascade: true })
  skills!: Relation<ProfileSkill>[];

  @OneToMany(() => ProfileLanguage, (language) => language.profile, { cascade: true })
  languages!: Relation<ProfileLanguage>[];

  /** Top-level SUN 2020 education level. */
  @Column({ name: 'education_level_concept_id', type: 'text', nullable: true })
  educationLevelConceptId!: string | null;

  @ManyToOne(() => EducationLevel, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'education_level_concept_id',
    foreignKeyConstraintName: 'fk_competence_profiles_education_level',
  })
  educationLevel!: Relation<EducationLevel> | null;

  @Column({
    name: 'swedish_level',
    type: 'enum',
    enum: SwedishLevel,
    enumName: 'swedish_level',
    nullable: true,
  })
  swedishLevel!: SwedishLevel | null;

  @Column({ name: 'driving_licence_concept_ids', type: 'text', array: true, default: () => "'{}'" })
  drivingLicenceConceptIds!: string[];

  @Column({ name: 'available_from', type: 'date', nullable: true })
  availableFrom!: string | null;

  @Column({ name: 'hours_per_week', type: 'smallint', nullable: true })
  hoursPerWeek!: number | null;

  /** Weekdays free from SFI and other commitments. */
  @Column({
    name: 'free_weekdays',
    type: 'enum',
    enum: Weekday,
    enumName: 'weekday',
    array: true,
    default: () => "'{}'",
  })
  freeWeekdays!: Weekday[];

  @Column({ name: 'home_municipality_concept_id', type: 'text', nullable: true })
  homeMunicipalityConceptId!: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'home_municipality_concept_id',
    foreignKeyConstraintName: 'fk_competence_profiles_home_municipality',
  })
  homeMunicipality!: Relation<Municipality> | null;

  @Column({
    name: 'travel_reach',
    type: 'enum',
    enum: TravelReach,
    enumName: 'travel_reach',
    default: TravelReach.HOME_MUNICIPALITY,
  })
  travelReach!: TravelReach;

  @Column({
    name: 'wanted_kinds',
    type: 'enum',
    enum: PlacementKind,
    enumName: 'placement_kind',
    array: true,
    default: () => "'{}'",
  })
  wantedKinds!: PlacementKind[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  interests!: string[];

  /** Written for employers; checked for personal data before it is saved. */
  @Column({ type: 'text', default: '' })
  summary!: string;

  // Coach-only from here: never in the employer projection, the search index or a job payload.

  /** End of the two-year etableringsperiod; the coach should act 7 months before. */
  @Column({ name: 'establishment_period_ends_on', type: 'date', nullable: true })
  establishmentPeriodEndsOn!: string | null;

  @Column({ name: 'priority_woman', type: 'boolean', default: false })
  priorityWoman!: boolean;

  @Column({ name: 'priority_short_education', type: 'boolean', default: false })
  priorityShortEducation!: boolean;

  @Column({ name: 'priority_disability', type: 'boolean', default: false })
  priorityDisability!: boolean;

  @Column({ name: 'priority_long_term_assistance', type: 'boolean', default: false })
  priorityLongTermAssistance!: boolean;

  @Column({ name: 'coach_notes', type: 'text', default: '' })
  coachNotes!: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /**
   * The most general k-anonymity ladder step the employer view has shown this profile at: it is never shown more
   * precisely again (see anonymisation/k-anonymity.ts). Written by the employer view, not by coaches.
   */
  @Column({ name: 'disclosure_floor', type: 'smallint', default: 0 })
  disclosureFloor!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

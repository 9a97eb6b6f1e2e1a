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
import { User } from '#libs/users';
import { ConsentScope } from '../consent-scope.js';
import { Gender } from '../gender.js';

/**
 * The person: personal data, kept apart from the competence profile. Personnummer, phone and email are encrypted
 * (AES-256-GCM); `personnummerHash` (HMAC) gives uniqueness and lookup within the organisation (unique per
 * organisation only, so that no organisation can learn whether a number is registered elsewhere). After erasure the row stays as an anonymous
 * tombstone (organisation and dates only) so that statistics that point to it keep counting.
 */
@Entity({ name: 'participants' })
@Index('uq_participants_organisation_personnummer', ['organisationId', 'personnummerHash'], { unique: true })
@Index('ix_participants_organisation', ['organisationId', 'createdAt'])
@Index('ix_participants_coach', ['coachId'])
// One person's registrations in every organisation (ProfilesKnownToEmployers, one published profile per person).
@Index('ix_participants_personnummer', ['personnummerHash'], { where: 'personnummer_hash IS NOT NULL' })
@Check(
  'ck_participants_erased_or_complete',
  `(erased_at IS NOT NULL AND first_name IS NULL AND last_name IS NULL AND personnummer_encrypted IS NULL
    AND personnummer_hash IS NULL AND phone_encrypted IS NULL AND email_encrypted IS NULL AND birth_year IS NULL)
   OR (erased_at IS NULL AND first_name IS NOT NULL AND last_name IS NOT NULL
    AND personnummer_encrypted IS NOT NULL AND personnummer_hash IS NOT NULL AND birth_year IS NOT NULL)`,
)
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_participants_organisation' })
  organisation!: Relation<Organisation>;

  /** The responsible coach, of the same organisation. */
  @Column({ name: 'coach_id', type: 'uuid', nullable: true })
  coachId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'coach_id', foreignKeyConstraintName: 'fk_participants_coach' })
  coach!: Relation<User> | null;

  @Column({ name: 'first_name', type: 'text', nullable: true })
  firstName!: string | null;

  @Column({ name: 'last_name', type: 'text', nullable: true })
  lastName!: string | null;

  /** AES-256-GCM envelope of the 12-digit personnummer or samordningsnummer. */
  @Column({ name: 'personnummer_encrypted', type: 'text', nullable: true })
  personnummerEncrypted!: string | null;

  /** HMAC-SHA256 of the 12-digit number, hex. */
  @Column({ name: 'personnummer_hash', type: 'text', nullable: true })
  personnummerHash!: string | null;

  @Column({ name: 'phone_encrypted', type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  @Column({ name: 'email_encrypted', type: 'text', nullable: true })
  emailEncrypted!: string | null;

  /** From the personnummer; employers only ever see an age band derived from it. */
  @Column({ name: 'birth_year', type: 'smallint', nullable: true })
  birthYear!: number | null;

  /** Coach-only, as the participant states it; reset to NOT_STATED by erasure. */
  @Column({ type: 'enum', enum: Gender, enumName: 'gender', default: Gender.NOT_STATED })
  gender!: Gender;

  @Column({ name: 'consent_given_at', type: 'timestamptz', nullable: true })
  consentGivenAt!: Date | null;

  @Column({
    name: 'consent_scopes',
    type: 'enum',
    enum: ConsentScope,
    enumName: 'consent_scope',
    array: true,
    default: () => "'{}'",
  })
  consentScopes!: ConsentScope[];

  @Column({ name: 'consent_withdrawn_at', type: 'timestamptz', nullable: true })
  consentWithdrawnAt!: Date | null;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import {
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
import { Opening } from '#libs/openings';
import { CompetenceProfile, Participant } from '#libs/participants';
import { ProposalOrigin, ProposalStatus, RejectionReason } from '../proposal-status.js';

/** One scored component of a match: what it is worth, what it scored (0–1) and why. */
export interface ScoreComponent {
  /** Stable name, for example `requiredSkills`. */
  name: string;
  weight: number;
  /** 0–1. */
  fit: number;
  /** weight × fit. */
  points: number;
  sv: string;
  en: string;
}

/** A requirement of the opening the person does not meet; shown to the coach. */
export interface UnmetRequirement {
  /** Stable rule name, for example `REQUIRED_SKILL` or `DRIVING_LICENCE`. */
  rule: string;
  sv: string;
  en: string;
}

/**
 * A proposed match of one competence profile to one opening, with the score, its breakdown and a short explanation.
 * One row per (opening, profile): matching updates it in place when its inputs change.
 */
@Entity({ name: 'match_proposals' })
@Index('uq_match_proposals_opening_profile', ['openingId', 'profileId'], { unique: true })
@Index('ix_match_proposals_opening_status', ['openingId', 'status', 'score'])
@Index('ix_match_proposals_participant_status', ['participantId', 'status'])
export class MatchProposal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'opening_id', type: 'uuid' })
  openingId!: string;

  @ManyToOne(() => Opening, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opening_id', foreignKeyConstraintName: 'fk_match_proposals_opening' })
  opening!: Relation<Opening>;

  /** Erasure deletes the profile, and with it the proposals. */
  @Column({ name: 'profile_id', type: 'uuid' })
  profileId!: string;

  @ManyToOne(() => CompetenceProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'fk_match_proposals_profile' })
  profile!: Relation<CompetenceProfile>;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'fk_match_proposals_participant' })
  participant!: Relation<Participant>;

  @Column({
    type: 'enum',
    enum: ProposalStatus,
    enumName: 'proposal_status',
    default: ProposalStatus.PROPOSED,
  })
  status!: ProposalStatus;

  @Column({
    type: 'enum',
    enum: ProposalOrigin,
    enumName: 'proposal_origin',
    default: ProposalOrigin.MATCHING,
  })
  origin!: ProposalOrigin;

  /** 0–100. */
  @Column({ type: 'double precision' })
  score!: number;

  /** Place in the opening's ranking at the last matching run (1 = best); null when not ranked. */
  @Column({ type: 'smallint', nullable: true })
  rank!: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  components!: ScoreComponent[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  unmet!: UnmetRequirement[];

  @Column({ name: 'explanation_sv', type: 'text' })
  explanationSv!: string;

  @Column({ name: 'explanation_en', type: 'text' })
  explanationEn!: string;

  @Column({ name: 'algorithm_version', type: 'text' })
  algorithmVersion!: string;

  /** Hash of everything the score was computed from (opening, profile, weights, algorithm): same hash, same result. */
  @Column({ name: 'inputs_hash', type: 'text' })
  inputsHash!: string;

  /** EMPLOYER_REQUEST: the employer user who asked, and their message to the coach. */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Column({ name: 'request_message', type: 'text', nullable: true })
  requestMessage!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({
    name: 'rejection_reason',
    type: 'enum',
    enum: RejectionReason,
    enumName: 'rejection_reason',
    nullable: true,
  })
  rejectionReason!: RejectionReason | null;

  @Column({ name: 'rejection_note', type: 'text', nullable: true })
  rejectionNote!: string | null;

  /** Why matching expired it, for example "the opening is filled". */
  @Column({ name: 'expiry_reason', type: 'text', nullable: true })
  expiryReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

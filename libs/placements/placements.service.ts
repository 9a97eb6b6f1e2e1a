import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { rowVersionSql } from '#libs/database';
import type { Principal } from '#libs/access-control';
import { AppError, isUniqueViolation } from '#libs/errors';
import { FollowUpsService } from '#libs/follow-ups';
import { MatchProposal, ProposalStatus, lockOpenings } from '#libs/matching';
import { Opening, OpeningStatus } from '#libs/openings';
import { Outbox, enqueueJob } from '#libs/outbox';
import { paginate, type Page } from '#libs/pagination';
import {
  CompetenceProfilesService,
  ConsentScope,
  ParticipantAccess,
  ProfileChanges,
  hasConsent,
  responsibleCoachIs,
} from '#libs/participants';
import { JobName } from '#libs/queue';
import { TracksService } from '#libs/tracks';
import { PlacementKind } from '#libs/vocabulary';
import type { EmployerPlacementsArgs, PlacementsArgs } from './dtos/placement.inputs.js';
import { Placement } from './entities/placement.entity.js';
import { OVERLAP_CONSTRAINT, isExclusionViolation } from './placement-overlap.js';
import { PlacementStatus } from './placement-status.js';

/** The opening as the conditional UPDATE that took a place returns it. */
interface TakenPlace {
  organisation_id: string;
  kind: PlacementKind;
  status: OpeningStatus;
  start_date: string;
  end_date: string | null;
  /** JOBBSPAR: the track intake whose places the opening gives. */
  track_intake_id: string | null;
  /** The new row's updated_at in epoch ms: the version in the MatchOpening job id, as openings computes it. */
  version: string;
}

/**
 * Placements: a coach confirms a proposal, which takes one place of the opening; coaches list their organisation's
 * participants' placements, employers the placements in their organisation's openings.
 */
@Injectable()
export class PlacementsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ParticipantAccess,
    private readonly profileChanges: ProfileChanges,
    private readonly outbox: Outbox,
    private readonly followUps: FollowUpsService,
    private readonly profiles: CompetenceProfilesService,
    private readonly tracks: TracksService,
  ) {}

  /** A Jobbspår placement holds one of its intake's places: the enrolment stays while the placement is on. */
  onModuleInit(): void {
    this.tracks.onEnrolmentWithdrawal(async ({ intakeId, participantId }, manager) => {
      const [placement] = (await manager.query(
        `SELECT pl.status FROM placements pl JOIN openings o ON o.id = pl.opening_id
          WHERE pl.participant_id = $1 AND o.track_intake_id = $2 AND pl.status IN ('PLANNED', 'ACTIVE')
          LIMIT 1`,
        [participantId, intakeId],
      )) as Array<{ status: PlacementStatus }>;
      return placement
        ? `The participant has a ${placement.status} Jobbspår placement in this intake: cancel it or end it first`
        : null;
    });
  }

  /**
   * Confirms a PROPOSED proposal: in one transaction the opening gives one place (FILLED with its last one), the
   * placement is made (PLANNED, for the opening's period), the proposal becomes CONFIRMED and, when the opening
   * filled, its other PROPOSED proposals expire. CONFLICT, with nothing written, when the proposal was decided
   * already (but for a CONFIRMED one whose placements were all cancelled: it is confirmed anew), the opening has no
   * place left or is not published, or the participant already has a placement in an overlapping period.
   *
   * Also CONFLICT when a Jobbspår opening's participant holds no place in its track intake (enrolInTrackIntake
   * first: the intake's places are the track's), and when the participant no longer consents to an anonymised
   * profile (a withdrawal, a new consent without it): matching expires their proposals afterwards, through the
   * worker, and a coach may come first. The calendar is not checked: a placement may be recorded after the fact; an
   * opening stops getting proposals once its last day has passed (MatchingService).
   *
   * Locks are taken in this order — the opening's matching lock, participant, opening, (Jobbspår) the participant's
   * track enrolment, proposal — the order of matching and of employer requests: a matching job re-ranking the
   * opening's proposals has finished before the confirmation expires them (else each would wait for a row the other
   * holds). Two confirmations into one opening queue on the matching lock. A withdrawal of the enrolment locks the
   * participant first, so it waits for the confirmation, or the confirmation waits for it and sees it withdrawn.
   */
  async confirm(caller: Principal, proposalId: string): Promise<Placement> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const found = await manager.findOneBy(MatchProposal, { id: proposalId });
        if (!found) throw AppError.notFound('Proposal');
        await lockOpenings(manager, [found.openingId]);
        const participant = await this.access.getManaged(caller, found.participantId, manager, true);
        // Fails fast before the opening is locked; checked again below under the proposal's lock.
        await assertConfirmable(manager, found);
        if (!hasConsent(participant, ConsentScope.ANONYMISED_PROFILE)) {
          throw AppError.conflict(
            'The participant does not consent to an anonymised profile (ANONYMISED_PROFILE) any more',
            'input.proposalId',
          );
        }
        const opening = await this.takePlace(manager, found.openingId);
        if (opening.kind === PlacementKind.JOBBSPAR)
          await assertHoldsIntakePlace(manager, opening, participant.id);
        const proposal = await manager.findOne(MatchProposal, {
          where: { id: proposalId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!proposal) throw AppError.notFound('Proposal');
        await assertConfirmable(manager, proposal);
        const placement = await manager.save(
          manager.create(Placement, {
            proposalId: proposal.id,
            openingId: proposal.openingId,
            participantId: participant.id,
            employerOrganisationId: opening.organisation_id,
            coachOrganisationId: participant.organisationId,
            kind: opening.kind,
            status: PlacementStatus.PLANNED,
            startDate: opening.start_date,
            endDate: opening.end_date,
            confirmedBy: caller.userId,
          }),
        );
        // Confirmed anew after a cancellation, the coach's decision on the proposal stands as it was made (the key
        // figures count it once); the new placement records who confirmed it and when.
        if (proposal.status === ProposalStatus.PROPOSED) {
          await manager.update(MatchProposal, proposal.id, {
            status: ProposalStatus.CONFIRMED,
            decidedBy: caller.userId,
            decidedAt: new Date(),
          });
        }
        const filled = opening.status === OpeningStatus.FILLED;
        if (filled) {
          await manager.update(
            MatchProposal,
            { openingId: proposal.openingId, status: ProposalStatus.PROPOSED },
            { status: ProposalStatus.EXPIRED, rank: null, expiryReason: 'The opening is filled' },
          );
        }
        await this.followUps.sync(manager, {
          placementId: placement.id,
          startDate: placement.startDate,
          endDate: placement.endDate,
          state: 'RUNNING',
        });
        // The employer is introduced to the person: the pseudonym it may know them by leads nowhere from now on.
        await this.profiles.renewPseudonym(proposal.participantId, manager);
        // The participant is now occupied for the period: matching and the search index follow.
        await this.profileChanges.changed([proposal.profileId], manager);
        // Matching ranks the opening again: expiring the rest once it is filled, else giving the place the person
        // had among its proposals to the next best (the place taken changed its version).
        await this.outbox.record(manager, [
          enqueueJob({
            name: JobName.MatchOpening,
            payload: { openingId: proposal.openingId, version: opening.version },
          }),
        ]);
        return placement;
      });
    } catch (error) {
      if (isExclusionViolation(error, OVERLAP_CONSTRAINT)) {
        throw AppError.conflict(
          'The participant is already placed in an overlapping period',
          'input.proposalId',
        );
      }
      // Not reached while the locks above serialise confirmations of one proposal; the index is the backstop.
      if (isUniqueViolation(error, 'uq_placements_proposal')) {
        throw AppError.conflict('The proposal has a placement already', 'input.proposalId');
      }
      throw error;
    }
  }

  /**
   * Placements of the caller's organisation's participants, newest confirmation first; by opening, participant,
   * statuses, or only the participants the caller is responsible coach for.
   */
  async list(caller: Principal, args: PlacementsArgs): Promise<Page<Placement>> {
    if (args.participantId) await this.access.getManaged(caller, args.participantId);
    if (args.openingId) await this.assertOpeningExists(args.openingId);
    const query = this.dataSource
      .getRepository(Placement)
      .createQueryBuilder('placement')
      .where('placement.coach_organisation_id = :own', { own: caller.organisationId });
    if (args.participantId)
      query.andWhere('placement.participant_id = :participantId', { participantId: args.participantId });
    if (args.openingId) query.andWhere('placement.opening_id = :openingId', { openingId: args.openingId });
    if (args.status?.length) query.andWhere('placement.status IN (:...statuses)', { statuses: args.status });
    if (args.mine) query.andWhere(...responsibleCoachIs('placement.participant_id', caller));
    return paginate(query, args, { column: 'placement.confirmed_at', direction: 'DESC' });
  }

  /** A placement of one of the caller's organisation's participants. */
  async get(caller: Principal, id: string): Promise<Placement> {
    const placement = await this.dataSource.manager.findOneBy(Placement, { id });
    if (!placement) throw AppError.notFound('Placement');
    if (placement.coachOrganisationId !== caller.organisationId) {
      throw AppError.forbidden("Only placements of your organisation's participants are yours to see");
    }
    return placement;
  }

  /** Placements in the employer's organisation's openings, newest confirmation first. */
  async listForEmployer(caller: Principal, args: EmployerPlacementsArgs): Promise<Page<Placement>> {
    if (args.openingId) {
      const opening = await this.assertOpeningExists(args.openingId);
      if (opening.organisationId !== caller.organisationId) throw notYourOpening();
    }
    const query = this.dataSource
      .getRepository(Placement)
      .createQueryBuilder('placement')
      .where('placement.employer_organisation_id = :own', { own: caller.organisationId });
    if (args.openingId) query.andWhere('placement.opening_id = :openingId', { openingId: args.openingId });
    return paginate(query, args, { column: 'placement.confirmed_at', direction: 'DESC' });
  }

  /** A placement in one of the employer's organisation's openings. */
  async getForEmployer(caller: Principal, id: string): Promise<Placement> {
    const placement = await this.dataSource.manager.findOneBy(Placement, { id });
    if (!placement) throw AppError.notFound('Placement');
    if (placement.employerOrganisationId !== caller.organisationId) throw notYourOpening();
    return placement;
  }

  /**
   * Takes one place of a PUBLISHED opening with one conditional UPDATE (which also locks the row until commit); the
   * last place makes it FILLED. CONFLICT when there is none to take.
   */
  private async takePlace(manager: EntityManager, openingId: string): Promise<TakenPlace> {
    // For an UPDATE, TypeORM's query answers [rows, affected row count].
    const [rows] = (await manager.query(
      `UPDATE openings
          SET places_taken = places_taken + 1,
              status = CASE WHEN places_taken + 1 = places THEN 'FILLED'::opening_status ELSE status END,
              updated_at = now()
        WHERE id = $1 AND status = 'PUBLISHED' AND places_taken < places
        RETURNING organisation_id, kind, status, start_date::text, end_date::text, track_intake_id,
                  ${rowVersionSql('updated_at')} AS version`,
      [openingId],
    )) as [TakenPlace[], number];
    if (rows[0]) return rows[0];
    const opening = await manager.findOneByOrFail(Opening, { id: openingId });
    if (opening.status === OpeningStatus.PUBLISHED || opening.status === OpeningStatus.FILLED) {
      throw AppError.conflict('The opening has no places left', 'input.proposalId');
    }
    throw AppError.conflict(`The opening is ${opening.status}, not PUBLISHED`, 'input.proposalId');
  }

  private async assertOpeningExists(openingId: string): Promise<Opening> {
    const opening = await this.dataSource.manager.findOneBy(Opening, { id: openingId });
    if (!opening) throw AppError.notFound('Opening');
    return opening;
  }
}

/**
 * A Jobbspår place is one of its track intake's places: the participant must hold one (an enrolment not withdrawn,
 * locked until the confirmation commits, so that a withdrawal waits), else CONFLICT. Taking the intake's place is
 * the coach's step before (enrolInTrackIntake), where prerequisites and the intake's places are checked.
 */
async function assertHoldsIntakePlace(
  manager: EntityManager,
  opening: TakenPlace,
  participantId: string,
): Promise<void> {
  const enrolments: unknown[] = await manager.query(
    `SELECT 1 FROM track_enrolments
      WHERE intake_id = $1 AND participant_id = $2 AND withdrawn_at IS NULL FOR SHARE`,
    [opening.track_intake_id, participantId],
  );
  if (enrolments.length === 0) {
    throw AppError.conflict(
      "A Jobbspår place is for a participant enrolled in the opening's track intake: enrol them first",
      'input.proposalId',
    );
  }
}

/**
 * A PROPOSED proposal, or a CONFIRMED one whose placements were all cancelled (confirmed anew: the person's start
 * moved, say); else CONFLICT. The unique index `uq_placements_proposal` (one placement per proposal that is not
 * cancelled) backs the second case up.
 */
async function assertConfirmable(manager: EntityManager, proposal: MatchProposal): Promise<void> {
  if (proposal.status === ProposalStatus.PROPOSED) return;
  if (proposal.status === ProposalStatus.CONFIRMED) {
    const [{ live, cancelled }] = (await manager.query(
      `SELECT (array_agg(status::text) FILTER (WHERE status <> 'CANCELLED'))[1] AS live,
              count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled
         FROM placements WHERE proposal_id = $1`,
      [proposal.id],
    )) as Array<{ live: string | null; cancelled: number }>;
    if (!live && cancelled > 0) return;
    if (live) {
      throw AppError.conflict(
        `The proposal is CONFIRMED and its placement ${live}; only one whose placements were all cancelled can be confirmed anew`,
        'input.proposalId',
      );
    }
  }
  throw AppError.conflict(`The proposal is ${proposal.status}, not PROPOSED`, 'input.proposalId');
}

function notYourOpening(): AppError {
  return AppError.forbidden("Only placements in your own organisation's openings are yours to see");
}

import { todayInSweden } from '#libs/calendar';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { Principal } from '#libs/access-control';
import { AppConfig } from '#libs/config';
import { AppError } from '#libs/errors';
import { NotificationKind, NotificationsService } from '#libs/notifications';
import { Opening, OpeningStatus } from '#libs/openings';
import { paginate, type Page } from '#libs/pagination';
import { AnonymisedProfilesService, Participant, ParticipantAccess } from '#libs/participants';
import type { ProposalsArgs, RejectProposalInput, RequestIntroductionInput } from './dtos/proposal.inputs.js';
import { MatchProposal } from './entities/match-proposal.entity.js';
import { MatchingData } from './matching-data.js';
import { MatchingTriggers } from './matching-triggers.js';
import { lockOpenings } from './matching.service.js';
import { ProposalOrigin, ProposalStatus, RejectionReason } from './proposal-status.js';
import { proposalValues, scoreMatch, type ScoredMatch } from './scoring.js';

/** One opening scored live for a participant. */
export interface OpeningSuggestion {
  opening: Opening;
  scored: ScoredMatch;
  proposal: MatchProposal | null;
}

/**
 * What coaches and employers do with proposals: coaches (and admins) of the participant's organisation list them,
 * see the best openings for a participant and reject; employers ask for an introduction to an anonymised profile.
 * Confirming is the placements feature's.
 */
@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly access: ParticipantAccess,
    private readonly anonymisedProfiles: AnonymisedProfilesService,
    private readonly notifications: NotificationsService,
    private readonly data: MatchingData,
    private readonly triggers: MatchingTriggers,
  ) {}

  /** The openings of proposals, for their views. */
  openings(ids: string[]): Promise<Opening[]> {
    return this.dataSource.manager.findBy(Opening, { id: In(ids) });
  }

  /**
   * The proposals of the caller's organisation's participants, best score first; by opening, participant, status,
   * origin, or only the participants the caller is responsible coach for.
   */
  async list(caller: Principal, args: ProposalsArgs): Promise<Page<MatchProposal>> {
    if (args.participantId) await this.access.getManaged(caller, args.participantId);
    if (args.openingId && !(await this.dataSource.manager.existsBy(Opening, { id: args.openingId }))) {
      throw AppError.notFound('Opening');
    }
    const query = this.dataSource
      .getRepository(MatchProposal)
      .createQueryBuilder('proposal')
      .innerJoin(Participant, 'participant', 'participant.id = proposal.participant_id')
      .where('participant.organisation_id = :organisationId', { organisationId: caller.organisationId });
    if (args.openingId) query.andWhere('proposal.opening_id = :openingId', { openingId: args.openingId });
    if (args.participantId) {
      query.andWhere('proposal.participant_id = :participantId', { participantId: args.participantId });
    }
    if (args.status) query.andWhere('proposal.status = :status', { status: args.status });
    if (args.origin) query.andWhere('proposal.origin = :origin', { origin: args.origin });
    if (args.mine) query.andWhere('participant.coach_id = :coachId', { coachId: caller.userId });
    return paginate(query, args, { column: 'proposal.score', direction: 'DESC' });
  }

  /**
   * The best PUBLISHED openings with places left for the participant, scored live with the matching function.
   * Only openings whose hard constraints the profile meets, publication aside: a coach may look before publishing.
   */
  async bestOpenings(caller: Principal, participantId: string, first: number): Promise<OpeningSuggestion[]> {
    await this.access.getManaged(caller, participantId);
    const [profile] = (await this.dataSource.query(
      'SELECT id FROM competence_profiles WHERE participant_id = $1',
      [participantId],
    )) as Array<{ id: string }>;
    if (!profile) return [];
    const candidate = (await this.data.candidates([profile.id])).get(profile.id);
    if (!candidate) return [];
    const openings = await this.data.openings(await this.data.openOpeningIds());
    const today = todayInSweden();
    const best = [...openings.values()]
      .map(({ facts }) => ({
        facts,
        scored: scoreMatch(facts, candidate.facts, this.config.matching.weights, today),
      }))
      .filter(({ scored }) => scored.broken.every((broken) => broken.rule === 'PUBLISHED'))
      .sort((a, b) => b.scored.score - a.scored.score || (a.facts.id < b.facts.id ? -1 : 1))
      .slice(0, first);
    const ids = best.map(({ facts }) => facts.id);
    const [rows, proposals] = await Promise.all([
      this.dataSource.manager.findBy(Opening, { id: In(ids) }),
      this.dataSource.manager.findBy(MatchProposal, { profileId: profile.id, openingId: In(ids) }),
    ]);
    return best.map(({ facts, scored }) => ({
      opening: rows.find((row) => row.id === facts.id)!,
      scored,
      proposal: proposals.find((proposal) => proposal.openingId === facts.id) ?? null,
    }));
  }

  /**
   * PROPOSED → REJECTED with the coach's reason (a note required with OTHER), stored to learn from. Matching ranks
   * the opening again, so that the next best person takes the place the rejected one had among its proposals.
   */
  async reject(caller: Principal, input: RejectProposalInput): Promise<MatchProposal> {
    const note = input.note?.trim() || null;
    if (input.reason === RejectionReason.OTHER && !note) {
      throw AppError.badInput('input.note', 'is required when the reason is OTHER');
    }
    return this.dataSource.transaction(async (manager) => {
      const proposal = await manager.findOne(MatchProposal, {
        where: { id: input.proposalId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!proposal) throw AppError.notFound('Proposal');
      await this.access.getManaged(caller, proposal.participantId, manager);
      if (proposal.status !== ProposalStatus.PROPOSED) {
        throw AppError.conflict(
          `Only a PROPOSED proposal can be rejected; this one is ${proposal.status}`,
          'input.proposalId',
        );
      }
      Object.assign(proposal, {
        status: ProposalStatus.REJECTED,
        rank: null,
        rejectionReason: input.reason,
        rejectionNote: note,
        decidedBy: caller.userId,
        decidedAt: new Date(),
      });
      const saved = await manager.save(proposal);
      await this.triggers.openingChanged(proposal.openingId, manager, `rejected-${proposal.id}`);
      return saved;
    });
  }

  /**
   * An employer asks for an introduction to an anonymised profile for one of its PUBLISHED openings (CONFLICT on
   * input.openingId otherwise, judged under the opening's lock: a confirmation that fills it meanwhile has finished
   * first; one that has ended still may be asked for, as a placement may be recorded after the fact). The profile
   * becomes a proposal of origin EMPLOYER_REQUEST (a MATCHING or EXPIRED one turns into it), scored like any other.
   * It is recorded even when the profile breaks a hard constraint of the opening: the employer's wish is itself
   * information for the coach, and the broken constraints are listed first among the unmet requirements. In the
   * same transaction the participant's responsible coach (or, without one, every active coach of the organisation)
   * gets an in-app notification. The answer says nothing about the person.
   */
  async requestIntroduction(
    caller: Principal,
    input: RequestIntroductionInput,
  ): Promise<{ openingId: string; publicId: string; requestedAt: Date }> {
    // NOT_FOUND unless the employer can see the profile now (published, consented, k-anonymous, not known to it).
    await this.anonymisedProfiles.get(caller, input.publicId);
    return this.dataSource.transaction(async (manager) => {
      const opening = await manager.findOneBy(Opening, { id: input.openingId });
      if (!opening) throw AppError.notFound('Opening');
      if (opening.organisationId !== caller.organisationId) {
        throw AppError.forbidden("Only your own organisation's openings are yours to use");
      }
      // Locked before its status is judged: a confirmation that fills it meanwhile has finished (it holds the lock).
      await lockOpenings(manager, [opening.id]);
      const openingFacts = (await this.data.openings([opening.id], manager)).get(opening.id)!;
      if (openingFacts.status !== OpeningStatus.PUBLISHED) {
        throw AppError.conflict(
          `Introductions are asked for PUBLISHED openings; this one is ${openingFacts.status}`,
          'input.openingId',
        );
      }
      const [profile] = (await manager.query(
        `SELECT p.id, p.participant_id FROM competence_profiles p
         JOIN participants pt ON pt.id = p.participant_id
         WHERE p.public_id = $1 AND p.status = 'PUBLISHED' AND pt.erased_at IS NULL
         FOR SHARE OF pt`,
        [input.publicId],
      )) as Array<{ id: string; participant_id: string }>;
      if (!profile) throw AppError.notFound('Profile');
      const candidate = (await this.data.candidates([profile.id], manager)).get(profile.id)!;
      const scored = scoreMatch(
        openingFacts.facts,
        candidate.facts,
        this.config.matching.weights,
        todayInSweden(),
      );
      const existing = await manager.findOneBy(MatchProposal, {
        openingId: opening.id,
        profileId: profile.id,
      });
      if (
        existing &&
        (existing.status === ProposalStatus.CONFIRMED || existing.status === ProposalStatus.REJECTED)
      ) {
        throw AppError.conflict(
          'A coach has already decided on this profile for this opening',
          'input.publicId',
        );
      }
      const values = {
        origin: ProposalOrigin.EMPLOYER_REQUEST,
        status: ProposalStatus.PROPOSED,
        ...proposalValues(scored),
        requestedBy: caller.userId,
        requestMessage: input.message,
        expiryReason: null,
      };
      let proposalId: string;
      let requestedAt: Date;
      if (existing) {
        await manager.update(MatchProposal, existing.id, {
          ...values,
          rank: existing.status === ProposalStatus.PROPOSED ? existing.rank : null,
        });
        proposalId = existing.id;
        requestedAt = new Date();
      } else {
        const saved = await manager.save(
          manager.create(MatchProposal, {
            ...values,
            openingId: opening.id,
            profileId: profile.id,
            participantId: profile.participant_id,
            rank: null,
          }),
        );
        proposalId = saved.id;
        requestedAt = saved.createdAt;
      }
      // Once per request: again when the profile is asked for anew (its proposal had expired, or was matching's),
      // not when the employer repeats a request the coach has not answered yet.
      const pending =
        existing?.status === ProposalStatus.PROPOSED && existing.origin === ProposalOrigin.EMPLOYER_REQUEST;
      if (!pending) {
        await this.notifications.notify(
          manager,
          await this.access.responsibleCoaches(profile.participant_id, manager),
          NotificationKind.INTRODUCTION_REQUESTED,
          `${proposalId}:${requestedAt.getTime()}`,
          { proposalId, participantId: profile.participant_id },
        );
        // Requests stand outside the best N of matching: ranked again, the opening gets its N back (when the
        // request was one of them) and the request its rank.
        await this.triggers.openingChanged(
          opening.id,
          manager,
          `requested-${proposalId}-${requestedAt.getTime()}`,
        );
      }
      return { openingId: opening.id, publicId: input.publicId, requestedAt };
    });
  }
}

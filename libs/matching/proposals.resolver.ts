import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { OpeningViews } from '#libs/openings';
import { PageOf, type Page } from '#libs/pagination';
import {
  BestOpeningsArgs,
  ProposalsArgs,
  RejectProposalInput,
  RequestIntroductionInput,
} from './dtos/proposal.inputs.js';
import { IntroductionRequestType, OpeningSuggestionType, ProposalType } from './dtos/proposal.type.js';
import type { MatchProposal } from './entities/match-proposal.entity.js';
import { ProposalsService } from './proposals.service.js';
import { scoringValues } from './scoring.js';

const ProposalPage = PageOf(ProposalType, 'Proposal');

@Resolver(() => ProposalType)
export class ProposalsResolver {
  constructor(
    private readonly proposalsService: ProposalsService,
    private readonly views: OpeningViews,
  ) {}

  @Query(() => ProposalPage, {
    description:
      "Coaches and admins: proposals of their own organisation's participants, by opening, participant or status; " +
      'best score first.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async proposals(
    @Args() args: ProposalsArgs,
    @CurrentUser() caller: Principal,
  ): Promise<Page<ProposalType>> {
    const page = await this.proposalsService.list(caller, args);
    return { ...page, nodes: await this.describe(page.nodes) };
  }

  @Query(() => [OpeningSuggestionType], {
    description:
      'Coaches and admins: the best PUBLISHED openings for a participant of their organisation, scored live, with ' +
      'whether a proposal exists.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async bestOpeningsForParticipant(
    @Args() args: BestOpeningsArgs,
    @CurrentUser() caller: Principal,
  ): Promise<OpeningSuggestionType[]> {
    const suggestions = await this.proposalsService.bestOpenings(caller, args.participantId, args.first);
    const openings = await this.views.describe(suggestions.map((suggestion) => suggestion.opening));
    return suggestions.map(({ scored, proposal }, index) => ({
      opening: openings[index]!,
      ...scoringValues(scored),
      proposalId: proposal?.id ?? null,
      proposalStatus: proposal?.status ?? null,
    }));
  }

  @Mutation(() => ProposalType, {
    description: "Coaches and admins of the participant's organisation: PROPOSED → REJECTED, with a reason.",
  })
  @Allow(Role.ADMIN, Role.COACH)
  async rejectProposal(
    @Args('input') input: RejectProposalInput,
    @CurrentUser() caller: Principal,
  ): Promise<ProposalType> {
    const [proposal] = await this.describe([await this.proposalsService.reject(caller, input)]);
    return proposal!;
  }

  @Mutation(() => IntroductionRequestType, {
    description:
      "Employers: ask for an introduction to an anonymised profile for one of your organisation's PUBLISHED " +
      "openings; the participant's coach is notified.",
  })
  @Allow(Role.EMPLOYER)
  requestIntroduction(
    @Args('input') input: RequestIntroductionInput,
    @CurrentUser() caller: Principal,
  ): Promise<IntroductionRequestType> {
    return this.proposalsService.requestIntroduction(caller, input);
  }

  private async describe(proposals: MatchProposal[]): Promise<ProposalType[]> {
    const ids = [...new Set(proposals.map((proposal) => proposal.openingId))];
    const openings = await this.proposalsService.openings(ids);
    const views = new Map((await this.views.describe(openings)).map((view) => [view.id, view]));
    return proposals.map((proposal) => ({
      id: proposal.id,
      opening: views.get(proposal.openingId)!,
      participantId: proposal.participantId,
      profileId: proposal.profileId,
      status: proposal.status,
      origin: proposal.origin,
      score: proposal.score,
      rank: proposal.rank,
      components: proposal.components,
      unmet: proposal.unmet,
      explanationSv: proposal.explanationSv,
      explanationEn: proposal.explanationEn,
      algorithmVersion: proposal.algorithmVersion,
      requestMessage: proposal.requestMessage,
      rejectionReason: proposal.rejectionReason,
      rejectionNote: proposal.rejectionNote,
      decidedAt: proposal.decidedAt,
      expiryReason: proposal.expiryReason,
      createdAt: proposal.createdAt,
      updatedAt: proposal.updatedAt,
    }));
  }
}

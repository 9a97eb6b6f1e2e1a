import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { PageOf, type Page } from '#libs/pagination';
import { selectedFieldNames } from '#libs/participants';
import { IdArg } from '#libs/validation';
import {
  CancelPlacementInput,
  ConfirmProposalInput,
  EmployerPlacementsArgs,
  EndPlacementEarlyInput,
  PlacementChangeInput,
  PlacementsArgs,
  ReschedulePlacementInput,
} from './dtos/placement.inputs.js';
import { EmployerPlacementType, PlacementType } from './dtos/placement.type.js';
import type { Placement } from './entities/placement.entity.js';
import { PlacementLifecycle } from './placement-lifecycle.service.js';
import { PlacementViews } from './placement-views.js';
import { PlacementsService } from './placements.service.js';

const PlacementPage = PageOf(PlacementType, 'Placement');
const EmployerPlacementPage = PageOf(EmployerPlacementType, 'EmployerPlacement');

@Resolver()
export class PlacementsResolver {
  constructor(
    private readonly placementsService: PlacementsService,
    private readonly lifecycle: PlacementLifecycle,
    private readonly views: PlacementViews,
  ) {}

  private async view(placement: Placement): Promise<PlacementType> {
    const [view] = await this.views.forCoaches([placement]);
    return view!;
  }

  @Mutation(() => PlacementType, {
    description:
      "Confirms a PROPOSED proposal of your organisation's participant (or, anew, a CONFIRMED one whose placements " +
      'were all cancelled): takes one place of the opening (FILLED with the last one, which expires its other ' +
      'proposals) and makes a PLANNED placement for its period, all at once. CONFLICT, with nothing written, when ' +
      "the proposal is decided already, the opening has no place left or is not published, a Jobbspår opening's " +
      'participant holds no place in its track intake (enrolInTrackIntake first), or the participant is already ' +
      'placed in an overlapping period.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async confirmProposal(
    @Args('input') input: ConfirmProposalInput,
    @CurrentUser() caller: Principal,
  ): Promise<PlacementType> {
    return this.view(await this.placementsService.confirm(caller, input.proposalId));
  }

  @Mutation(() => PlacementType, {
    description:
      "PLANNED → ACTIVE: your organisation's participant has started. CONFLICT when the placement is not PLANNED.",
  })
  @Allow(Role.ADMIN, Role.COACH)
  async startPlacement(
    @Args('input') input: PlacementChangeInput,
    @CurrentUser() caller: Principal,
  ): Promise<PlacementType> {
    return this.view(await this.lifecycle.start(caller, input.placementId));
  }

  @Mutation(() => PlacementType, {
    description:
      'ACTIVE → COMPLETED: the placement ran its course (an open-ended one ends today). CONFLICT when it is not ACTIVE.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async completePlacement(
    @Args('input') input: PlacementChangeInput,
    @CurrentUser() caller: Principal,
  ): Promise<PlacementType> {
    return this.view(await this.lifecycle.complete(caller, input.placementId));
  }

  @Mutation(() => PlacementType, {
    description:
      'ACTIVE → ENDED_EARLY on `lastDay`, with a reason and a note. The place goes back to the opening (PUBLISHED ' +
      'again when it was FILLED and still runs) and new proposals are made for the participant and for the opening. ' +
      'CONFLICT when the placement is not ACTIVE.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async endPlacementEarly(
    @Args('input') input: EndPlacementEarlyInput,
    @CurrentUser() caller: Principal,
  ): Promise<PlacementType> {
    return this.view(await this.lifecycle.endEarly(caller, input));
  }

  @Mutation(() => PlacementType, {
    description:
      'Moves the period of a PLANNED or ACTIVE placement; the scheduled follow-ups move with it. CONFLICT when it ' +
      'would overlap another placement of the participant; BAD_USER_INPUT when an ACTIVE one would start after ' +
      'today or end today or earlier, before its planned end (use endPlacementEarly).',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async reschedulePlacement(
    @Args('input') input: ReschedulePlacementInput,
    @CurrentUser() caller: Principal,
  ): Promise<PlacementType> {
    return this.view(await this.lifecycle.reschedule(caller, input));
  }

  @Mutation(() => PlacementType, {
    description:
      'PLANNED → CANCELLED before it started, with a note; the place goes back as with an early end. CONFLICT when ' +
      'the placement is not PLANNED.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async cancelPlacement(
    @Args('input') input: CancelPlacementInput,
    @CurrentUser() caller: Principal,
  ): Promise<PlacementType> {
    return this.view(await this.lifecycle.cancel(caller, input.placementId, input.note));
  }

  @Query(() => PlacementPage, {
    description: "Placements of your organisation's participants, newest confirmation first.",
  })
  @Allow(Role.ADMIN, Role.COACH)
  async placements(
    @Args() args: PlacementsArgs,
    @CurrentUser() caller: Principal,
  ): Promise<Page<PlacementType>> {
    const page = await this.placementsService.list(caller, args);
    return { ...page, nodes: await this.views.forCoaches(page.nodes) };
  }

  @Query(() => PlacementType, {
    description: "A placement of your organisation's participant; FORBIDDEN for another organisation's.",
  })
  @Allow(Role.ADMIN, Role.COACH)
  async placement(@IdArg() id: string, @CurrentUser() caller: Principal): Promise<PlacementType> {
    return this.view(await this.placementsService.get(caller, id));
  }

  @Query(() => EmployerPlacementPage, {
    description:
      "Placements in your organisation's openings, newest confirmation first, with the introduction. A first name " +
      'shown is audit-logged.',
  })
  @Allow(Role.EMPLOYER)
  async employerPlacements(
    @Args() args: EmployerPlacementsArgs,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<EmployerPlacementType>> {
    const page = await this.placementsService.listForEmployer(caller, args);
    return {
      ...page,
      nodes: await this.views.forEmployers(
        caller,
        page.nodes,
        selectedFieldNames(info).has('firstName'),
        'query employerPlacements',
      ),
    };
  }

  @Query(() => EmployerPlacementType, {
    description:
      "A placement in one of your organisation's openings, with the introduction; FORBIDDEN for another's. A first " +
      'name shown is audit-logged.',
  })
  @Allow(Role.EMPLOYER)
  async employerPlacement(
    @IdArg() id: string,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EmployerPlacementType> {
    const placement = await this.placementsService.getForEmployer(caller, id);
    const [view] = await this.views.forEmployers(
      caller,
      [placement],
      selectedFieldNames(info).has('firstName'),
      'query employerPlacement',
    );
    return view!;
  }
}

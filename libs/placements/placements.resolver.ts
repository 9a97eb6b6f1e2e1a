import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { PageOf, type Page } from '#libs/pagination';
import { selectedFieldNames } from '#libs/participants';
import { IdArg } from '#libs/validation';
import { ConfirmProposalInput, EmployerPlacementsArgs, PlacementsArgs } from './dtos/placement.inputs.js';
import { EmployerPlacementType, PlacementType } from './dtos/placement.type.js';
import { PlacementViews } from './placement-views.js';
import { PlacementsService } from './placements.service.js';

const PlacementPage = PageOf(PlacementType, 'Placement');
const EmployerPlacementPage = PageOf(EmployerPlacementType, 'EmployerPlacement');

@Resolver()
export class PlacementsResolver {
  constructor(
    private readonly placementsService: PlacementsService,
    private readonly views: PlacementViews,
  ) {}

  @Mutation(() => PlacementType, {
    description:
      "Confirms a PROPOSED proposal of your organisation's participant: takes one place of the opening (FILLED with " +
      'the last one, which expires its other proposals) and makes a PLANNED placement for its period, all at once. ' +
      'CONFLICT, with nothing written, when the proposal is decided already, the opening has no place left or is ' +
      'not published, or the participant is already placed in an overlapping period.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async confirmProposal(
    @Args('input') input: ConfirmProposalInput,
    @CurrentUser() caller: Principal,
  ): Promise<PlacementType> {
    const placement = await this.placementsService.confirm(caller, input.proposalId);
    const [view] = await this.views.forCoaches([placement]);
    return view!;
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
    const [view] = await this.views.forCoaches([await this.placementsService.get(caller, id)]);
    return view!;
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

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { AppError } from '#libs/errors';
import { mapPage, PageOf, type Page } from '#libs/pagination';
import { IdArg } from '#libs/validation';
import {
  CreateOrganisationInput,
  OrganisationsArgs,
  SearchOrganisationsArgs,
  UpdateOrganisationInput,
} from './dtos/organisation.inputs.js';
import { OrganisationType } from './dtos/organisation.type.js';
import { OrganisationsService } from './organisations.service.js';

const OrganisationPage = PageOf(OrganisationType, 'Organisation');

@Resolver(() => OrganisationType)
export class OrganisationsResolver {
  constructor(private readonly organisationsService: OrganisationsService) {}

  @Query(() => OrganisationPage, { description: 'All organisations, by name. Admins and coaches.' })
  @Allow(Role.ADMIN, Role.COACH)
  async organisations(@Args() args: OrganisationsArgs): Promise<Page<OrganisationType>> {
    return mapPage(await this.organisationsService.list(args), OrganisationType.from);
  }

  @Query(() => OrganisationType, {
    description: 'Admins and coaches: any organisation; employers: their own.',
  })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  async organisation(@IdArg() id: string, @CurrentUser() caller: Principal): Promise<OrganisationType> {
    if (caller.role === Role.EMPLOYER && caller.organisationId !== id) throw AppError.forbidden();
    return OrganisationType.from(await this.organisationsService.get(id));
  }

  @Query(() => [OrganisationType], { description: 'Typo-tolerant lookup by name or organisationsnummer.' })
  @Allow(Role.ADMIN, Role.COACH)
  async searchOrganisations(@Args() args: SearchOrganisationsArgs): Promise<OrganisationType[]> {
    return (await this.organisationsService.search(args)).map(OrganisationType.from);
  }

  @Mutation(() => OrganisationType)
  @Allow(Role.ADMIN)
  async createOrganisation(@Args('input') input: CreateOrganisationInput): Promise<OrganisationType> {
    return OrganisationType.from(await this.organisationsService.create(input));
  }

  @Mutation(() => OrganisationType)
  @Allow(Role.ADMIN)
  async updateOrganisation(
    @IdArg() id: string,
    @Args('input') input: UpdateOrganisationInput,
    @CurrentUser() caller: Principal,
  ): Promise<OrganisationType> {
    return OrganisationType.from(await this.organisationsService.update(caller, id, input));
  }
}

import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { IdArg } from '#libs/validation';
import { CompetenceProfilesService } from './competence-profiles.service.js';
import { UpdateCompetenceProfileInput } from './dtos/competence-profile.inputs.js';
import { CompetenceProfileType } from './dtos/competence-profile.type.js';
import { ProfileStatus } from './profile-status.js';
import { requestedCoachOnlyFields } from './requested-personal-fields.js';

/** The coach's side of the competence profile, coach-only fields included. */
@Resolver(() => CompetenceProfileType)
export class CompetenceProfilesResolver {
  constructor(private readonly profilesService: CompetenceProfilesService) {}

  /** The coach view, after the coach-only fields the query asks for are written to the audit log. */
  private async show(
    caller: Principal,
    profile: Parameters<CompetenceProfilesService['toType']>[0][number],
    info: GraphQLResolveInfo,
    purpose: string,
  ): Promise<CompetenceProfileType> {
    await this.profilesService.auditCoachOnlyRead(caller, profile, requestedCoachOnlyFields(info), purpose);
    const [shown] = await this.profilesService.toType([profile]);
    return shown!;
  }

  @Query(() => CompetenceProfileType, {
    description: "A participant's whole competence profile. Coaches and admins.",
  })
  @Allow(Role.ADMIN, Role.COACH)
  async competenceProfile(
    @IdArg('participantId') participantId: string,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CompetenceProfileType> {
    const profile = await this.profilesService.get(caller, participantId);
    return this.show(caller, profile, info, 'query competenceProfile');
  }

  @Mutation(() => CompetenceProfileType, {
    description: 'Changes the profile; lists given replace the whole list.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async updateCompetenceProfile(
    @IdArg('participantId') participantId: string,
    @Args('input') input: UpdateCompetenceProfileInput,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CompetenceProfileType> {
    const profile = await this.profilesService.update(caller, participantId, input);
    return this.show(caller, profile, info, 'mutation updateCompetenceProfile');
  }

  @Mutation(() => CompetenceProfileType, {
    description: 'DRAFT → PUBLISHED (needs consent) → PAUSED | PLACED → ARCHIVED; DRAFT again unpublishes.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async setProfileStatus(
    @IdArg('participantId') participantId: string,
    @Args('status', { type: () => ProfileStatus }) status: ProfileStatus,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CompetenceProfileType> {
    const profile = await this.profilesService.setStatus(caller, participantId, status);
    return this.show(caller, profile, info, 'mutation setProfileStatus');
  }
}

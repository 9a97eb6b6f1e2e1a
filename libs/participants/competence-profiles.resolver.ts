import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { IdArg } from '#libs/validation';
import { CompetenceProfilesService } from './competence-profiles.service.js';
import { UpdateCompetenceProfileInput } from './dtos/competence-profile.inputs.js';
import { CompetenceProfileType } from './dtos/competence-profile.type.js';
import { ProfileStatus } from './profile-status.js';

/** The coach's side of the competence profile, coach-only fields included. */
@Resolver(() => CompetenceProfileType)
export class CompetenceProfilesResolver {
  constructor(private readonly profilesService: CompetenceProfilesService) {}

  @Query(() => CompetenceProfileType, {
    description: "A participant's whole competence profile. Coaches and admins.",
  })
  @Allow(Role.ADMIN, Role.COACH)
  async competenceProfile(
    @IdArg('participantId') participantId: string,
    @CurrentUser() caller: Principal,
  ): Promise<CompetenceProfileType> {
    const [profile] = await this.profilesService.toType([
      await this.profilesService.get(caller, participantId),
    ]);
    return profile!;
  }

  @Mutation(() => CompetenceProfileType, {
    description: 'Changes the profile; lists given replace the whole list.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async updateCompetenceProfile(
    @IdArg('participantId') participantId: string,
    @Args('input') input: UpdateCompetenceProfileInput,
    @CurrentUser() caller: Principal,
  ): Promise<CompetenceProfileType> {
    const [profile] = await this.profilesService.toType([
      await this.profilesService.update(caller, participantId, input),
    ]);
    return profile!;
  }

  @Mutation(() => CompetenceProfileType, {
    description: 'DRAFT → PUBLISHED (needs consent) → PAUSED | PLACED → ARCHIVED; DRAFT again unpublishes.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async setProfileStatus(
    @IdArg('participantId') participantId: string,
    @Args('status', { type: () => ProfileStatus }) status: ProfileStatus,
    @CurrentUser() caller: Principal,
  ): Promise<CompetenceProfileType> {
    const [profile] = await this.profilesService.toType([
      await this.profilesService.setStatus(caller, participantId, status),
    ]);
    return profile!;
  }
}

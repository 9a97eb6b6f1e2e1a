import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { PageArgs, PageOf, type Page } from '#libs/pagination';
import { PublicIdArgs } from '../dtos/anonymised-profile.args.js';
import { AnonymisedProfileType } from '../dtos/anonymised-profile.type.js';
import { AnonymisedProfilesService } from './anonymised-profiles.service.js';

const AnonymisedProfilePage = PageOf(AnonymisedProfileType, 'AnonymisedProfile');

/** What employers browse. Coaches and admins may look too, to see exactly what employers see. */
@Resolver(() => AnonymisedProfileType)
export class AnonymisedProfilesResolver {
  constructor(private readonly projection: AnonymisedProfilesService) {}

  @Query(() => AnonymisedProfilePage, {
    description:
      'Published profiles, anonymised, newest first. An employer never sees the profile of someone placed in one ' +
      "of its organisation's openings: it knows who that is.",
  })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  anonymisedProfiles(
    @Args() args: PageArgs,
    @CurrentUser() caller: Principal,
  ): Promise<Page<AnonymisedProfileType>> {
    return this.projection.list(caller, args);
  }

  @Query(() => AnonymisedProfileType)
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  anonymisedProfile(
    @Args() args: PublicIdArgs,
    @CurrentUser() caller: Principal,
  ): Promise<AnonymisedProfileType> {
    return this.projection.get(caller, args.publicId);
  }
}

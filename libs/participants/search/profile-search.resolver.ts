import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { ProfileSearchArgs, ProfileSearchResultType } from './profile-search.dtos.js';
import { ProfileSearchService } from './profile-search.service.js';

@Resolver()
export class ProfileSearchResolver {
  constructor(private readonly profiles: ProfileSearchService) {}

  @Query(() => ProfileSearchResultType, {
    description:
      'Employer browse of the anonymised profiles: free text, filters on shown values, facet counts ("fewer than k" below K_ANONYMITY).',
  })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  searchProfiles(
    @Args() args: ProfileSearchArgs,
    @CurrentUser() caller: Principal,
  ): Promise<ProfileSearchResultType> {
    return this.profiles.searchProfiles(caller, args);
  }
}

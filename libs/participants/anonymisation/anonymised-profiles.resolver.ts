import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Role } from '#libs/access-control';
import { PageArgs, PageOf, type Page } from '#libs/pagination';
import { PublicIdArgs } from '../dtos/anonymised-profile.args.js';
import { AnonymisedProfileType } from '../dtos/anonymised-profile.type.js';
import { AnonymisedProfilesService } from './anonymised-profiles.service.js';

const AnonymisedProfilePage = PageOf(AnonymisedProfileType, 'AnonymisedProfile');

/** What employers browse. Coaches and admins may look too, to see exactly what employers see. */
@Resolver(() => AnonymisedProfileType)
export class AnonymisedProfilesResolver {
  constructor(private readonly projection: AnonymisedProfilesService) {}

  @Query(() => AnonymisedProfilePage, { description: 'Published profiles, anonymised, newest first.' })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  anonymisedProfiles(@Args() args: PageArgs): Promise<Page<AnonymisedProfileType>> {
    return this.projection.list(args);
  }

  @Query(() => AnonymisedProfileType)
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  anonymisedProfile(@Args() args: PublicIdArgs): Promise<AnonymisedProfileType> {
    return this.projection.get(args.publicId);
  }
}

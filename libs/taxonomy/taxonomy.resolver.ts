import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Role } from '#libs/access-control';
import { SearchTaxonomyArgs } from './dtos/taxonomy.args.js';
import { TaxonomyConceptType } from './dtos/taxonomy-concept.type.js';
import { TaxonomyService } from './taxonomy.service.js';

/** Lookups for forms and autocomplete in any client. The taxonomy is public data, but the API is not. */
@Resolver(() => TaxonomyConceptType)
export class TaxonomyResolver {
  constructor(private readonly taxonomyService: TaxonomyService) {}

  @Query(() => [TaxonomyConceptType], {
    description:
      'Autocomplete over occupations, skills, languages or municipalities: prefix of the label or of a word in ' +
      'it, typo tolerant, best match first.',
  })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  searchTaxonomy(@Args() args: SearchTaxonomyArgs): Promise<TaxonomyConceptType[]> {
    return this.taxonomyService.search(args.kind, args.query, args.first);
  }

  @Query(() => [TaxonomyConceptType], {
    description: 'The SUN 2020 education levels profiles use (codes 0 to 6), in order.',
  })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  educationLevels(): Promise<TaxonomyConceptType[]> {
    return this.taxonomyService.educationLevels();
  }

  @Query(() => [TaxonomyConceptType], { description: 'Every driving licence class; the label is the class.' })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  drivingLicences(): Promise<TaxonomyConceptType[]> {
    return this.taxonomyService.drivingLicences();
  }
}

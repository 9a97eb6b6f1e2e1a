import type { MultiSearchParams } from 'meilisearch';
import { Role, type Principal } from '#libs/access-control';
import type { AppConfig } from '#libs/config';
import type { SearchClient } from '#libs/search';
import type { TaxonomyService } from '#libs/taxonomy';
import type { ProfilesKnownToEmployers } from '../anonymisation/profiles-known-to-employers.js';
import type { ProfileSearchArgs } from './profile-search.dtos.js';
import { ProfileSearchService } from './profile-search.service.js';

const EMPLOYER: Principal = { userId: 'employer-user', organisationId: 'employer-org', role: Role.EMPLOYER };
const ARGS = { first: 20 } as ProfileSearchArgs;

/**
 * The search service with Meilisearch, the taxonomy and the known profiles stubbed (no services here): `knownSets`
 * are the sets ProfilesKnownToEmployers answers, one per search; every Meilisearch filter sent is recorded, and a
 * hit comes back for each profile the filter does not leave out.
 */
function service(knownSets: string[][]) {
  const filters: string[][] = [];
  const search = {
    uid: (index: string) => index,
    meilisearch: {
      multiSearch: ({ queries }: MultiSearchParams) => {
        const filter = queries[0]!.filter as string[];
        filters.push(filter);
        const hits = ['MB-A', 'MB-B', 'MB-C']
          .filter((id) => !filter.some((part) => part.startsWith('id NOT IN') && part.includes(`"${id}"`)))
          .map((id) => ({ id, experience: [], skills: [], languages: [], availability: {}, area: {} }));
        return Promise.resolve({ results: [{ hits }, { totalHits: hits.length, facetDistribution: {} }] });
      },
    },
  } as unknown as SearchClient;
  const taxonomy = {
    unknownConcepts: () => Promise.resolve([]),
    conceptsForDisplay: () => Promise.resolve([new Map(), new Map(), new Map(), new Map(), new Map()]),
  } as unknown as TaxonomyService;
  const config = { anonymity: { k: 1 } } as AppConfig;
  let call = 0;
  const known = {
    of: () => Promise.resolve(new Set(knownSets[Math.min(call++, knownSets.length - 1)])),
  } as unknown as ProfilesKnownToEmployers;
  const profiles = new ProfileSearchService(search, taxonomy, config, known);
  const hitsOf = async () =>
    (await profiles.searchProfiles(EMPLOYER, ARGS)).nodes.map((node) => node.publicId).sort();
  return { hitsOf, filters };
}

describe('ProfileSearchService and the profiles an employer knows', () => {
  it('searches once while the set is the one its last search left out', async () => {
    const { hitsOf, filters } = service([['MB-A'], ['MB-A']]);
    expect(await hitsOf()).toEqual(['MB-B', 'MB-C']);
    filters.length = 0;
    expect(await hitsOf()).toEqual(['MB-B', 'MB-C']);
    expect(filters).toEqual([['id NOT IN ["MB-A"]']]);
  });

  it('searches again, and answers from that, when the employer came to know someone since its last search', async () => {
    const { hitsOf, filters } = service([['MB-A'], ['MB-A', 'MB-B']]);
    expect(await hitsOf()).toEqual(['MB-B', 'MB-C']);
    filters.length = 0;
    expect(await hitsOf()).toEqual(['MB-C']);
    expect(filters).toEqual([['id NOT IN ["MB-A"]'], ['id NOT IN ["MB-A", "MB-B"]']]);
  });

  it('leaves out someone the employer knows from its very first search', async () => {
    const { hitsOf } = service([['MB-C']]);
    expect(await hitsOf()).toEqual(['MB-A', 'MB-B']);
  });
});

import { Logger } from '@nestjs/common';
import { MeilisearchApiError, type MultiSearchParams } from 'meilisearch';
import { Role, type Principal } from '#libs/access-control';
import type { AppConfig } from '#libs/config';
import { AppError, ErrorCode, type FieldProblem } from '#libs/errors';
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
function service(
  knownSets: string[][],
  {
    unknownConcepts = () => Promise.resolve([]),
    searchFails = false,
    filterRefused = false,
  }: StubOptions = {},
) {
  const filters: string[][] = [];
  const search = {
    uid: (index: string) => index,
    meilisearch: {
      multiSearch: ({ queries }: MultiSearchParams) => {
        const filter = queries[0]!.filter as string[];
        filters.push(filter);
        if (searchFails) return Promise.reject(new Error('Meilisearch unreachable'));
        if (filterRefused)
          return Promise.reject(
            new MeilisearchApiError(new Response(null, { status: 400 }), {
              message: 'Invalid syntax for the filter parameter',
              code: 'invalid_search_filter',
              type: 'invalid_request',
              link: 'https://docs.meilisearch.com/errors#invalid_search_filter',
            }),
          );
        const hits = ['MB-A', 'MB-B', 'MB-C']
          .filter((id) => !filter.some((part) => part.startsWith('id NOT IN') && part.includes(`"${id}"`)))
          .map((id) => ({ id, experience: [], skills: [], languages: [], availability: {}, area: {} }));
        return Promise.resolve({ results: [{ hits }, { totalHits: hits.length, facetDistribution: {} }] });
      },
    },
  } as unknown as SearchClient;
  const taxonomy = {
    unknownConcepts,
    conceptsForDisplay: () => Promise.resolve([new Map(), new Map(), new Map(), new Map(), new Map()]),
  } as unknown as TaxonomyService;
  const config = { anonymity: { k: 1 } } as AppConfig;
  let call = 0;
  const known = {
    hiddenInSearch: () => Promise.resolve(new Set(knownSets[Math.min(call++, knownSets.length - 1)])),
  } as unknown as ProfilesKnownToEmployers;
  const profiles = new ProfileSearchService(search, taxonomy, config, known);
  const hitsOf = async () =>
    (await profiles.searchProfiles(EMPLOYER, ARGS)).nodes.map((node) => node.publicId).sort();
  const searchWith = (args: ProfileSearchArgs = ARGS) => profiles.searchProfiles(EMPLOYER, args);
  return { hitsOf, filters, searchWith };
}

interface StubOptions {
  /** What the taxonomy answers for the filter's concept ids. */
  unknownConcepts?: () => Promise<FieldProblem[]>;
  /** Meilisearch fails every search. */
  searchFails?: boolean;
  /** Meilisearch refuses every filter (as it does while the index's settings are not applied yet). */
  filterRefused?: boolean;
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

describe('ProfileSearchService and the check of the filter', () => {
  const UNKNOWN_AREA = { filter: { areaConceptId: 'no-such-area' }, first: 20 } as ProfileSearchArgs;
  const PROBLEM: FieldProblem = { field: 'filter.areaConceptId', message: 'is not a known area concept id' };

  it('searches while the taxonomy checks the filter, not after', async () => {
    let answer!: (problems: FieldProblem[]) => void;
    const checked = new Promise<FieldProblem[]>((resolve) => (answer = resolve));
    const { searchWith, filters } = service([[]], { unknownConcepts: () => checked });
    const searching = searchWith(UNKNOWN_AREA);
    await new Promise((resolve) => setImmediate(resolve));
    expect(filters).toEqual([['areaIds = "no-such-area"']]);
    answer([]);
    expect((await searching).nodes).toHaveLength(3);
  });

  it('answers BAD_USER_INPUT on the field for an unknown concept, whatever the search found', async () => {
    const { searchWith } = service([[]], { unknownConcepts: () => Promise.resolve([PROBLEM]) });
    const refusal = await searchWith(UNKNOWN_AREA).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe(ErrorCode.BadUserInput);
    expect((refusal as AppError).details.fields).toEqual([PROBLEM]);
  });

  it('answers BAD_USER_INPUT, not the search failure, when both go wrong', async () => {
    const { searchWith } = service([[]], {
      unknownConcepts: () => Promise.resolve([PROBLEM]),
      searchFails: true,
    });
    const refusal = await searchWith(UNKNOWN_AREA).catch((error: unknown) => error);
    expect((refusal as AppError).code).toBe(ErrorCode.BadUserInput);
  });

  it('warns of an unready index only for a filter the taxonomy knows', async () => {
    const warned: unknown[] = [];
    const warn = Logger.prototype.warn;
    Logger.prototype.warn = (message: unknown) => void warned.push(message);
    try {
      const refused = service([[]], {
        unknownConcepts: () => Promise.resolve([PROBLEM]),
        filterRefused: true,
      });
      await expect(refused.searchWith(UNKNOWN_AREA)).rejects.toBeInstanceOf(AppError);
      expect(warned).toEqual([]);
      const known = service([[]], { filterRefused: true });
      expect((await known.searchWith(UNKNOWN_AREA)).nodes).toEqual([]);
      expect(warned).toEqual([expect.objectContaining({ code: 'invalid_search_filter' })]);
    } finally {
      Logger.prototype.warn = warn;
    }
  });

  it("refuses a value not of a concept id's form on its field before anything runs", async () => {
    let checks = 0;
    const { searchWith, filters } = service([[]], {
      unknownConcepts: () => {
        checks++;
        return Promise.resolve([]);
      },
    });
    const args = { filter: { skillConceptIds: ['xxxx_xxx_xxx', 'x" OR skillIds EXISTS'] }, first: 20 };
    const refusal = await searchWith(args as ProfileSearchArgs).catch((error: unknown) => error);
    expect((refusal as AppError).code).toBe(ErrorCode.BadUserInput);
    expect((refusal as AppError).details.fields).toEqual([
      { field: 'filter.skillConceptIds[1]', message: 'is not a concept id' },
    ]);
    // Neither Meilisearch nor the taxonomy was asked.
    expect(filters).toEqual([]);
    expect(checks).toBe(0);
  });

  it('passes the search failure on when the filter is known', async () => {
    const { searchWith } = service([[]], { searchFails: true });
    await expect(searchWith(UNKNOWN_AREA)).rejects.toThrow('Meilisearch unreachable');
  });
});

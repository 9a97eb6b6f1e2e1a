import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { MultiSearchParams, SearchResponse } from 'meilisearch';
import type { Principal } from '#libs/access-control';
import { AppConfig } from '#libs/config';
import { AppError, type FieldProblem } from '#libs/errors';
import { SearchClient, SearchIndex, indexNotReady } from '#libs/search';
import {
  TaxonomyKind,
  TaxonomyService,
  malformedConcepts,
  type ConceptReference,
  type TaxonomyConceptType,
} from '#libs/taxonomy';
import { PLACEMENT_KIND_LABELS, PlacementKind, SwedishLevel } from '#libs/vocabulary';
import { ProfilesKnownToEmployers } from '../anonymisation/profiles-known-to-employers.js';
import type { AnonymisedProfileType } from '../dtos/anonymised-profile.type.js';
import {
  PROFILE_INDEX_SETTINGS,
  SHOWN_KEYS,
  epochDay,
  swedishRank,
  type ProfileDocument,
} from './profile-document.js';
import type {
  FacetCountType,
  FacetValueType,
  ProfileSearchArgs,
  ProfileSearchFacetsType,
  ProfileSearchFilter,
  ProfileSearchResultType,
} from './profile-search.dtos.js';

/** The facet of each dimension employers see counts for. */
const FACETS = {
  occupations: 'occupationIds',
  skills: 'skillIds',
  languages: 'languageIds',
  areas: 'areaIds',
  swedishLevels: 'swedishLevel',
  drivingLicences: 'licenceClasses',
  placementKinds: 'wantedKinds',
} as const satisfies Record<keyof ProfileSearchFacetsType, string>;

const MAX_OFFSET = PROFILE_INDEX_SETTINGS.pagination!.maxTotalHits!;

const SWEDISH_LEVEL_LABELS: Record<SwedishLevel, string> = {
  [SwedishLevel.SFI_A]: 'SFI A',
  [SwedishLevel.SFI_B]: 'SFI B',
  [SwedishLevel.SFI_C]: 'SFI C',
  [SwedishLevel.SFI_D]: 'SFI D',
  [SwedishLevel.SVA]: 'Svenska som andraspråk',
};

const NOT_A_CURSOR = 'is not a cursor returned by this search';

const NONE_HIDDEN: ReadonlySet<string> = new Set();
/** Employer users whose last set of hidden profiles is kept (see searchProfiles). */
const LAST_HIDDEN_MAX = 10_000;

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}

/**
 * Employer browse over the profiles index (the API's search-only key): free text, filters on shown values, offset
 * pages behind an opaque cursor, and facet counts per dimension. Every count below K_ANONYMITY, the total too, is
 * given as "fewer than k", never exactly.
 */
@Injectable()
export class ProfileSearchService {
  constructor(
    private readonly search: SearchClient,
    private readonly taxonomy: TaxonomyService,
    private readonly config: AppConfig,
    private readonly known: ProfilesKnownToEmployers,
  ) {}

  private readonly logger = new Logger(ProfileSearchService.name);
  /** The set of profiles each user's last search left out (ProfilesKnownToEmployers.hiddenInSearch), while any. */
  private readonly lastHidden = new LRUCache<string, ReadonlySet<string>>({ max: LAST_HIDDEN_MAX });

  async searchProfiles(caller: Principal, args: ProfileSearchArgs): Promise<ProfileSearchResultType> {
    const offset = args.after ? decodeCursor(args.after) : 0;
    const filterGiven = args.filter ?? {};
    const concepts = filterConcepts(filterGiven);
    // A value not even of a concept id's form is refused before anything runs.
    const malformed = malformedConcepts(concepts);
    if (malformed.length > 0) throw AppError.badInputs(malformed);
    const filter = filterExpression(filterGiven);
    // Never the people the employer knows, nor a document on its way out of the index (ProfilesKnownToEmployers.
    // hiddenInSearch): not in the hits, the total or the facets. Their current set is read while Meilisearch already
    // searches without the set this caller's last search left out (almost always the same); should it have changed
    // (a confirmation since, say), the search runs again with the new set. So a confirmation, an unpublished profile
    // or an erasure is out of the next search at once, and the read does not wait before the search.
    // The filter's concept ids are checked against the taxonomy meanwhile too: an unknown (well-formed) id matches
    // nothing in Meilisearch (every value is quoted), and the answer is BAD_USER_INPUT on its field whatever the
    // search did.
    const assumed = this.lastHidden.get(caller.userId) ?? NONE_HIDDEN;
    const [problems, hiddenNow, searched] = await Promise.allSettled([
      this.filterProblems(concepts, filterGiven.drivingLicences),
      this.known.hiddenInSearch(caller),
      this.multiSearch(filter, assumed, offset, args),
    ]);
    const unknown = settledValue(problems);
    if (unknown.length > 0) throw AppError.badInputs(unknown);
    const hidden = settledValue(hiddenNow);
    const first = settledValue(searched);
    const found = sameSet(hidden, assumed) ? first : await this.multiSearch(filter, hidden, offset, args);
    // Told only for a filter the taxonomy knows: Meilisearch also answers invalid_search_filter to a refused value.
    // The code only: Meilisearch's message quotes the filter, which holds the pseudonyms the employer knows.
    if (found.notReady && found.notReady !== 'index_not_found')
      this.logger.warn({
        message: 'Profiles index not ready yet: search answered empty',
        code: found.notReady,
      });
    if (hidden.size > 0) this.lastHidden.set(caller.userId, hidden);
    else this.lastHidden.delete(caller.userId);
    const { hits, total, distribution } = found;
    const end = offset + hits.length;
    return {
      nodes: hits.map(toAnonymisedProfile),
      pageInfo: {
        hasNextPage: end < Math.min(total, MAX_OFFSET),
        endCursor: hits.length > 0 ? encodeCursor(end) : null,
      },
      total: this.count(total),
      facets: await this.facets(distribution),
    };
  }

  /** The page of hits, the total and the facet counts of one search, leaving out the profiles `hidden`. */
  private async multiSearch(
    expression: string[],
    hidden: ReadonlySet<string>,
    offset: number,
    args: ProfileSearchArgs,
  ): Promise<{
    hits: ProfileDocument[];
    total: number;
    distribution: Record<string, Record<string, number>>;
    /** Why the answer is empty although the search did not run: the index is not ready (`indexNotReady`). */
    notReady?: string;
  }> {
    const filter =
      hidden.size > 0
        ? [...expression, `id NOT IN [${[...hidden].map((id) => JSON.stringify(id)).join(', ')}]`]
        : expression;
    const indexUid = this.search.uid(SearchIndex.Profiles);
    const q = args.query?.trim() ?? '';
    const queries: MultiSearchParams = {
      queries: [
        { indexUid, q, filter, offset, limit: args.first, attributesToRetrieve: [...SHOWN_KEYS] },
        // Page mode counts exhaustively: the total and the facet counts are exact before they are suppressed.
        { indexUid, q, filter, page: 1, hitsPerPage: 0, facets: Object.values(FACETS) },
      ],
    };
    try {
      const { results } = await this.search.meilisearch.multiSearch(queries);
      const [page, counts] = results as unknown as [SearchResponse<ProfileDocument>, SearchResponse];
      return { hits: page.hits, total: counts.totalHits ?? 0, distribution: counts.facetDistribution ?? {} };
    } catch (error) {
      // Not created yet, or created and its settings not applied yet (a new index, or a release's new filterable
      // `id` before its worker started): nothing to show the employer for those seconds, rather than an error or
      // the people it knows.
      const code = indexNotReady(error);
      if (!code) throw error;
      return { hits: [], total: 0, distribution: {}, notReady: code };
    }
  }

  /** A count as employers see it: exact from k on, otherwise only "fewer than k". */
  private count(count: number): FacetCountType {
    const k = this.config.anonymity.k;
    return count >= k ? { count, fewerThan: null } : { count: null, fewerThan: k };
  }

  /**
   * What of the filter's `concepts` and `drivingLicences` the taxonomy does not know, each on its field
   * (`filter.<field>[i]`): concept ids of the wrong kind or none, driving licence classes that do not exist. Empty
   * when all is known.
   */
  private async filterProblems(
    concepts: ConceptReference[],
    drivingLicences: string[] | undefined,
  ): Promise<FieldProblem[]> {
    // The concept ids in one query, the licence classes beside it; their problems in the order of the fields.
    const checkLicences = async (licences: string[] | undefined): Promise<FieldProblem[]> => {
      if (!licences?.length) return [];
      const classes = new Set((await this.taxonomy.drivingLicences()).map((licence) => licence.code));
      return licences.flatMap((licence, i) =>
        classes.has(licence)
          ? []
          : [{ field: `filter.drivingLicences[${i}]`, message: 'is not a known driving licence class' }],
      );
    };
    return (
      await Promise.all([this.taxonomy.unknownConcepts(concepts), checkLicences(drivingLicences)])
    ).flat();
  }

  /** Facet values with their labels, most profiles first; the counts suppressed below k. */
  private async facets(
    distribution: Record<string, Record<string, number>>,
  ): Promise<ProfileSearchFacetsType> {
    const values = (facet: string) => Object.keys(distribution[facet] ?? {});
    const [occupations, skills, languages, municipalities, counties] = await this.taxonomy.conceptsForDisplay(
      [
        { kind: TaxonomyKind.OCCUPATION, ids: values(FACETS.occupations) },
        { kind: TaxonomyKind.SKILL, ids: values(FACETS.skills) },
        { kind: TaxonomyKind.LANGUAGE, ids: values(FACETS.languages) },
        { kind: TaxonomyKind.MUNICIPALITY, ids: values(FACETS.areas) },
        { kind: TaxonomyKind.COUNTY, ids: values(FACETS.areas) },
      ],
    );
    const labelled =
      (concepts: Map<string, TaxonomyConceptType>[]) =>
      (value: string): string =>
        concepts.map((map) => map.get(value)?.label).find((label) => label !== undefined) ?? value;
    const dimension = (facet: string, label: (value: string) => string): FacetValueType[] =>
      Object.entries(distribution[facet] ?? {})
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
        .map(([value, count]) => ({ value, label: label(value), count: this.count(count) }));
    return {
      occupations: dimension(FACETS.occupations, labelled([occupations])),
      skills: dimension(FACETS.skills, labelled([skills])),
      languages: dimension(FACETS.languages, labelled([languages])),
      areas: dimension(FACETS.areas, labelled([municipalities, counties])),
      swedishLevels: dimension(
        FACETS.swedishLevels,
        (value) => SWEDISH_LEVEL_LABELS[value as SwedishLevel] ?? value,
      ),
      drivingLicences: dimension(FACETS.drivingLicences, (value) => value),
      placementKinds: dimension(
        FACETS.placementKinds,
        (value) => PLACEMENT_KIND_LABELS[value as PlacementKind] ?? value,
      ),
    };
  }
}

/** The concept ids of `filter`, each with its field and the kinds it may be of. */
function filterConcepts(filter: ProfileSearchFilter): ConceptReference[] {
  return [
    { kind: TaxonomyKind.OCCUPATION, field: 'filter.occupationConceptIds', ids: filter.occupationConceptIds },
    { kind: TaxonomyKind.SKILL, field: 'filter.skillConceptIds', ids: filter.skillConceptIds },
    { kind: TaxonomyKind.LANGUAGE, field: 'filter.languageConceptIds', ids: filter.languageConceptIds },
    {
      kind: [TaxonomyKind.MUNICIPALITY, TaxonomyKind.COUNTY],
      field: 'filter.areaConceptId',
      ids: filter.areaConceptId,
    },
  ];
}

/**
 * The Meilisearch filter for `filter`. Every value is quoted (JSON string syntax, which Meilisearch's filter syntax
 * reads alike), so a value the taxonomy does not know only matches nothing.
 */
function filterExpression(filter: ProfileSearchFilter): string[] {
  const quote = (value: string) => JSON.stringify(value);
  const expression: string[] = [];
  if (filter.occupationConceptIds?.length)
    expression.push(`occupationIds IN [${filter.occupationConceptIds.map(quote).join(', ')}]`);
  for (const id of filter.skillConceptIds ?? []) expression.push(`skillIds = ${quote(id)}`);
  for (const id of filter.languageConceptIds ?? []) expression.push(`languageIds = ${quote(id)}`);
  if (filter.minSwedishLevel) expression.push(`swedishRank >= ${swedishRank(filter.minSwedishLevel)}`);
  if (filter.areaConceptId != null) expression.push(`areaIds = ${quote(filter.areaConceptId)}`);
  if (filter.availableBy != null) expression.push(`availableFromDay <= ${epochDay(filter.availableBy)}`);
  if (filter.placementKind) expression.push(`wantedKinds = ${quote(filter.placementKind)}`);
  for (const licence of filter.drivingLicences ?? []) expression.push(`licenceClasses = ${quote(licence)}`);
  return expression;
}

/** The value of a settled promise, or its error thrown. */
function settledValue<T>(outcome: PromiseSettledResult<T>): T {
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}

/** A hit back in the shape of the employer view (its filter attributes are not retrieved). */
function toAnonymisedProfile(hit: ProfileDocument): AnonymisedProfileType {
  const {
    id,
    experience,
    skills,
    verifiedSkillIds,
    educationLevel,
    swedishLevel,
    languages,
    drivingLicences,
  } = hit;
  const { availability, area, ageBand, wantedKinds, summary } = hit;
  return {
    publicId: id,
    experience,
    skills,
    // Absent from documents written before verified skills existed, until `npm run reindex`.
    verifiedSkillIds: verifiedSkillIds ?? [],
    educationLevel,
    swedishLevel,
    languages,
    drivingLicences,
    availability,
    area,
    ageBand,
    wantedKinds,
    summary,
  };
}

/** The offset of the next page, opaque to clients. */
function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeCursor(value: string): number {
  let offset: unknown;
  try {
    offset = (JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { o?: unknown } | null)?.o;
  } catch {
    throw AppError.badInput('after', NOT_A_CURSOR);
  }
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 1 || offset > MAX_OFFSET)
    throw AppError.badInput('after', NOT_A_CURSOR);
  return offset;
}

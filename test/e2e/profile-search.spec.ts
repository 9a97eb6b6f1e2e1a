import type { INestApplicationContext } from '@nestjs/common';
import { SearchIndex } from '#libs/search';
import { errorCode, type GraphqlClient } from '../support/graphql-client.js';
import { eventually } from '../support/eventually.js';
import {
  conceptIds,
  createParticipant,
  publishProfile,
  uniquePersonnummer,
} from '../support/participants.js';
import { startWorker } from '../support/running-apps.js';
import { startStack, type Stack } from '../support/stack.js';

const K = 5;

interface Count {
  count: number | null;
  fewerThan: number | null;
}
interface FacetValue {
  value: string;
  label: string;
  count: Count;
}
interface Result {
  nodes: {
    publicId: string;
    skills: { conceptId: string }[];
    swedishLevel: string | null;
    area: { municipality: string | null; county: string | null };
    wantedKinds: string[];
    drivingLicences: string[];
    availability: { from: string | null };
  }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  total: Count;
  facets: Record<
    'occupations' | 'skills' | 'languages' | 'areas' | 'swedishLevels' | 'drivingLicences' | 'placementKinds',
    FacetValue[]
  >;
}

const SEARCH = `query($query: String, $filter: ProfileSearchFilter, $first: Int, $after: String) {
  searchProfiles(query: $query, filter: $filter, first: $first, after: $after) {
    nodes { publicId skills { conceptId } swedishLevel area { municipality county } wantedKinds drivingLicences
      availability { from } }
    pageInfo { endCursor hasNextPage }
    total { count fewerThan }
    facets {
      occupations { value label count { count fewerThan } }
      skills { value label count { count fewerThan } }
      languages { value label count { count fewerThan } }
      areas { value label count { count fewerThan } }
      swedishLevels { value label count { count fewerThan } }
      drivingLicences { value label count { count fewerThan } }
      placementKinds { value label count { count fewerThan } }
    }
  }
}`;

/**
 * Employer browse through the API (search-only key) over the profiles index the worker fills: free text, filters on
 * shown values, pages, facet counts with labels, and no count below K_ANONYMITY given exactly.
 */
describe('searchProfiles', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let employer: GraphqlClient;
  /** A skill six new profiles share, and one only two have. */
  let shared: { id: string; label: string };
  let rare: { id: string; label: string };
  let occupation: { id: string; label: string };
  let varmdo: string;
  let worker: INestApplicationContext | undefined;

  const search = async (variables: Record<string, unknown>) =>
    (await employer.ok<{ searchProfiles: Result }>(SEARCH, variables)).searchProfiles;

  beforeAll(async () => {
    // The worker starts once all eight are published: indexed one by one, the first would be shown while fewer
    // than k shared their area, and a profile is never shown more precisely than before (the disclosure floor).
    stack = await startStack({ env: { K_ANONYMITY: String(K) } });
    coach = await stack.anonymous.login('coach@varmdo.example');
    employer = await stack.anonymous.login('employer@vard.example');
    const concepts = await conceptIds(stack.environment);
    const unusedSkills = (await stack.environment.sql(
      `SELECT concept_id AS id, label FROM taxonomy_skills
       WHERE concept_id NOT IN (SELECT skill_concept_id FROM profile_skills) ORDER BY label LIMIT 2`,
    )) as { id: string; label: string }[];
    [shared, rare] = unusedSkills as [typeof shared, typeof rare];
    [occupation] = (await stack.environment.sql(
      `SELECT concept_id AS id, label FROM taxonomy_occupations
       WHERE label ~ '^[A-Za-zÅÄÖåäö]{8,14}$' ORDER BY label LIMIT 1`,
    )) as [typeof occupation];
    varmdo = await concepts.municipality('0120');
    const profile = {
      occupations: [{ occupationConceptId: occupation.id, yearsOfExperience: 2 }],
      swedishLevel: 'SVA',
      educationLevelConceptId: await concepts.educationLevel('3'),
      homeMunicipalityConceptId: varmdo,
      drivingLicenceConceptIds: [await concepts.drivingLicence('B')],
      availableFrom: '2027-01-10',
      wantedKinds: ['PRAKTIK'],
    };
    for (let i = 0; i < 6; i++) {
      const { id } = await createParticipant(coach, { personnummer: uniquePersonnummer(1990) });
      await publishProfile(coach, id, { ...profile, skillConceptIds: [shared.id] });
    }
    for (let i = 0; i < 2; i++) {
      const { id } = await createParticipant(coach, { personnummer: uniquePersonnummer(1990) });
      await publishProfile(coach, id, { ...profile, skillConceptIds: [shared.id, rare.id] });
    }
    worker = await startWorker(stack.environment.configFor('worker', {}));
    // Indexed: the eight are found (the worker relays the outbox).
    await eventually(
      () => search({ filter: { skillConceptIds: [shared.id] } }),
      (result) => result.total.count === 8,
      30_000,
    );
  });

  afterAll(async () => {
    await worker?.close();
    await stack?.close();
  });

  it('filters on shown values, pages, and counts per dimension with labels', async () => {
    const all = await search({ filter: { skillConceptIds: [shared.id] }, first: 5 });
    expect(all.total).toEqual({ count: 8, fewerThan: null });
    expect(all.nodes).toHaveLength(5);
    expect(all.pageInfo.hasNextPage).toBe(true);
    const next = await search({
      filter: { skillConceptIds: [shared.id] },
      first: 5,
      after: all.pageInfo.endCursor,
    });
    expect(next.nodes).toHaveLength(3);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const ids = [...all.nodes, ...next.nodes].map((node) => node.publicId);
    expect(new Set(ids).size).toBe(8);
    expect(all.facets.skills.find((value) => value.value === shared.id)).toEqual({
      value: shared.id,
      label: shared.label,
      count: { count: 8, fewerThan: null },
    });
    expect(all.facets.occupations.find((value) => value.value === occupation.id)).toMatchObject({
      label: occupation.label,
    });
    expect(all.facets.placementKinds).toEqual([
      { value: 'PRAKTIK', label: 'Praktik', count: { count: 8, fewerThan: null } },
    ]);
    expect(all.facets.areas.map((area) => area.label)).toEqual(
      expect.arrayContaining(['Värmdö', 'Stockholms län']),
    );
    // The next page's labels come from the API's memory (each area was asked as a municipality and as a county, the
    // kind it is not remembered as absent): the same labels.
    expect(next.facets).toEqual(all.facets);

    const count = async (filter: Record<string, unknown>, query?: string) =>
      (await search({ query, filter: { skillConceptIds: [shared.id], ...filter } })).total;
    expect(await count({}, occupation.label.toLowerCase())).toEqual({ count: 8, fewerThan: null });
    expect(await count({ occupationConceptIds: [occupation.id] })).toEqual({ count: 8, fewerThan: null });
    expect(await count({ minSwedishLevel: 'SFI_D' })).toEqual({ count: 8, fewerThan: null });
    expect(await count({ areaConceptId: varmdo })).toEqual({ count: 8, fewerThan: null });
    // An area is a municipality or a county: the county's concept id filters too.
    const county = all.facets.areas.find((area) => area.label === 'Stockholms län')!.value;
    expect(await count({ areaConceptId: county })).toEqual({ count: 8, fewerThan: null });
    expect(await count({ availableBy: '2027-01-10' })).toEqual({ count: 8, fewerThan: null });
    expect(await count({ availableBy: '2027-01-09' })).toEqual({ count: null, fewerThan: K });
    expect(await count({ placementKind: 'PRAKTIK' })).toEqual({ count: 8, fewerThan: null });
    expect(await count({ placementKind: 'EXTRATJANST' })).toEqual({ count: null, fewerThan: K });
    expect(await count({ drivingLicences: ['B'] })).toEqual({ count: 8, fewerThan: null });
    expect(await count({ drivingLicences: ['C'] })).toEqual({ count: null, fewerThan: K });
    // A filter sent as null is no filter.
    expect(await count({ areaConceptId: null, availableBy: null, minSwedishLevel: null })).toEqual({
      count: 8,
      fewerThan: null,
    });

    // Without filters, every node matches what the filters say of it.
    const praktik = await search({
      filter: { placementKind: 'PRAKTIK', minSwedishLevel: 'SFI_C', areaConceptId: varmdo },
    });
    for (const node of praktik.nodes) {
      expect(node.wantedKinds).toContain('PRAKTIK');
      expect(['SFI_C', 'SFI_D', 'SVA']).toContain(node.swedishLevel);
      expect(node.area.municipality).toBe('Värmdö');
    }
  });

  it('never gives a count below k exactly: facet values and the total show "fewer than k"', async () => {
    const few = await search({ filter: { skillConceptIds: [rare.id] } });
    expect(few.total).toEqual({ count: null, fewerThan: K });
    expect(few.facets.skills.find((value) => value.value === rare.id)).toEqual({
      value: rare.id,
      label: rare.label,
      count: { count: null, fewerThan: K },
    });
    const everything = await search({});
    expect(everything.total.count).toBeGreaterThanOrEqual(K);
    const values = Object.values(everything.facets).flat();
    expect(values.find((value) => value.value === rare.id)?.count).toEqual({ count: null, fewerThan: K });
    for (const { count } of values) {
      if (count.count === null) expect(count.fewerThan).toBe(K);
      else expect([count.count >= K, count.fewerThan]).toEqual([true, null]);
    }
  });

  it('leaves out at once a profile whose document is on its way out of the index', async () => {
    const sql = stack.environment.sql;
    const [{ id, public_id: publicId }] = (await sql(
      `SELECT p.id, p.public_id FROM competence_profiles p
         JOIN profile_skills s ON s.profile_id = p.id AND s.skill_concept_id = $1
        ORDER BY p.public_id LIMIT 1`,
      [shared.id],
    )) as Array<{ id: string; public_id: string }>;
    // Paused, and its document's removal still in the outbox (held back): as if the worker had not got to it yet.
    const [{ id: held }] = (await sql(
      `INSERT INTO outbox_messages (kind, payload, available_at)
       VALUES ('SEARCH_SYNC', jsonb_build_object('index', 'profiles', 'id', $1::text), now() + interval '1 hour')
       RETURNING id`,
      [publicId],
    )) as Array<{ id: string }>;
    await sql(`UPDATE competence_profiles SET status = 'PAUSED' WHERE id = $1`, [id]);
    try {
      const result = await search({ filter: { skillConceptIds: [shared.id] }, first: 20 });
      expect(result.total).toEqual({ count: 7, fewerThan: null });
      expect(result.nodes.map((node) => node.publicId)).not.toContain(publicId);
      // The document itself is still there.
      const profiles = stack.environment.meilisearchAdmin.index(
        `${stack.environment.workerConfig.search.indexPrefix}${SearchIndex.Profiles}`,
      );
      expect((await profiles.getDocument(publicId)).id).toBe(publicId);
    } finally {
      await sql(`UPDATE competence_profiles SET status = 'PUBLISHED' WHERE id = $1`, [id]);
      await sql('UPDATE outbox_messages SET available_at = now() WHERE id = $1', [held]);
    }
    await eventually(
      () => search({ filter: { skillConceptIds: [shared.id] }, first: 20 }),
      (result) => result.total.count === 8 && result.nodes.some((node) => node.publicId === publicId),
      30_000,
    );
  });

  it('answers empty, not INTERNAL, while the index exists without its settings', async () => {
    // As Meilisearch shows a new index while the settings task that creates it still runs: no attribute filterable.
    const profiles = stack.environment.meilisearchAdmin.index(
      `${stack.environment.workerConfig.search.indexPrefix}${SearchIndex.Profiles}`,
    );
    const { filterableAttributes } = await profiles.getSettings();
    await profiles.resetFilterableAttributes().waitTask();
    try {
      const bare = await employer.request<{ searchProfiles: Result }>(SEARCH, {
        filter: { skillConceptIds: [shared.id] },
      });
      expect(bare.errors).toBeUndefined();
      expect(bare.data!.searchProfiles.nodes).toEqual([]);
      expect(bare.data!.searchProfiles.total).toEqual({ count: null, fewerThan: K });
    } finally {
      await profiles.updateSettings({ filterableAttributes }).waitTask();
    }
    expect((await search({ filter: { skillConceptIds: [shared.id] } })).total.count).toBe(8);
  });

  it('offers filters on employer attributes only', async () => {
    const { __type } = await employer.ok<{ __type: { inputFields: { name: string }[] } }>(
      '{ __type(name: "ProfileSearchFilter") { inputFields { name } } }',
    );
    expect(__type.inputFields.map((field) => field.name).sort()).toEqual(
      [
        'areaConceptId',
        'availableBy',
        'drivingLicences',
        'languageConceptIds',
        'minSwedishLevel',
        'occupationConceptIds',
        'placementKind',
        'skillConceptIds',
      ].sort(),
    );
  });

  it.each([
    [{ filter: { skillConceptIds: ['placeholder', 'no-such-skill'] } }, 'filter.skillConceptIds[1]'],
    [{ filter: { occupationConceptIds: ['no-such-occupation'] } }, 'filter.occupationConceptIds[0]'],
    [{ filter: { languageConceptIds: ['no-such-language'] } }, 'filter.languageConceptIds[0]'],
    [{ filter: { areaConceptId: 'no-such-area' } }, 'filter.areaConceptId'],
    // Not of a concept id's form: refused before anything runs (and, quoted, they would only match nothing).
    [{ filter: { areaConceptId: 'x" OR areaIds EXISTS OR areaIds = "y' } }, 'filter.areaConceptId'],
    [{ filter: { skillConceptIds: ['ends in a backslash\\'] } }, 'filter.skillConceptIds[0]'],
    [{ filter: { availableBy: '2027-02-30' } }, 'filter.availableBy'],
    [{ filter: { drivingLicences: ['ZZ'] } }, 'filter.drivingLicences[0]'],
    [{ query: 'x'.repeat(201) }, 'query'],
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'garbage' }, 'after'],
    [{ after: Buffer.from(JSON.stringify({ o: -5 })).toString('base64url') }, 'after'],
  ])('refuses %j with BAD_USER_INPUT on %s', async (variables, field) => {
    const input = JSON.parse(JSON.stringify(variables).replace('placeholder', shared.id)) as Record<
      string,
      unknown
    >;
    const response = await employer.request(SEARCH, input);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.field).toBe(field);
  });
});

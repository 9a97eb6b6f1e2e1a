import { Meilisearch, MeilisearchApiError, type Settings } from 'meilisearch';
import pg from 'pg';
import { OutboxRelay } from '#libs/outbox';
import { JobStatus } from '#libs/queue';
import {
  hasDrift,
  SearchClient,
  SearchIndex,
  SearchIndexer,
  SearchReconciliation,
  canonicalJson,
} from '#libs/search';
import { eventually } from '../support/eventually.js';
import type { GraphqlClient } from '../support/graphql-client.js';
import {
  conceptIds,
  createParticipant,
  publishProfile,
  uniquePersonnummer,
} from '../support/participants.js';
import { startStack, type Stack } from '../support/stack.js';

const K = 5;

/** What AnonymisedProfile shows, each concept with the fields a profile document keeps of it. */
const SHOWN = `publicId experience { occupation { conceptId label code } yearsOfExperience } skills { conceptId label code } verifiedSkillIds
  educationLevel swedishLevel languages { conceptId label level } drivingLicences
  availability { from hoursPerWeek freeWeekdays } area { municipality county } ageBand wantedKinds summary`;

/** The allow-list: the employer view (id = publicId) and the filter attributes derived from it. */
const SHOWN_KEYS = [
  'id',
  'experience',
  'skills',
  'verifiedSkillIds',
  'educationLevel',
  'swedishLevel',
  'languages',
  'drivingLicences',
  'availability',
  'area',
  'ageBand',
  'wantedKinds',
  'summary',
];
const FILTER_KEYS = ['occupationIds', 'skillIds', 'languageIds', 'areaIds', 'licenceClasses'];
/** Absent when the value behind them is hidden or unknown. */
const OPTIONAL_KEYS = ['swedishRank', 'availableFromDay'];
const ALLOWED_KEYS = [...SHOWN_KEYS, ...FILTER_KEYS, ...OPTIONAL_KEYS];
const SWEDISH_LEVELS = ['SFI_A', 'SFI_B', 'SFI_C', 'SFI_D', 'SVA'];

type Document = Record<string, unknown> & { id: string };
interface Shown {
  publicId: string;
  experience: { occupation: { conceptId: string } }[];
  skills: { conceptId: string }[];
  swedishLevel: string | null;
  languages: { conceptId: string | null }[];
  drivingLicences: string[];
  availability: { from: string | null };
  area: { municipality: string | null; county: string | null };
}

/**
 * The profiles index against the real worker and Meilisearch: it holds exactly the employer view (nothing coach-only,
 * nothing more precise than shown), follows every write through the outbox, rewrites other profiles' documents when
 * their generalisation changes, and stays reconcilable (0 drift) and rebuildable.
 */
describe('the profiles search index', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let employer: GraphqlClient;

  const profilesIndex = () =>
    stack.environment.meilisearchAdmin.index(
      `${stack.environment.workerConfig.search.indexPrefix}${SearchIndex.Profiles}`,
    );

  async function documents(): Promise<Document[]> {
    const all: Document[] = [];
    for (let offset = 0; ; offset += 500) {
      const { results } = await profilesIndex().getDocuments<Document>({ offset, limit: 500 });
      all.push(...results);
      if (results.length < 500) return all;
    }
  }

  const documentOf = (publicId: string) =>
    profilesIndex()
      .getDocument<Document>(publicId)
      .then(
        (document) => document,
        () => null,
      );

  async function employerView(): Promise<Map<string, Shown & Record<string, unknown>>> {
    const shown = new Map<string, Shown & Record<string, unknown>>();
    let after: string | null = null;
    do {
      type Page = {
        anonymisedProfiles: {
          nodes: (Shown & Record<string, unknown>)[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      };
      const { anonymisedProfiles }: Page = await employer.ok<Page>(
        `query($after: String) { anonymisedProfiles(first: 25, after: $after) {
          nodes { ${SHOWN} } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      for (const node of anonymisedProfiles.nodes) shown.set(node.publicId, node);
      after = anonymisedProfiles.pageInfo.hasNextPage ? anonymisedProfiles.pageInfo.endCursor : null;
    } while (after);
    return shown;
  }

  const pendingOutbox = async () =>
    Number(
      (
        await stack.environment.sql('SELECT count(*) AS n FROM outbox_messages WHERE delivered_at IS NULL')
      )[0]!.n,
    );

  /** Every write delivered, and the reconciliation check reports no drift. */
  async function synced() {
    await eventually(pendingOutbox, (n) => n === 0, 30_000);
    return eventually(
      () => stack.worker!.get(SearchReconciliation).check(SearchIndex.Profiles),
      (drift) => !hasDrift(drift),
      30_000,
    );
  }

  async function publicIdOf(participantId: string): Promise<string> {
    const [row] = await stack.environment.sql(
      'SELECT public_id FROM competence_profiles WHERE participant_id = $1',
      [participantId],
    );
    return row!.public_id as string;
  }

  beforeAll(async () => {
    stack = await startStack({ worker: true, env: { K_ANONYMITY: String(K) } });
    coach = await stack.anonymous.login('coach@varmdo.example');
    employer = await stack.anonymous.login('employer@vard.example');
  });

  afterAll(() => stack?.close());

  it('holds exactly the employer view of every shown profile, and filter attributes derived only from it', async () => {
    const concepts = await conceptIds(stack.environment);
    // A profile with coach-only data and an exact municipality that the employer view generalises away.
    const { id } = await createParticipant(coach, {
      firstName: 'Hemligfornamn',
      lastName: 'Hemligefternamn',
      personnummer: uniquePersonnummer(1958),
    });
    await publishProfile(coach, id, {
      swedishLevel: 'SFI_B',
      educationLevelConceptId: await concepts.educationLevel('6'),
      homeMunicipalityConceptId: await concepts.municipality('0188'),
      establishmentPeriodEndsOn: '2027-03-01',
      priorityGroups: {
        woman: true,
        shortEducation: false,
        disability: true,
        longTermFinancialAssistance: true,
      },
      coachNotes: 'KOACHANTECKNING-4711',
      interests: ['INTRESSE-0815'],
    });
    const secretPublicId = await publicIdOf(id);
    const drift = await synced();

    const [indexed, shown] = await Promise.all([documents(), employerView()]);
    expect(indexed.length).toBe(shown.size);
    expect(drift.meilisearch).toBe(shown.size);
    const areaLabels = new Map(
      (
        await stack.environment.sql(
          'SELECT concept_id, label FROM taxonomy_municipalities UNION ALL SELECT concept_id, label FROM taxonomy_counties',
        )
      ).map((row) => [row.concept_id as string, row.label as string]),
    );
    for (const document of indexed) {
      const keys = Object.keys(document);
      expect(keys.filter((key) => !ALLOWED_KEYS.includes(key))).toEqual([]);
      expect([...SHOWN_KEYS, ...FILTER_KEYS].filter((key) => !keys.includes(key))).toEqual([]);
      const view = shown.get(document.id);
      expect(view).toBeDefined();
      // The shown part is exactly what the API shows employers.
      const { id: publicId, ...rest } = Object.fromEntries(
        Object.entries(document).filter(([key]) => SHOWN_KEYS.includes(key)),
      );
      expect(canonicalJson({ publicId, ...rest })).toBe(canonicalJson(view));
      // Filter attributes are functions of shown values only.
      expect(document.occupationIds).toEqual(view!.experience.map((e) => e.occupation.conceptId));
      expect(document.skillIds).toEqual(view!.skills.map((s) => s.conceptId));
      expect(document.languageIds).toEqual(
        view!.languages.flatMap((l) => (l.conceptId === null ? [] : [l.conceptId])),
      );
      expect(document.licenceClasses).toEqual(view!.drivingLicences);
      expect(document.swedishRank).toBe(
        view!.swedishLevel === null ? undefined : SWEDISH_LEVELS.indexOf(view!.swedishLevel),
      );
      expect(document.availableFromDay).toBe(
        view!.availability.from === null ? undefined : Date.parse(view!.availability.from) / 86_400_000,
      );
      const areaIds = document.areaIds as string[];
      expect(areaIds.map((areaId) => areaLabels.get(areaId)).sort()).toEqual(
        [view!.area.municipality, view!.area.county].filter((label) => label !== null).sort(),
      );
    }
    // Nothing coach-only, personal or exact behind a generalised value, anywhere in the index.
    const everything = JSON.stringify(indexed);
    for (const secret of [
      'KOACHANTECKNING-4711',
      'INTRESSE-0815',
      'Hemligfornamn',
      'Hemligefternamn',
      '2027-03-01',
    ])
      expect(everything).not.toContain(secret);
    const secretDocument = indexed.find((document) => document.id === secretPublicId);
    if (secretDocument) {
      // Alone in Nykvarn: never its municipality, neither as a label nor as a filter value.
      expect(secretDocument.area).toEqual(expect.objectContaining({ municipality: null }));
      expect(secretDocument.areaIds).not.toContain(await concepts.municipality('0188'));
    }
  });

  it('exposes only employer attributes in the index settings', async () => {
    const settings: Settings = await profilesIndex().getSettings();
    const root = (attribute: string) => attribute.split('.')[0]!;
    // Plain names or granular entries (libs/search filterableAttributes): every attribute named either way.
    const filterable = (settings.filterableAttributes ?? []).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : entry.attributePatterns,
    );
    for (const attributes of [
      filterable,
      settings.sortableAttributes ?? [],
      settings.searchableAttributes ?? [],
      settings.displayedAttributes ?? [],
    ]) {
      expect(attributes).not.toContain('*');
      expect(attributes.map(root).filter((attribute) => !ALLOWED_KEYS.includes(attribute))).toEqual([]);
    }
    expect(filterable.sort()).toEqual(
      [
        'areaIds',
        // The pseudonym: to leave out the profiles an employer knows the person behind.
        'id',
        'availableFromDay',
        'languageIds',
        'licenceClasses',
        'occupationIds',
        'skillIds',
        'swedishLevel',
        'swedishRank',
        'wantedKinds',
      ].sort(),
    );
    expect(settings.typoTolerance?.disableOnNumbers).toBe(true);
    expect(Object.keys(settings.synonyms ?? {}).length).toBeGreaterThan(0);
    expect(Object.keys(settings.synonyms ?? {}).length).toBeLessThanOrEqual(2_000);
  });

  it("keeps matching's candidate index out of the API key's reach: it cannot search, filter or retrieve it", async () => {
    const candidatesUid = stack.worker!.get(SearchClient).uid(SearchIndex.Candidates);
    await eventually(
      () => stack.environment.meilisearchAdmin.index(candidatesUid).getStats(),
      (stats) => stats.numberOfDocuments > 0,
      30_000,
    );
    const withApiKey = new Meilisearch({
      host: stack.environment.apiConfig.search.url,
      apiKey: stack.environment.apiConfig.search.apiKey,
    });
    const refused = (promise: Promise<unknown>) =>
      promise.then(
        () => 'allowed',
        (error: unknown) => (error instanceof MeilisearchApiError ? error.cause?.code : String(error)),
      );
    expect(await refused(withApiKey.index(candidatesUid).search('', { filter: 'swedishRank >= 0' }))).toBe(
      'invalid_api_key',
    );
    expect(await refused(withApiKey.index(candidatesUid).getDocuments())).toBe('invalid_api_key');
    // The same key does read the employer index: the refusal above is the key's scope, not a broken key.
    expect(await refused(withApiKey.index(profilesIndex().uid).search(''))).toBe('allowed');
  });

  /**
   * A language no profile speaks yet, and how to publish a new speaker of it (same area, education and Swedish level:
   * only the language sets them apart); returns the participant's id.
   */
  async function newLanguage(): Promise<{ language: string; publishSpeaker: () => Promise<string> }> {
    const concepts = await conceptIds(stack.environment);
    const [{ concept_id: language }] = (await stack.environment.sql(
      `SELECT concept_id FROM taxonomy_languages
       WHERE concept_id NOT IN (SELECT language_concept_id FROM profile_languages) ORDER BY label LIMIT 1`,
    )) as [{ concept_id: string }];
    const profile = {
      swedishLevel: 'SFI_C',
      educationLevelConceptId: await concepts.educationLevel('3'),
      homeMunicipalityConceptId: await concepts.municipality('0120'),
      languages: [{ languageConceptId: language, level: 'NATIVE' }],
    };
    const publishSpeaker = async () => {
      const { id } = await createParticipant(coach, { personnummer: uniquePersonnummer(1990) });
      await publishProfile(coach, id, profile);
      return id;
    };
    return { language, publishSpeaker };
  }

  it('rewrites the documents of profiles whose generalisation changes when others are published', async () => {
    const { language, publishSpeaker } = await newLanguage();
    const publish = async () => publicIdOf(await publishSpeaker());
    const first = [await publish(), await publish(), await publish(), await publish()];
    await synced();
    // Four speakers: a rare language, never named.
    for (const publicId of first) {
      const document = await documentOf(publicId);
      if (document) expect(document.languageIds).not.toContain(language);
    }
    // The fifth makes it common: the first four show it now, though nothing of theirs was written.
    await publish();
    await synced();
    for (const publicId of first) expect((await documentOf(publicId))?.languageIds).toContain(language);
  });

  it("rewrites a document whose own sync, claimed and read before another profile's change, is not yet marked delivered", async () => {
    const { language, publishSpeaker: publish } = await newLanguage();
    const speakers = [await publish(), await publish(), await publish(), await publish()];
    await synced();
    const relay = stack.worker!.get(OutboxRelay);
    const indexer = stack.worker!.get(SearchIndexer);
    await relay.onApplicationShutdown();
    const claimer = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await claimer.connect();
    try {
      // A relay claims the sync of an edit of the first speaker and writes its document while the language is rare.
      await coach.ok(
        'mutation($id: ID!, $input: UpdateCompetenceProfileInput!) { updateCompetenceProfile(participantId: $id, input: $input) { status } }',
        { id: speakers[0], input: { summary: 'Van vid barn i olika åldrar.' } },
      );
      const first = await publicIdOf(speakers[0]!);
      await claimer.query('BEGIN');
      const { rows: claimed } = await claimer.query(
        `SELECT id FROM outbox_messages WHERE delivered_at IS NULL AND payload->>'id' = $1 FOR UPDATE`,
        [first],
      );
      expect(claimed.length).toBeGreaterThan(0);
      await indexer.sync(SearchIndex.Profiles, [first]);
      expect((await documentOf(first))?.languageIds).not.toContain(language);
      // A fifth speaker makes it common; that sync runs before the first one's batch is marked delivered.
      const fifth = await publicIdOf(await publish());
      await indexer.sync(SearchIndex.Profiles, [fifth]);
      await claimer.query('UPDATE outbox_messages SET delivered_at = now() WHERE id = ANY($1::bigint[])', [
        claimed.map((row: { id: string }) => row.id),
      ]);
      await claimer.query('COMMIT');
    } finally {
      await claimer.end();
      relay.onApplicationBootstrap();
    }
    await synced();
    for (const id of speakers)
      expect((await documentOf(await publicIdOf(id)))?.languageIds).toContain(language);
  });

  it('writes documents again at the nightly refresh when a taxonomy import relabelled what they show', async () => {
    const concepts = await conceptIds(stack.environment);
    const [skill] = (await stack.environment.sql(
      `SELECT concept_id, label FROM taxonomy_skills
       WHERE concept_id NOT IN (SELECT skill_concept_id FROM profile_skills) ORDER BY label LIMIT 1`,
    )) as [{ concept_id: string; label: string }];
    const { id } = await createParticipant(coach, { personnummer: uniquePersonnummer(1992) });
    await publishProfile(coach, id, {
      swedishLevel: 'SFI_C',
      educationLevelConceptId: await concepts.educationLevel('3'),
      homeMunicipalityConceptId: await concepts.municipality('0120'),
      skillConceptIds: [skill.concept_id],
    });
    await synced();
    const publicId = await publicIdOf(id);
    const labelOf = async () =>
      ((await documentOf(publicId))?.skills as Array<{ conceptId: string; label: string }>).find(
        (shown) => shown.conceptId === skill.concept_id,
      )?.label;
    expect(await labelOf()).toBe(skill.label);
    const relabel = async (label: string) => {
      await stack.environment.sql('UPDATE taxonomy_skills SET label = $2 WHERE concept_id = $1', [
        skill.concept_id,
        label,
      ]);
      await stack.environment.sql(
        `INSERT INTO taxonomy_imports (fingerprint, source, counts) VALUES (gen_random_uuid()::text, 'test', '{}')`,
      );
    };
    await relabel(`${skill.label} (ny)`);
    try {
      expect(await stack.worker!.get(SearchIndexer).refresh()).toBe(JobStatus.Success);
      expect(await labelOf()).toBe(`${skill.label} (ny)`);
    } finally {
      await relabel(skill.label);
      await stack.worker!.get(SearchIndexer).refresh();
    }
    expect(await labelOf()).toBe(skill.label);
    await synced();
  });

  it('removes the document on unpublishing, consent withdrawal and erasure', async () => {
    const concepts = await conceptIds(stack.environment);
    const profile = {
      swedishLevel: 'SFI_D',
      educationLevelConceptId: await concepts.educationLevel('3'),
      homeMunicipalityConceptId: await concepts.municipality('0120'),
    };
    const participants: { id: string; publicId: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await createParticipant(coach, { personnummer: uniquePersonnummer(1988) });
      await publishProfile(coach, id, profile);
      participants.push({ id, publicId: await publicIdOf(id) });
    }
    await synced();
    const shown = await employerView();
    const visible = participants.filter((p) => shown.has(p.publicId));
    expect(visible.length).toBe(3);
    for (const { publicId } of visible) expect(await documentOf(publicId)).not.toBeNull();

    const [paused, withdrawn, erased] = participants as [
      (typeof participants)[0],
      (typeof participants)[0],
      (typeof participants)[0],
    ];
    await coach.ok('mutation($id: ID!) { setProfileStatus(participantId: $id, status: PAUSED) { status } }', {
      id: paused.id,
    });
    await coach.ok('mutation($id: ID!) { withdrawConsent(participantId: $id) { id } }', { id: withdrawn.id });
    await coach.ok('mutation($id: ID!) { eraseParticipant(id: $id) }', { id: erased.id });
    for (const { publicId } of [paused, withdrawn, erased])
      await eventually(
        () => documentOf(publicId),
        (document) => document === null,
      );
    await synced();
    const signatures = await stack.environment.sql(
      'SELECT count(*)::int AS n FROM profile_search_signatures WHERE public_id = ANY($1::text[])',
      [[paused.publicId, withdrawn.publicId, erased.publicId]],
    );
    expect(signatures[0]!.n).toBe(0);
  });

  it('reports 0 drift after a mix of writes, finds drift made behind its back, and reindexing twice gives the same documents', async () => {
    const concepts = await conceptIds(stack.environment);
    const { id } = await createParticipant(coach, { personnummer: uniquePersonnummer(1993) });
    await publishProfile(coach, id, {
      swedishLevel: 'SFI_D',
      educationLevelConceptId: await concepts.educationLevel('3'),
      homeMunicipalityConceptId: await concepts.municipality('0120'),
    });
    await coach.ok(
      'mutation($id: ID!, $input: UpdateCompetenceProfileInput!) { updateCompetenceProfile(participantId: $id, input: $input) { status } }',
      { id, input: { summary: 'Noggrann och van vid att arbeta i team.' } },
    );
    const clean = await synced();
    expect(clean).toMatchObject({ missing: 0, extra: 0, different: 0 });
    expect(clean.postgresHash).toBe(clean.meilisearchHash);

    // Drift made behind the indexer's back: one document removed, one changed, one that should not be there.
    const [gone, changed] = (await documents()).slice(0, 2);
    await profilesIndex().deleteDocument(gone!.id).waitTask();
    await profilesIndex()
      .updateDocuments([{ id: changed!.id, summary: 'ändrad' }])
      .waitTask();
    await profilesIndex()
      .addDocuments([{ ...changed!, id: 'MB-EXTRA000' }])
      .waitTask();
    const reconciliation = stack.worker!.get(SearchReconciliation);
    const drift = await reconciliation.check(SearchIndex.Profiles);
    expect(drift).toMatchObject({ missing: 1, extra: 1, different: 1 });
    expect(drift.postgresHash).not.toBe(drift.meilisearchHash);

    const indexer = stack.worker!.get(SearchIndexer);
    const firstRebuild = await indexer.rebuild(SearchIndex.Profiles);
    expect(firstRebuild.removed).toBe(1);
    const afterFirst = canonicalJson((await documents()).sort((a, b) => a.id.localeCompare(b.id)));
    expect(await reconciliation.check(SearchIndex.Profiles)).toMatchObject({
      missing: 0,
      extra: 0,
      different: 0,
    });
    const secondRebuild = await indexer.rebuild(SearchIndex.Profiles);
    expect(secondRebuild).toEqual({ ...firstRebuild, removed: 0 });
    expect(canonicalJson((await documents()).sort((a, b) => a.id.localeCompare(b.id)))).toBe(afterFirst);
    expect(await reconciliation.check(SearchIndex.Organisations)).toMatchObject({
      missing: 0,
      extra: 0,
      different: 0,
    });
  });
});

import { SearchIndex } from '#libs/search';
import { eventually } from '../support/eventually.js';
import {
  about,
  errorCode,
  notificationsOf,
  refusedAt,
  type GraphqlClient,
} from '../support/graphql-client.js';
import { CONCEPTS } from '../support/opening-track-fixtures.js';
import { conceptIds, createParticipant, publishProfile } from '../support/participants.js';
import {
  confirmedPlacement,
  inDays,
  proposalAfterMatching,
  publishedOpening,
} from '../support/placement-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';

const ISSUE = `mutation($input: IssueCompetenceCertificateInput!) { issueCompetenceCertificate(input: $input) {
  placementId skills { conceptId label } issuedAt } }`;
const CERTIFICATE = `query($id: ID!) { competenceCertificate(placementId: $id) { placementId skills { conceptId } } }`;
const DOCUMENT = `query($id: ID!) { competenceCertificateDocument(placementId: $id) { fileName contentType content } }`;

interface Certified {
  placementId: string;
  participantId: string;
  /** The pseudonym now, and before the confirmation (which renews it). */
  publicId: string;
  publicIdBefore: string;
}

/**
 * Kompetensbevis against the real API, worker, PostgreSQL and Meilisearch: the employer confirms the skills a person
 * showed in a completed placement, the profile gets them as verified (coach view, employer view and search index),
 * and the coach prints the certificate.
 */
describe('kompetensbevis', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let nackaCoach: GraphqlClient;
  let employer: GraphqlClient;
  let otherEmployer: GraphqlClient;

  const sql = (query: string, parameters?: unknown[]) => stack.environment.sql(query, parameters);
  /**
   * A participant of coach@varmdo with a published profile (skill: hygienstädning) and a placement in employer@vard's
   * opening from 60 days ago to yesterday; `complete`: started and COMPLETED (else ACTIVE).
   */
  async function placement(complete = true): Promise<Certified> {
    const concepts = await conceptIds(stack.environment);
    const { id: participantId } = await createParticipant(coach, { firstName: 'Amina', lastName: 'Hassan' });
    await publishProfile(coach, participantId, {
      occupations: [{ occupationConceptId: CONCEPTS.stadare, yearsOfExperience: 2 }],
      skillConceptIds: [CONCEPTS.hygienstadning],
      swedishLevel: 'SFI_C',
      educationLevelConceptId: await concepts.educationLevel('3'),
      languages: [{ languageConceptId: CONCEPTS.arabiska, level: 'NATIVE' }],
      homeMunicipalityConceptId: CONCEPTS.varmdo,
    });
    const pseudonym = async () =>
      (
        (await sql('SELECT public_id FROM competence_profiles WHERE participant_id = $1', [
          participantId,
        ])) as [{ public_id: string }]
      )[0].public_id;
    const publicIdBefore = await pseudonym();
    const openingId = await publishedOpening(employer, { startDate: inDays(-60), endDate: inDays(-1) });
    const placementId = await confirmedPlacement(
      coach,
      await proposalAfterMatching(stack, openingId, participantId),
    );
    const changes = complete ? ['startPlacement', 'completePlacement'] : ['startPlacement'];
    for (const change of changes)
      await coach.ok(`mutation($id: ID!) { ${change}(input: { placementId: $id }) { id } }`, {
        id: placementId,
      });
    return { placementId, participantId, publicId: await pseudonym(), publicIdBefore };
  }

  /** The profile as another employer than the one the person was placed with sees it. */
  async function verifiedForEmployer(publicId: string) {
    const { anonymisedProfile } = await otherEmployer.ok<{
      anonymisedProfile: { skills: Array<{ conceptId: string }>; verifiedSkillIds: string[] };
    }>('query($id: String!) { anonymisedProfile(publicId: $id) { skills { conceptId } verifiedSkillIds } }', {
      id: publicId,
    });
    return anonymisedProfile;
  }

  async function verifiedForCoach(participantId: string) {
    const { competenceProfile } = await coach.ok<{
      competenceProfile: { skills: Array<{ conceptId: string }>; verifiedSkillIds: string[] };
    }>(
      'query($id: ID!) { competenceProfile(participantId: $id) { skills { conceptId } verifiedSkillIds } }',
      {
        id: participantId,
      },
    );
    return competenceProfile;
  }

  async function written() {
    const [row] = await sql(`SELECT (SELECT count(*)::int FROM competence_certificates) AS certificates,
      (SELECT count(*)::int FROM competence_certificate_skills) AS skills,
      (SELECT count(*)::int FROM profile_skills) AS profile_skills`);
    return row;
  }

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    coach = await stack.anonymous.login('coach@varmdo.example');
    nackaCoach = await stack.anonymous.login('coach@nacka.example');
    employer = await stack.anonymous.login('employer@vard.example');
    otherEmployer = await stack.anonymous.login('employer@forskolor.example');
  });

  afterAll(() => stack?.close());

  it('the employer confirms the skills shown: verified on the profile for coach, employers and search', async () => {
    const { placementId, participantId, publicId } = await placement();
    expect(await notificationsOf(employer)).toContainEqual(
      about('COMPETENCE_CERTIFICATE_REQUESTED', { placementId }),
    );
    expect(await verifiedForEmployer(publicId)).toMatchObject({ verifiedSkillIds: [] });
    expect(await coach.ok(CERTIFICATE, { id: placementId })).toEqual({ competenceCertificate: null });

    const { issueCompetenceCertificate } = await employer.ok<{
      issueCompetenceCertificate: {
        placementId: string;
        skills: Array<{ conceptId: string; label: string }>;
      };
    }>(ISSUE, {
      input: { placementId, skillConceptIds: [CONCEPTS.hygienstadning, CONCEPTS.byggstadning] },
    });
    expect(issueCompetenceCertificate.placementId).toBe(placementId);
    expect(issueCompetenceCertificate.skills.map((skill) => skill.conceptId).sort()).toEqual(
      [CONCEPTS.hygienstadning, CONCEPTS.byggstadning].sort(),
    );

    const verified = [CONCEPTS.byggstadning, CONCEPTS.hygienstadning].sort();
    // A skill the profile lacked is added; both are verified.
    const forCoach = await verifiedForCoach(participantId);
    expect(forCoach.skills.map((skill) => skill.conceptId).sort()).toEqual(verified);
    expect(forCoach.verifiedSkillIds).toEqual(verified);
    const forEmployer = await verifiedForEmployer(publicId);
    expect(forEmployer.skills.map((skill) => skill.conceptId).sort()).toEqual(verified);
    expect(forEmployer.verifiedSkillIds).toEqual(verified);
    // Both sides see the same certificate.
    for (const client of [coach, employer])
      expect(
        (await client.ok<{ competenceCertificate: { skills: unknown[] } }>(CERTIFICATE, { id: placementId }))
          .competenceCertificate.skills,
      ).toHaveLength(2);

    const profiles = stack.environment.meilisearchAdmin.index(
      `${stack.environment.workerConfig.search.indexPrefix}${SearchIndex.Profiles}`,
    );
    const document = await eventually(
      () => profiles.getDocument<{ verifiedSkillIds?: string[] }>(publicId).catch(() => null),
      (found) => found?.verifiedSkillIds?.length === 2,
      30_000,
    );
    expect(document!.verifiedSkillIds).toEqual(verified);
    expect(await notificationsOf(coach)).toContainEqual(
      about('COMPETENCE_CERTIFICATE_ISSUED', { placementId }),
    );
  });

  it('never shows the employer who hosted the person their profile: it knows who that is', async () => {
    const { placementId, publicId, publicIdBefore } = await placement();
    await employer.ok(ISSUE, { input: { placementId, skillConceptIds: [CONCEPTS.byggstadning] } });
    const byPseudonym = 'query($id: String!) { anonymisedProfile(publicId: $id) { publicId } }';
    // The confirmation renewed the pseudonym: the one the employer may have seen leads nowhere, for anyone.
    expect(publicId).not.toBe(publicIdBefore);
    for (const client of [employer, otherEmployer, coach])
      expect(errorCode(await client.request(byPseudonym, { id: publicIdBefore }))).toBe('NOT_FOUND');
    expect(errorCode(await employer.request(byPseudonym, { id: publicId }))).toBe('NOT_FOUND');
    expect((await otherEmployer.ok(byPseudonym, { id: publicId })) as unknown).toEqual({
      anonymisedProfile: { publicId },
    });

    type Browse = { anonymisedProfiles: { nodes: Array<{ publicId: string }>; totalCount: number } };
    const browse = 'query { anonymisedProfiles(first: 100) { nodes { publicId } totalCount } }';
    const [hosting, other] = [await employer.ok<Browse>(browse), await otherEmployer.ok<Browse>(browse)];
    expect(hosting.anonymisedProfiles.totalCount).toBeLessThan(other.anonymisedProfiles.totalCount);
    expect(hosting.anonymisedProfiles.nodes.map((node) => node.publicId)).not.toContain(publicId);

    // Search: not among the hits of the exact skill the employer confirmed, for it; there for others.
    type Search = { searchProfiles: { nodes: Array<{ publicId: string }> } };
    const search = `query($skill: String!) { searchProfiles(first: 100, filter: { skillConceptIds: [$skill] }) {
      nodes { publicId } } }`;
    const hits = async (client: GraphqlClient) =>
      (await client.ok<Search>(search, { skill: CONCEPTS.byggstadning })).searchProfiles.nodes.map(
        (node) => node.publicId,
      );
    await eventually(
      () => hits(otherEmployer),
      (found) => found.includes(publicId),
      30_000,
    );
    expect(await hits(employer)).not.toContain(publicId);
    const profiles = stack.environment.meilisearchAdmin.index(
      `${stack.environment.workerConfig.search.indexPrefix}${SearchIndex.Profiles}`,
    );
    await eventually(
      () =>
        profiles.getDocument(publicIdBefore).then(
          () => 'there',
          () => 'gone',
        ),
      (state) => state === 'gone',
      30_000,
    );
  });

  it('confirming again corrects the list: a skill taken out is no longer verified, the coach is told once', async () => {
    const { placementId, participantId, publicId } = await placement();
    await employer.ok(ISSUE, {
      input: { placementId, skillConceptIds: [CONCEPTS.hygienstadning, CONCEPTS.byggstadning] },
    });
    await employer.ok(ISSUE, { input: { placementId, skillConceptIds: [CONCEPTS.byggstadning] } });

    expect((await verifiedForCoach(participantId)).verifiedSkillIds).toEqual([CONCEPTS.byggstadning]);
    expect((await verifiedForEmployer(publicId)).verifiedSkillIds).toEqual([CONCEPTS.byggstadning]);
    const [{ count }] = (await sql(
      `SELECT count(*)::int AS count FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.email = 'coach@varmdo.example' AND n.kind = 'COMPETENCE_CERTIFICATE_ISSUED'
          AND n.dedupe_key LIKE $1`,
      [`%${placementId}%`],
    )) as [{ count: number }];
    expect(count).toBe(1);
  });

  it('the coach prints the certificate in Swedish, with the name, placement, period and skills; audit-logged', async () => {
    const { placementId, participantId } = await placement();
    expect(errorCode(await coach.request(DOCUMENT, { id: placementId }))).toBe('NOT_FOUND');
    await employer.ok(ISSUE, { input: { placementId, skillConceptIds: [CONCEPTS.byggstadning] } });

    const { competenceCertificateDocument: file } = await coach.ok<{
      competenceCertificateDocument: { fileName: string; contentType: string; content: string };
    }>(DOCUMENT, { id: placementId });
    expect(file.contentType).toBe('text/html; charset=utf-8');
    expect(file.fileName).toMatch(/^kompetensbevis-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.html$/);
    expect(file.fileName).not.toMatch(/Amina|Hassan/);
    expect(file.content).toContain('<h1>Kompetensbevis</h1>');
    expect(file.content).toContain('Amina Hassan');
    expect(file.content).toContain('har genomfört praktik som <strong>Praktik som barnskötare</strong>');
    const [{ label }] = (await sql('SELECT label FROM taxonomy_skills WHERE concept_id = $1', [
      CONCEPTS.byggstadning,
    ])) as [{ label: string }];
    expect(file.content).toContain(`<li>${label}</li>`);

    const log = await sql(
      `SELECT action, fields, purpose FROM personal_data_access_log WHERE participant_id = $1
        AND purpose = 'query competenceCertificateDocument'`,
      [participantId],
    );
    expect(log).toEqual([
      { action: 'READ', fields: ['firstName', 'lastName'], purpose: 'query competenceCertificateDocument' },
    ]);
  });

  it('answers the hosting employer empty, not INTERNAL, while the index cannot yet filter on the pseudonym', async () => {
    const { placementId } = await placement();
    await employer.ok(ISSUE, { input: { placementId, skillConceptIds: [CONCEPTS.byggstadning] } });
    const profiles = stack.environment.meilisearchAdmin.index(
      `${stack.environment.workerConfig.search.indexPrefix}${SearchIndex.Profiles}`,
    );
    const { filterableAttributes } = await profiles.getSettings();
    // As right after a deploy, before the worker applied the settings that made `id` filterable.
    const withoutId = (filterableAttributes ?? []).map((entry) =>
      typeof entry === 'string'
        ? entry
        : { ...entry, attributePatterns: entry.attributePatterns.filter((pattern) => pattern !== 'id') },
    );
    await profiles.updateSettings({ filterableAttributes: withoutId }).waitTask();
    try {
      const search = 'query { searchProfiles(first: 5) { nodes { publicId } total { count fewerThan } } }';
      const hosting = await employer.request<{ searchProfiles: { nodes: unknown[] } }>(search);
      expect(hosting.errors).toBeUndefined();
      expect(hosting.data!.searchProfiles.nodes).toEqual([]);
      // An employer that knows no one needs no such filter.
      const other = await otherEmployer.ok<{ searchProfiles: { nodes: unknown[] } }>(search);
      expect(other.searchProfiles.nodes.length).toBeGreaterThan(0);
    } finally {
      await profiles.updateSettings({ filterableAttributes }).waitTask();
    }
  });

  it('refuses bad input, the wrong time and other organisations, writing nothing', async () => {
    const active = await placement(false);
    const completed = await placement();
    const before = await written();
    const issue = (client: GraphqlClient, input: Record<string, unknown>) =>
      client.request(ISSUE, { input: { placementId: completed.placementId, ...input } });

    expect(refusedAt(await issue(employer, { skillConceptIds: [] }))).toEqual([
      'BAD_USER_INPUT',
      'input.skillConceptIds',
    ]);
    expect(
      refusedAt(await issue(employer, { skillConceptIds: [CONCEPTS.byggstadning, 'no-such-skill'] })),
    ).toEqual(['BAD_USER_INPUT', 'input.skillConceptIds[1]']);
    expect(
      refusedAt(await issue(employer, { skillConceptIds: [CONCEPTS.byggstadning, CONCEPTS.byggstadning] })),
    ).toEqual(['BAD_USER_INPUT', 'input.skillConceptIds']);
    expect(
      refusedAt(
        await issue(employer, { placementId: 'not-an-id', skillConceptIds: [CONCEPTS.byggstadning] }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'input.placementId']);
    expect(
      refusedAt(
        await issue(employer, {
          placementId: active.placementId,
          skillConceptIds: [CONCEPTS.byggstadning],
        }),
      ),
    ).toEqual(['CONFLICT', 'input.placementId']);
    // A skill unknown is bad input whatever the placement's status.
    expect(
      refusedAt(
        await issue(employer, { placementId: active.placementId, skillConceptIds: ['no-such-skill'] }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'input.skillConceptIds[0]']);
    expect(errorCode(await issue(otherEmployer, { skillConceptIds: [CONCEPTS.byggstadning] }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await issue(coach, { skillConceptIds: [CONCEPTS.byggstadning] }))).toBe('FORBIDDEN');
    expect(await written()).toEqual(before);

    await employer.ok(ISSUE, {
      input: { placementId: completed.placementId, skillConceptIds: [CONCEPTS.byggstadning] },
    });
    expect(errorCode(await otherEmployer.request(CERTIFICATE, { id: completed.placementId }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await nackaCoach.request(CERTIFICATE, { id: completed.placementId }))).toBe('FORBIDDEN');
    expect(errorCode(await nackaCoach.request(DOCUMENT, { id: completed.placementId }))).toBe('FORBIDDEN');
    expect(errorCode(await employer.request(DOCUMENT, { id: completed.placementId }))).toBe('FORBIDDEN');
  });

  it("adds no skill past the profile's 100, and answers the employer the same either way", async () => {
    const { placementId, participantId } = await placement();
    const many = (
      (await sql(
        `SELECT concept_id FROM taxonomy_skills WHERE concept_id <> ALL($1::text[]) ORDER BY concept_id LIMIT 99`,
        [[CONCEPTS.byggstadning, CONCEPTS.flyttstadning]],
      )) as Array<{ concept_id: string }>
    ).map((row) => row.concept_id);
    await coach.ok(
      'mutation($id: ID!, $skills: [String!]) { updateCompetenceProfile(participantId: $id, input: { skillConceptIds: $skills }) { status } }',
      { id: participantId, skills: many },
    );
    const profileSkills = async () =>
      (
        await sql(
          `SELECT ps.skill_concept_id FROM profile_skills ps JOIN competence_profiles p ON p.id = ps.profile_id
            WHERE p.participant_id = $1 AND ps.skill_concept_id = ANY($2::text[]) ORDER BY 1`,
          [participantId, [CONCEPTS.byggstadning, CONCEPTS.flyttstadning]],
        )
      ).map((row) => row.skill_concept_id as string);
    // Two more do not fit: the certificate names them, the profile gets neither, and the employer is not told (an
    // answer that differed would tell it how full the profile is, or which skills are on it).
    const both = await employer.request(ISSUE, {
      input: { placementId, skillConceptIds: [CONCEPTS.byggstadning, CONCEPTS.flyttstadning] },
    });
    expect(both.errors).toBeUndefined();
    const [{ n }] = (await sql(
      'SELECT count(*)::int AS n FROM competence_certificate_skills WHERE placement_id = $1',
      [placementId],
    )) as [{ n: number }];
    expect(n).toBe(2);
    expect(await profileSkills()).toEqual([]);
    // Corrected to one, which fits: now on the profile.
    await employer.ok(ISSUE, { input: { placementId, skillConceptIds: [CONCEPTS.byggstadning] } });
    expect(await profileSkills()).toEqual([CONCEPTS.byggstadning]);
  });

  it('erasure takes the certificate with the person', async () => {
    const { placementId, participantId } = await placement();
    await employer.ok(ISSUE, { input: { placementId, skillConceptIds: [CONCEPTS.byggstadning] } });
    await coach.ok('mutation($id: ID!) { eraseParticipant(id: $id) }', { id: participantId });
    expect(await sql('SELECT 1 FROM competence_certificates WHERE placement_id = $1', [placementId])).toEqual(
      [],
    );
    expect(await sql('SELECT status FROM placements WHERE id = $1', [placementId])).toEqual([
      { status: 'COMPLETED' },
    ]);
    expect(
      refusedAt(
        await employer.request(ISSUE, { input: { placementId, skillConceptIds: [CONCEPTS.byggstadning] } }),
      ),
    ).toEqual(['CONFLICT', 'input.placementId']);
  });
});

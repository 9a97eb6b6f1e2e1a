import { errorCode, refusedAt, type GraphqlClient } from '../support/graphql-client.js';
import {
  conceptIds,
  createParticipant,
  publishProfile,
  uniquePersonnummer,
} from '../support/participants.js';
import { startStack, type Stack } from '../support/stack.js';

const READ_ALL = `query($id: ID!) { participant(id: $id) {
  id firstName lastName personnummer phone email birthYear consent { active scopes } } }`;

describe('participants and competence profiles', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let employer: GraphqlClient;
  let otherCoach: GraphqlClient;
  let concepts: Awaited<ReturnType<typeof conceptIds>>;

  const count = async (table: string) =>
    Number((await stack.environment.sql(`SELECT count(*) FROM ${table}`))[0]!.count);
  const rowCounts = async () => ({
    participants: await count('participants'),
    profiles: await count('competence_profiles'),
    skills: await count('profile_skills'),
    log: await count('personal_data_access_log'),
  });

  beforeAll(async () => {
    stack = await startStack();
    const admin = await stack.anonymous.login('admin@varmdo.example');
    coach = await stack.anonymous.login('coach@varmdo.example');
    employer = await stack.anonymous.login('employer@vard.example');
    concepts = await conceptIds(stack.environment);
    const { createOrganisation } = await admin.ok<{ createOrganisation: { id: string } }>(
      `mutation { createOrganisation(input: { kind: MUNICIPALITY, name: "Tyresö kommun (test)",
        organisationNumber: "2120000993", municipalityCode: "0138" }) { id } }`,
    );
    await admin.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'coach@tyreso-test.example',
        fullName: 'Tove Coach',
        role: 'COACH',
        organisationId: createOrganisation.id,
        password: 'a-long-enough-password',
      },
    });
    otherCoach = await stack.anonymous.login('coach@tyreso-test.example', 'a-long-enough-password');
  });

  afterAll(() => stack?.close());

  it('encrypts personnummer and contact details at rest and shows them to the coach, audit-logged', async () => {
    const personnummer = uniquePersonnummer(1988);
    const { id } = await createParticipant(coach, {
      firstName: 'Leyla',
      lastName: 'Haddad',
      personnummer,
      phone: '070-123 45 67',
      email: 'Leyla.Haddad@example.com',
    });
    const [row] = await stack.environment.sql('SELECT * FROM participants WHERE id = $1', [id]);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(personnummer.slice(2));
    expect(stored).not.toContain('123 45 67');
    expect(stored).not.toContain('example.com');
    expect(row!.personnummer_hash).toMatch(/^[0-9a-f]{64}$/);

    const before = await count('personal_data_access_log');
    const { participant } = await coach.ok<{ participant: Record<string, unknown> }>(READ_ALL, { id });
    expect(participant).toMatchObject({
      firstName: 'Leyla',
      lastName: 'Haddad',
      personnummer: `${personnummer.slice(0, 8)}-${personnummer.slice(8)}`,
      phone: '070-123 45 67',
      email: 'leyla.haddad@example.com',
      birthYear: 1988,
      consent: { active: false, scopes: [] },
    });
    const log = await stack.environment.sql(
      'SELECT action, fields, purpose FROM personal_data_access_log WHERE participant_id = $1 ORDER BY accessed_at',
      [id],
    );
    expect(log.at(-1)).toEqual({
      action: 'READ',
      fields: ['firstName', 'lastName', 'personnummer', 'phone', 'email', 'birthYear', 'consent'],
      purpose: 'query participant',
    });
    expect(await count('personal_data_access_log')).toBe(before + 1);

    // Ids only: not a read of personal data, so nothing is logged.
    await coach.ok('query { participants(first: 100) { nodes { id } } }');
    expect(await count('personal_data_access_log')).toBe(before + 1);
    // Names in a list: one entry per participant shown.
    const { participants } = await coach.ok<{ participants: { nodes: unknown[] } }>(
      'query { participants(first: 5) { nodes { id lastName } } }',
    );
    expect(await count('personal_data_access_log')).toBe(before + 1 + participants.nodes.length);

    // Coach-only fields (health-related flags, notes) count as personal data too.
    await coach.ok('query($id: ID!) { competenceProfile(participantId: $id) { status } }', { id });
    expect(await count('personal_data_access_log')).toBe(before + 1 + participants.nodes.length);
    await coach.ok(
      'query($id: ID!) { competenceProfile(participantId: $id) { coachNotes priorityGroups { disability } } }',
      {
        id,
      },
    );
    const [latest] = await stack.environment.sql(
      'SELECT fields, purpose FROM personal_data_access_log WHERE participant_id = $1 ORDER BY accessed_at DESC LIMIT 1',
      [id],
    );
    expect(latest).toEqual({ fields: ['coachNotes', 'priorityGroups'], purpose: 'query competenceProfile' });

    await coach.ok(
      'mutation($id: ID!) { updateCompetenceProfile(participantId: $id, input: { coachNotes: "Behöver stöd" }) { status } }',
      { id },
    );
    const [update] = await stack.environment.sql(
      'SELECT action, fields FROM personal_data_access_log WHERE participant_id = $1 ORDER BY accessed_at DESC LIMIT 1',
      [id],
    );
    expect(update).toEqual({ action: 'UPDATE', fields: ['coachNotes'] });

    const admin = await stack.anonymous.login('admin@varmdo.example');
    const { personalDataAccessLog } = await admin.ok<{
      personalDataAccessLog: { nodes: { action: string; fields: string[]; participantId: string }[] };
    }>(
      'query($id: ID!) { personalDataAccessLog(participantId: $id, first: 10) { nodes { action fields participantId } } }',
      {
        id,
      },
    );
    const actions = personalDataAccessLog.nodes.map((entry) => entry.action);
    expect(actions.at(-1)).toBe('CREATE');
    expect(actions[0]).toBe('UPDATE');
    expect(actions.slice(1, -1).every((action) => action === 'READ')).toBe(true);
    expect(actions.length).toBeGreaterThanOrEqual(3);
  });

  it('pages through participants with cursors that carry no name', async () => {
    const logged = await count('personal_data_access_log');
    const seen = new Set<string>();
    let after: string | null = null;
    do {
      type Page = {
        participants: {
          nodes: { id: string }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      };
      const { participants }: Page = await coach.ok<Page>(
        'query($after: String) { participants(first: 40, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }',
        { after },
      );
      participants.nodes.forEach((node) => seen.add(node.id));
      after = participants.pageInfo.hasNextPage ? participants.pageInfo.endCursor : null;
      if (after) {
        const key = (JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as { k: string }).k;
        expect(Number.isNaN(Date.parse(key))).toBe(false);
      }
    } while (after);
    const [{ count: total }] = (await stack.environment.sql(
      `SELECT count(*)::int AS count FROM participants p JOIN users u ON u.organisation_id = p.organisation_id
       WHERE u.email = 'coach@varmdo.example' AND p.erased_at IS NULL`,
    )) as [{ count: number }];
    expect(seen.size).toBe(total);
    expect(await count('personal_data_access_log')).toBe(logged);
  });

  it('finds a participant by personnummer through the keyed hash, in any written form', async () => {
    const personnummer = uniquePersonnummer(1975);
    const { id } = await createParticipant(coach, { personnummer });
    const short = `${personnummer.slice(2, 8)}-${personnummer.slice(8)}`;
    const { findParticipant } = await coach.ok<{ findParticipant: { id: string } | null }>(
      'query($p: String!) { findParticipant(personnummer: $p) { id } }',
      { p: short },
    );
    expect(findParticipant?.id).toBe(id);
    // A match by personnummer is a read of it, even when only the id is asked for.
    const lookups = await stack.environment.sql(
      `SELECT fields FROM personal_data_access_log WHERE participant_id = $1 AND purpose = 'query findParticipant'`,
      [id],
    );
    expect(lookups).toEqual([{ fields: ['personnummer'] }]);
    const other = await otherCoach.ok<{ findParticipant: null }>(
      'query($p: String!) { findParticipant(personnummer: $p) { id } }',
      { p: personnummer },
    );
    expect(other.findParticipant).toBeNull();
    // Unique per organisation only: another municipality learns nothing about who is registered elsewhere.
    const elsewhere = await createParticipant(otherCoach, { personnummer });
    expect(elsewhere.id).not.toBe(id);
  });

  it('refuses bad participant input with the field at fault and writes nothing', async () => {
    const taken = (await createParticipant(coach)).personnummer;
    const before = await rowCounts();
    const attempt = (input: Record<string, unknown>) =>
      coach.request('mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }', {
        input: { firstName: 'Ny', lastName: 'Person', personnummer: uniquePersonnummer(), ...input },
      });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ personnummer: '19900101-1238' }, 'BAD_USER_INPUT', 'input.personnummer'],
      [{ personnummer: '19900231-1234' }, 'BAD_USER_INPUT', 'input.personnummer'],
      [{ personnummer: '1990-01-01' }, 'BAD_USER_INPUT', 'input.personnummer'],
      [{ firstName: 'x'.repeat(101) }, 'BAD_USER_INPUT', 'input.firstName'],
      [{ phone: 'call me' }, 'BAD_USER_INPUT', 'input.phone'],
      [{ email: 'not-an-email' }, 'BAD_USER_INPUT', 'input.email'],
      [{ coachId: '00000000-0000-4000-8000-000000000000' }, 'BAD_USER_INPUT', 'input.coachId'],
      [{ personnummer: taken }, 'CONFLICT', 'input.personnummer'],
    ];
    for (const [input, code, field] of cases) {
      const response = await attempt(input);
      expect([JSON.stringify(input), errorCode(response)]).toEqual([JSON.stringify(input), code]);
      expect(response.errors![0]!.extensions!.field).toBe(field);
      expect(JSON.stringify(response.errors)).not.toMatch(/stack|QueryFailedError|duplicate key/i);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses unknown concept ids and personal data in the summary, writing nothing', async () => {
    const { id } = await createParticipant(coach, { firstName: 'Samir', lastName: 'Nouri' });
    const skill = await concepts.skill('Barn och ungdomar med behov av särskilt stöd');
    const before = await rowCounts();
    const [profileBefore] = await stack.environment.sql(
      'SELECT * FROM competence_profiles WHERE participant_id = $1',
      [id],
    );
    const update = (input: Record<string, unknown>) =>
      coach.request(
        'mutation($id: ID!, $input: UpdateCompetenceProfileInput!) { updateCompetenceProfile(participantId: $id, input: $input) { status } }',
        { id, input },
      );
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { skillConceptIds: [skill ?? 'nope_nope_001', 'XXXX_XXX_XXX'], summary: 'Bra' },
        'input.skillConceptIds[1]',
      ],
      [{ homeMunicipalityConceptId: 'not_a_concept' }, 'input.homeMunicipalityConceptId'],
      [
        { occupations: [{ occupationConceptId: 'no_such_occ', yearsOfExperience: 2 }] },
        'input.occupations[0]',
      ],
      [{ summary: 'Ring mig på 070-765 43 21' }, 'input.summary'],
      [{ summary: 'Samir är en glad person' }, 'input.summary'],
      [{ summary: 'x'.repeat(1001) }, 'input.summary'],
      [{ hoursPerWeek: 0 }, 'input.hoursPerWeek'],
      [{ educationLevelConceptId: await concepts.educationLevel('33') }, 'input.educationLevelConceptId'],
      [{ availableFrom: '2027-02-30' }, 'input.availableFrom'],
    ];
    for (const [input, field] of cases) {
      const response = await update(input);
      expect([field, errorCode(response)]).toEqual([field, 'BAD_USER_INPUT']);
      expect(response.errors![0]!.extensions!.field).toBe(field);
    }
    expect(await rowCounts()).toEqual(before);
    const [profileAfter] = await stack.environment.sql(
      'SELECT * FROM competence_profiles WHERE participant_id = $1',
      [id],
    );
    expect(profileAfter).toEqual(profileBefore);
  });

  it('refuses a summary that names what the employer view generalises: the home area, the languages', async () => {
    const { id } = await createParticipant(coach);
    const UPDATE =
      'mutation($id: ID!, $input: UpdateCompetenceProfileInput!) { updateCompetenceProfile(participantId: $id, input: $input) { summary } }';
    await coach.ok(UPDATE, {
      id,
      input: {
        homeMunicipalityConceptId: await concepts.municipality('0120'),
        languages: [{ languageConceptId: await concepts.language('Tigrinska/Tigrinja'), level: 'NATIVE' }],
      },
    });
    for (const summary of [
      'Bor i Värmdö och vill arbeta nära hemmet.',
      'Talar tigrinja och lär sig svenska.',
    ]) {
      const refused = await coach.request(UPDATE, { id, input: { summary } });
      expect(refusedAt(refused)).toEqual(['BAD_USER_INPUT', 'input.summary']);
      expect(refused.errors![0]!.message).not.toMatch(/Värmdö|tigrinja/i);
    }
    // Named in the same update as the summary: checked against the new values.
    const moved = await coach.request(UPDATE, {
      id,
      input: { homeMunicipalityConceptId: await concepts.municipality('0182'), summary: 'Bor i Nacka.' },
    });
    expect(refusedAt(moved)).toEqual(['BAD_USER_INPUT', 'input.summary']);
    await coach.ok(UPDATE, { id, input: { summary: 'Vill arbeta nära hemmet och lär sig svenska.' } });

    // A summary that names another place or language passes; the move there, or the language added, does not.
    await coach.ok(UPDATE, { id, input: { summary: 'Har arbetat i Nacka och förstår lite arabiska.' } });
    const rowBefore = await stack.environment.sql(
      'SELECT * FROM competence_profiles WHERE participant_id = $1',
      [id],
    );
    const languagesBefore = await stack.environment.sql(
      'SELECT language_concept_id, level FROM profile_languages pl JOIN competence_profiles p ON p.id = pl.profile_id WHERE p.participant_id = $1 ORDER BY 1',
      [id],
    );
    const movedThere = await coach.request(UPDATE, {
      id,
      input: { homeMunicipalityConceptId: await concepts.municipality('0182') },
    });
    expect(refusedAt(movedThere)).toEqual(['BAD_USER_INPUT', 'input.homeMunicipalityConceptId']);
    expect(movedThere.errors![0]!.message).toMatch(/summary/);
    const arabic = await concepts.language('Arabiska');
    const tigrinya = await concepts.language('Tigrinska/Tigrinja');
    const learnt = await coach.request(UPDATE, {
      id,
      input: {
        languages: [
          { languageConceptId: tigrinya, level: 'NATIVE' },
          { languageConceptId: arabic, level: 'BASIC' },
        ],
      },
    });
    expect(refusedAt(learnt)).toEqual(['BAD_USER_INPUT', 'input.languages']);
    expect(
      await stack.environment.sql('SELECT * FROM competence_profiles WHERE participant_id = $1', [id]),
    ).toEqual(rowBefore);
    expect(
      await stack.environment.sql(
        'SELECT language_concept_id, level FROM profile_languages pl JOIN competence_profiles p ON p.id = pl.profile_id WHERE p.participant_id = $1 ORDER BY 1',
        [id],
      ),
    ).toEqual(languagesBefore);
    // Both at once: each fact on its own field.
    const both = await coach.request(UPDATE, {
      id,
      input: {
        homeMunicipalityConceptId: await concepts.municipality('0180'),
        languages: [
          { languageConceptId: tigrinya, level: 'NATIVE' },
          { languageConceptId: arabic, level: 'BASIC' },
        ],
      },
    });
    expect(refusedAt(both)).toEqual(['BAD_USER_INPUT', 'input.languages']);
    // The move to Stockholm is not refused: the summary does not name it.
    expect(
      ((both.errors![0]!.extensions!.fields ?? []) as Array<{ field: string }>).map(
        (problem) => problem.field,
      ),
    ).not.toContain('input.homeMunicipalityConceptId');
    // What the summary said before the change is not held against an update that changes nothing it names (a
    // summary written before this check, say): the same languages again, a move elsewhere.
    await stack.environment.sql(
      "UPDATE competence_profiles SET summary = 'Talar tigrinja och har arbetat i Nacka.' WHERE participant_id = $1",
      [id],
    );
    await coach.ok(UPDATE, {
      id,
      input: {
        languages: [{ languageConceptId: tigrinya, level: 'FLUENT' }],
        homeMunicipalityConceptId: await concepts.municipality('0180'),
      },
    });
    // With the summary changed in the same update, both are fine.
    await coach.ok(UPDATE, {
      id,
      input: {
        homeMunicipalityConceptId: await concepts.municipality('0182'),
        languages: [
          { languageConceptId: tigrinya, level: 'NATIVE' },
          { languageConceptId: arabic, level: 'BASIC' },
        ],
        summary: 'Vill arbeta inom vård och omsorg.',
      },
    });
  });

  it('publishes one profile per person: not a second one registered by another organisation', async () => {
    const personnummer = uniquePersonnummer(1988);
    const profile = {
      swedishLevel: 'SFI_C',
      educationLevelConceptId: await concepts.educationLevel('3'),
      homeMunicipalityConceptId: await concepts.municipality('0120'),
    };
    const { id: first } = await createParticipant(coach, { personnummer });
    await publishProfile(coach, first, profile);
    // The same person, registered by another municipality too.
    const { id: second } = await createParticipant(otherCoach, { personnummer });
    const publishSecond = () => publishProfile(otherCoach, second, profile);
    await expect(publishSecond()).rejects.toThrow(/already has a published competence profile/);
    const [{ status }] = await stack.environment.sql(
      'SELECT status FROM competence_profiles WHERE participant_id = $1',
      [second],
    );
    expect(status).toBe('DRAFT');
    const refused = await otherCoach.request(
      'mutation($id: ID!) { setProfileStatus(participantId: $id, status: PUBLISHED) { status } }',
      { id: second },
    );
    expect(refusedAt(refused)).toEqual(['CONFLICT', 'participantId']);
    // Once the first is no longer published, the second may be.
    await coach.ok('mutation($id: ID!) { setProfileStatus(participantId: $id, status: PAUSED) { status } }', {
      id: first,
    });
    await publishSecond();
  });

  it('publishes only with consent, and withdrawing consent unpublishes at once', async () => {
    const { id } = await createParticipant(coach);
    const profile = {
      swedishLevel: 'SFI_C',
      educationLevelConceptId: await concepts.educationLevel('3'),
      homeMunicipalityConceptId: await concepts.municipality('0120'),
    };
    await coach.ok(
      'mutation($id: ID!, $input: UpdateCompetenceProfileInput!) { updateCompetenceProfile(participantId: $id, input: $input) { status } }',
      { id, input: { ...profile, availableFrom: '2027-01-10', hoursPerWeek: 20, wantedKinds: ['PRAKTIK'] } },
    );
    const publish = () =>
      coach.request<{ setProfileStatus: { status: string } }>(
        'mutation($id: ID!) { setProfileStatus(participantId: $id, status: PUBLISHED) { status publishedAt } }',
        { id },
      );
    const refused = await publish();
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toMatch(/consent/);

    await publishProfile(coach, id, profile);
    const status = async () =>
      (
        await stack.environment.sql('SELECT status FROM competence_profiles WHERE participant_id = $1', [id])
      )[0]!.status;
    expect(await status()).toBe('PUBLISHED');

    await coach.ok('mutation($id: ID!) { withdrawConsent(participantId: $id) { consent { active } } }', {
      id,
    });
    expect(await status()).toBe('DRAFT');
    expect(errorCode(await publish())).toBe('BAD_USER_INPUT');
    const again = await coach.request('mutation($id: ID!) { withdrawConsent(participantId: $id) { id } }', {
      id,
    });
    expect(refusedAt(again)).toEqual(['CONFLICT', 'participantId']);

    const archived = await coach.ok<{ setProfileStatus: { status: string } }>(
      'mutation($id: ID!) { setProfileStatus(participantId: $id, status: ARCHIVED) { status } }',
      { id },
    );
    expect(archived.setProfileStatus.status).toBe('ARCHIVED');
    const back = await coach.request(
      'mutation($id: ID!) { setProfileStatus(participantId: $id, status: DRAFT) { status } }',
      {
        id,
      },
    );
    expect(errorCode(back)).toBe('CONFLICT');
  });

  it('refuses a new name that the summary for employers already mentions', async () => {
    const { id } = await createParticipant(coach, { firstName: 'Nadia', lastName: 'Karimi' });
    await coach.ok(
      'mutation($id: ID!) { updateCompetenceProfile(participantId: $id, input: { summary: "Samira har arbetat i kök." }) { status } }',
      { id },
    );
    const rename = await coach.request(
      'mutation($id: ID!) { updateParticipant(id: $id, input: { firstName: "Samira" }) { id } }',
      {
        id,
      },
    );
    expect(errorCode(rename)).toBe('BAD_USER_INPUT');
    expect(rename.errors![0]!.extensions!.field).toBe('input.firstName');
    const [row] = await stack.environment.sql('SELECT first_name FROM participants WHERE id = $1', [id]);
    expect(row!.first_name).toBe('Nadia');
  });

  it("keeps another organisation's coach and employers away from participants", async () => {
    const { id } = await createParticipant(coach);
    const before = await rowCounts();
    expect(errorCode(await otherCoach.request(READ_ALL, { id }))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await otherCoach.request(
          'mutation($id: ID!) { updateParticipant(id: $id, input: { firstName: "X" }) { id } }',
          {
            id,
          },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await otherCoach.request('mutation($id: ID!) { eraseParticipant(id: $id) }', { id })),
    ).toBe('FORBIDDEN');
    expect(errorCode(await employer.request(READ_ALL, { id }))).toBe('FORBIDDEN');
    const { participants } = await otherCoach.ok<{ participants: { nodes: { id: string }[] } }>(
      'query { participants(first: 100) { nodes { id } } }',
    );
    expect(participants.nodes.map((node) => node.id)).not.toContain(id);
    expect(await rowCounts()).toEqual(before);
  });

  it('keeps a coach-only gender: NOT_STATED by default, read and changed audit-logged, reset by erasure', async () => {
    const lastLog = async (id: string) =>
      (
        await stack.environment.sql(
          'SELECT action, fields FROM personal_data_access_log WHERE participant_id = $1 ORDER BY accessed_at DESC LIMIT 1',
          [id],
        )
      )[0];
    const gender = async (id: string) =>
      (
        await coach.ok<{ participant: { gender: string } }>(
          'query($id: ID!) { participant(id: $id) { gender } }',
          { id },
        )
      ).participant.gender;

    const unstated = await createParticipant(coach);
    expect(await gender(unstated.id)).toBe('NOT_STATED');
    const { createParticipant: created } = await coach.ok<{ createParticipant: { id: string } }>(
      'mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }',
      {
        input: {
          firstName: 'Amal',
          lastName: 'Yusuf',
          personnummer: uniquePersonnummer(1990),
          gender: 'WOMAN',
        },
      },
    );
    expect(await lastLog(created.id)).toEqual({
      action: 'CREATE',
      fields: ['firstName', 'lastName', 'personnummer', 'phone', 'email', 'gender'],
    });
    expect(await gender(created.id)).toBe('WOMAN');
    expect(await lastLog(created.id)).toEqual({ action: 'READ', fields: ['gender'] });

    await coach.ok('mutation($id: ID!) { updateParticipant(id: $id, input: { gender: OTHER }) { id } }', {
      id: created.id,
    });
    expect(await lastLog(created.id)).toEqual({ action: 'UPDATE', fields: ['gender'] });
    expect(await gender(created.id)).toBe('OTHER');
    const refused = await coach.request(
      'mutation($id: ID!, $input: UpdateParticipantInput!) { updateParticipant(id: $id, input: $input) { id } }',
      { id: created.id, input: { gender: 'FEMALE' } },
    );
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(await gender(created.id)).toBe('OTHER');

    // Another organisation's coach and employers get nothing.
    expect(
      errorCode(
        await otherCoach.request('query($id: ID!) { participant(id: $id) { gender } }', { id: created.id }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await employer.request('query($id: ID!) { participant(id: $id) { gender } }', { id: created.id }),
      ),
    ).toBe('FORBIDDEN');

    await coach.ok('mutation($id: ID!) { eraseParticipant(id: $id) }', { id: created.id });
    const [tombstone] = await stack.environment.sql('SELECT gender FROM participants WHERE id = $1', [
      created.id,
    ]);
    expect(tombstone).toEqual({ gender: 'NOT_STATED' });
  });

  it('erasure leaves no personal data anywhere in PostgreSQL', async () => {
    const personnummer = uniquePersonnummer(1993);
    const { id } = await createParticipant(coach, {
      firstName: 'Zerihun',
      lastName: 'Tesfamariam',
      personnummer,
      phone: '073-555 12 34',
      email: 'zerihun.t@example.org',
    });
    await publishProfile(coach, id, {
      swedishLevel: 'SFI_B',
      educationLevelConceptId: await concepts.educationLevel('1'),
      homeMunicipalityConceptId: await concepts.municipality('0120'),
      summary: 'Har byggt gröna takterrasser i tio år.',
      coachNotes: 'Vill arbeta utomhus sedan olyckan vid färjeläget.',
    });
    expect(await coach.ok('mutation($id: ID!) { eraseParticipant(id: $id) }', { id })).toEqual({
      eraseParticipant: true,
    });

    // Every text-like column of every table, searched for anything that was personal.
    const columns = await stack.environment.sql(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'ARRAY', 'USER-DEFINED', 'jsonb')`,
    );
    const needles = [
      'Zerihun',
      'Tesfamariam',
      personnummer.slice(2, 8),
      '555 12 34',
      'zerihun.t@',
      'takterrasser',
      'färjeläget',
    ];
    for (const needle of needles) {
      for (const { table_name, column_name } of columns) {
        const hits = await stack.environment.sql(
          `SELECT count(*) FROM "${table_name as string}" WHERE "${column_name as string}"::text ILIKE $1`,
          [`%${needle}%`],
        );
        expect([table_name, column_name, needle, Number(hits[0]!.count)]).toEqual([
          table_name,
          column_name,
          needle,
          0,
        ]);
      }
    }
    const [tombstone] = await stack.environment.sql('SELECT * FROM participants WHERE id = $1', [id]);
    expect(tombstone).toMatchObject({ first_name: null, personnummer_hash: null, birth_year: null });
    expect(tombstone!.erased_at).not.toBeNull();
    expect(
      await stack.environment.sql('SELECT 1 FROM competence_profiles WHERE participant_id = $1', [id]),
    ).toEqual([]);
    expect(errorCode(await coach.request(READ_ALL, { id }))).toBe('NOT_FOUND');
    const log = await stack.environment.sql(
      'SELECT action FROM personal_data_access_log WHERE participant_id = $1',
      [id],
    );
    expect(log.map((entry) => entry.action)).toContain('ERASE');
    // The same person can be registered again later.
    await expect(createParticipant(coach, { personnummer })).resolves.toBeDefined();
  });
});

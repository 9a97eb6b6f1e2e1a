import { errorCode, type GraphqlClient } from '../support/graphql-client.js';
import { createParticipant, uniquePersonnummer } from '../support/participants.js';
import { startStack, type Stack } from '../support/stack.js';

const CREATE_ORGANISATION =
  'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id organisationNumber } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const CREATE_PARTICIPANT =
  'mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }';
const UPDATE_PROFILE =
  'mutation($id: ID!, $input: UpdateCompetenceProfileInput!) { updateCompetenceProfile(participantId: $id, input: $input) { summary } }';
const NUL_MESSAGE = 'must not contain the NUL character';
/** A cursor as a client could forge it: base64url of any JSON. */
const forgedCursor = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
const VALID_ORGANISATION = {
  kind: 'COMPANY',
  name: 'Värmdö Bygg AB',
  organisationNumber: '559345-6782',
  municipalityCode: '0120',
};

describe('bad input gets a clear error with a stable code, and nothing is written', () => {
  let stack: Stack;
  let admin: GraphqlClient;
  let municipalityId: string;

  const counts = async () =>
    (
      await stack.environment.sql(
        `SELECT (SELECT count(*) FROM organisations)::int AS organisations, (SELECT count(*) FROM users)::int AS users,
                (SELECT count(*) FROM participants)::int AS participants,
                (SELECT count(*) FROM competence_profiles)::int AS profiles,
                (SELECT max(updated_at)::text FROM competence_profiles) AS "profileUpdated",
                (SELECT count(*) FROM outbox_messages)::int AS outbox`,
      )
    )[0];

  beforeAll(async () => {
    // A low depth limit, so that this small schema can exceed it; the default is 10.
    stack = await startStack({ env: { GRAPHQL_MAX_DEPTH: '3' } });
    admin = await stack.anonymous.login('admin@varmdo.example');
    municipalityId = (
      await stack.environment.sql(`SELECT id FROM organisations WHERE kind = 'MUNICIPALITY'`)
    )[0].id as string;
  });

  afterAll(() => stack?.close());

  async function expectRefused(
    query: string,
    variables: Record<string, unknown>,
    code: string,
    field?: string,
  ) {
    const before = await counts();
    const response = await admin.request(query, variables);
    expect(errorCode(response)).toBe(code);
    if (field) expect(response.errors?.[0].extensions?.field).toBe(field);
    expect(JSON.stringify(response)).not.toMatch(/\bat [\w.]+ \(|node_modules|QueryFailedError/);
    expect(await counts()).toEqual(before);
    return response;
  }

  it.each([
    ['a wrong check digit', '559345-6783', 'wrong check digit'],
    ['too few digits', '55934567', '10 digits'],
    ['letters', '55934A6782', '10 digits'],
    ['a personnummer', '811218-9876', 'legal entity'],
  ])('refuses an organisationsnummer with %s', async (_case, organisationNumber, message) => {
    const response = await expectRefused(
      CREATE_ORGANISATION,
      { input: { ...VALID_ORGANISATION, organisationNumber } },
      'BAD_USER_INPUT',
      'input.organisationNumber',
    );
    expect(response.errors?.[0].message).toContain(message);
  });

  it('refuses a bad kommunkod and over-long or empty names, naming each field', async () => {
    const response = await expectRefused(
      CREATE_ORGANISATION,
      { input: { ...VALID_ORGANISATION, name: 'x'.repeat(201), municipalityCode: '9999' } },
      'BAD_USER_INPUT',
    );
    expect(response.errors?.[0].extensions?.fields?.map((problem) => problem.field).sort()).toEqual([
      'input.municipalityCode',
      'input.name',
    ]);
    await expectRefused(
      CREATE_ORGANISATION,
      { input: { ...VALID_ORGANISATION, name: '   ' } },
      'BAD_USER_INPUT',
      'input.name',
    );
  });

  it('refuses an unknown kind at the GraphQL layer, naming the field', async () => {
    await expectRefused(
      CREATE_ORGANISATION,
      { input: { ...VALID_ORGANISATION, kind: 'PIRATE_SHIP' } },
      'BAD_USER_INPUT',
      'input.kind',
    );
    const response = await expectRefused(CREATE_ORGANISATION, {}, 'BAD_USER_INPUT', 'input');
    expect(response.errors?.[0].extensions?.fields).toEqual([
      { field: 'input', message: response.errors?.[0].message },
    ]);
    await expectRefused(
      'query($first: Int) { organisations(first: $first) { totalCount } }',
      { first: 'many' },
      'BAD_USER_INPUT',
      'first',
    );
  });

  it('refuses a duplicate organisationsnummer with CONFLICT', async () => {
    await admin.ok(CREATE_ORGANISATION, { input: VALID_ORGANISATION });
    await expectRefused(
      CREATE_ORGANISATION,
      { input: { ...VALID_ORGANISATION, name: 'Another name', organisationNumber: '5593456782' } },
      'CONFLICT',
      'input.organisationNumber',
    );
  });

  it('refuses malformed emails, short passwords, unknown organisations and roles that do not fit', async () => {
    const valid = {
      email: 'ny.coach@varmdo.example',
      fullName: 'Ny Coach',
      role: 'COACH',
      organisationId: municipalityId,
      password: 'a-long-enough-password',
    };
    await expectRefused(
      CREATE_USER,
      { input: { ...valid, email: 'not-an-email' } },
      'BAD_USER_INPUT',
      'input.email',
    );
    await expectRefused(
      CREATE_USER,
      { input: { ...valid, email: `${'a'.repeat(250)}@x.se` } },
      'BAD_USER_INPUT',
      'input.email',
    );
    await expectRefused(
      CREATE_USER,
      { input: { ...valid, password: 'short' } },
      'BAD_USER_INPUT',
      'input.password',
    );
    await expectRefused(
      CREATE_USER,
      { input: { ...valid, fullName: 'x'.repeat(201) } },
      'BAD_USER_INPUT',
      'input.fullName',
    );
    await expectRefused(
      CREATE_USER,
      { input: { ...valid, organisationId: 'not-an-id' } },
      'BAD_USER_INPUT',
      'input.organisationId',
    );
    await expectRefused(
      CREATE_USER,
      { input: { ...valid, organisationId: '00000000-0000-4000-8000-000000000000' } },
      'BAD_USER_INPUT',
      'input.organisationId',
    );
    const company = (
      await stack.environment.sql(`SELECT id FROM organisations WHERE kind = 'COMPANY' LIMIT 1`)
    )[0].id;
    await expectRefused(
      CREATE_USER,
      { input: { ...valid, organisationId: company } },
      'BAD_USER_INPUT',
      'input.role',
    );
    await expectRefused(
      CREATE_USER,
      { input: { ...valid, email: 'coach@varmdo.example' } },
      'CONFLICT',
      'input.email',
    );
  });

  it('refuses unknown input fields, bad ids and bad cursors', async () => {
    await expectRefused(
      'query($id: ID!) { organisation(id: $id) { id } }',
      { id: '42' },
      'BAD_USER_INPUT',
      'id',
    );
    await expectRefused('{ organisations(after: "garbage") { totalCount } }', {}, 'BAD_USER_INPUT', 'after');
    await expectRefused('{ organisations(first: 1000) { totalCount } }', {}, 'BAD_USER_INPUT', 'first');
    await expectRefused(
      CREATE_ORGANISATION,
      { input: { ...VALID_ORGANISATION, extra: 1 } },
      'BAD_USER_INPUT',
    );
  });

  describe('the NUL character, which PostgreSQL cannot store, is BAD_USER_INPUT naming the field', () => {
    it('in createParticipant', async () => {
      const response = await expectRefused(
        CREATE_PARTICIPANT,
        { input: { firstName: 'Ami\u0000na', lastName: 'Hassan', personnummer: uniquePersonnummer() } },
        'BAD_USER_INPUT',
        'input.firstName',
      );
      expect(response.errors?.[0].extensions?.fields).toEqual([
        { field: 'input.firstName', message: NUL_MESSAGE },
      ]);
    });

    it('in updateCompetenceProfile, nested lists included', async () => {
      const { id } = await createParticipant(admin);
      const summaryBefore = await stack.environment.sql(
        'SELECT summary FROM competence_profiles WHERE participant_id = $1',
        [id],
      );
      await expectRefused(
        UPDATE_PROFILE,
        { id, input: { summary: 'Noggrann\u0000 och glad' } },
        'BAD_USER_INPUT',
        'input.summary',
      );
      await expectRefused(
        UPDATE_PROFILE,
        { id, input: { occupations: [{ occupationConceptId: 'abc\u0000', yearsOfExperience: 2 }] } },
        'BAD_USER_INPUT',
        'input.occupations[0].occupationConceptId',
      );
      expect(
        await stack.environment.sql('SELECT summary FROM competence_profiles WHERE participant_id = $1', [
          id,
        ]),
      ).toEqual(summaryBefore);
    });

    it('in the arguments of an ArgsType (searchTaxonomy)', async () => {
      const response = await expectRefused(
        'query($query: String!) { searchTaxonomy(kind: OCCUPATION, query: $query) { conceptId } }',
        { query: 'sjuk\u0000' },
        'BAD_USER_INPUT',
        'query',
      );
      expect(response.errors?.[0].message).toContain(NUL_MESSAGE);
    });
  });

  describe('a forged cursor is BAD_USER_INPUT on after', () => {
    const someId = '3f2b8c1e-6a4d-4e2f-9b7a-1c2d3e4f5a6b';

    it.each([
      ['an id that is not a uuid', { k: 'a', id: 'x' }],
      ['a key that is not a string', { k: 1, id: someId }],
      ['a key with the NUL character', { k: 'a\u0000', id: someId }],
      ['no object', 'a'],
    ])('organisations: %s', async (_case, cursor) => {
      await expectRefused(
        'query($after: String) { organisations(after: $after) { totalCount } }',
        { after: forgedCursor(cursor) },
        'BAD_USER_INPUT',
        'after',
      );
    });

    it.each([
      ['not a date', 'not-a-date'],
      ['a date out of range', '2026-13-45 99:00:00+00'],
      ['not a time at all', '1e999999'],
      ['a time zone offset out of range', '2026-01-01 00:00:00+16'],
      ['in an unknown time zone', '2026-01-01 00:00:00 Mars/Olympus'],
    ])('notifications, sorted by a timestamp: a key that is %s', async (_case, k) => {
      await expectRefused(
        'query($after: String) { notifications(after: $after) { totalCount } }',
        { after: forgedCursor({ k, id: someId }) },
        'BAD_USER_INPUT',
        'after',
      );
    });

    it('while a real cursor of the same list still works', async () => {
      const { notifications } = await admin.ok<{
        notifications: { pageInfo: { endCursor: string | null } };
      }>('{ notifications(first: 1) { pageInfo { endCursor } } }');
      const after =
        notifications.pageInfo.endCursor ?? forgedCursor({ k: '2026-01-01 00:00:00+00', id: someId });
      await admin.ok('query($after: String) { notifications(after: $after) { totalCount } }', { after });
    });
  });

  it('refuses a query deeper than the limit without saying what the limit is', async () => {
    const deep = '{ users { nodes { organisation { id } } } }';
    const response = await expectRefused(deep, {}, 'GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.map((error) => error.message)).toContain('Query is too deep.');
    expect(JSON.stringify(response.errors)).not.toMatch(/\d+/);
  });

  it('refuses an alias flood', async () => {
    const flood = `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const response = await expectRefused(flood, {}, 'GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.map((error) => error.message)).toContain('Query has too many aliases.');
  });

  it('refuses a batched request', async () => {
    const before = await counts();
    const body = JSON.stringify([
      {
        query: CREATE_ORGANISATION,
        variables: { input: { ...VALID_ORGANISATION, organisationNumber: '5567890123' } },
      },
      { query: '{ me { id } }' },
    ]);
    const response = await admin.post(body);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BAD_REQUEST');
    expect(await counts()).toEqual(before);
  });

  it('refuses a body over the size limit and a body that is not JSON', async () => {
    const huge = await admin.post(
      JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(200_000) } }),
    );
    expect(huge.status).toBe(413);
    expect(errorCode(huge)).toBe('BAD_REQUEST');
    const broken = await admin.post('{"query": ');
    expect(broken.status).toBe(400);
    expect(errorCode(broken)).toBe('BAD_REQUEST');
  });

  it('refuses a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    expect(errorCode(await admin.request('{ me { id '))).toBe('GRAPHQL_PARSE_FAILED');
  });
});

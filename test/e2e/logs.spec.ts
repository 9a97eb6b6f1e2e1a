import { eventually } from '../support/eventually.js';
import { GraphqlClient } from '../support/graphql-client.js';
import { startApi, startWorker, type RunningApi } from '../support/running-apps.js';
import { createTestEnvironment, type TestEnvironment } from '../support/test-environment.js';

/** Logs are JSON, carry correlation ids, and hold no personal data, even at debug level and when things fail. */
describe('logs', () => {
  let environment: TestEnvironment;
  let api: RunningApi;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  const lines: string[] = [];

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await startApi(environment.apiConfig, (line) => lines.push(line));
    worker = await startWorker(environment.workerConfig, (line) => lines.push(line));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await environment?.destroy();
  });

  it("never contain emails, names, passwords, tokens or a participant's personal data", async () => {
    const anonymous = new GraphqlClient(api.graphqlUrl);
    const secret = 'a-very-secret-password-42';
    await anonymous.request('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email: 'nobody.special@varmdo.example', password: secret },
    });
    const admin = await anonymous.login('admin@varmdo.example');
    const [{ id: organisationId }] = await environment.sql(
      `SELECT id FROM organisations WHERE name = 'Värmdö kommun'`,
    );
    const input = {
      email: 'leila.personal@varmdo.example',
      fullName: 'Leila Personsson',
      role: 'COACH',
      organisationId,
      password: secret,
    };
    await admin.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input });
    // The same again: a unique violation on the email, which the database reports with the value.
    await admin.request('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input });
    // A participant: personal data in, refused input with personal data, a duplicate personnummer.
    const coach = await anonymous.login('coach@varmdo.example');
    const participant = {
      firstName: 'Warsan',
      lastName: 'Qorsheel',
      personnummer: '19900101-1239',
      phone: '070-987 65 43',
      email: 'warsan.q@example.org',
    };
    const { createParticipant } = await coach.ok<{ createParticipant: { id: string } }>(
      'mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id firstName personnummer } }',
      { input: participant },
    );
    await coach.request(
      'mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }',
      {
        input: participant,
      },
    );
    await coach.request(
      'mutation($id: ID!) { updateCompetenceProfile(participantId: $id, input: { summary: "Warsan nås på 070-987 65 43" }) { status } }',
      { id: createParticipant.id },
    );
    await eventually(
      async () => lines.some((line) => line.includes('"job":"welcome-user"')),
      (done) => done,
      60_000, // behind the demo data's backlog, on the run's shared Meilisearch
    );

    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const personal of [
      'nobody.special',
      'leila.personal',
      'Leila',
      'Personsson',
      secret,
      'admin@varmdo',
      'Alva',
      'Warsan',
      'Qorsheel',
      '900101',
      '987 65 43',
      'warsan.q',
    ]) {
      expect(text).not.toContain(personal);
    }
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    const request = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.message === 'GraphQL request');
    // (Both apps run in this one process and share Nest's static logger, so the service label is not checked.)
    expect(request).toMatchObject({
      level: 'info',
      operation: 'mutation',
      correlationId: expect.any(String),
    });
  }, 120_000);

  it("uses its own correlation id, not the caller's, and logs the caller's beside it", async () => {
    const response = await fetch(api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'caller-chosen-id-0001' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const logged = await eventually(
      async () =>
        lines
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((entry) => entry.clientRequestId === 'caller-chosen-id-0001'),
      (entry) => entry !== undefined,
    );
    expect(logged).toMatchObject({ correlationId: id, clientRequestId: 'caller-chosen-id-0001' });
  });
});

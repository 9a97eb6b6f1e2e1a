import { AuthService } from '#libs/auth';
import { DEMO_PASSWORD } from '#libs/demo-data';
import type { AppError } from '#libs/errors';
import { errorCode, type GraphqlClient } from '../support/graphql-client.js';
import { startStack, type Stack } from '../support/stack.js';

const ME = '{ me { email role organisation { name kind } } }';
const LOGIN =
  'mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresAt user { email } } }';

describe('login and me', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '60' } });
  });

  afterAll(() => stack?.close());

  it('returns a short-lived token for a demo account, and me answers with it', async () => {
    const response = await stack.anonymous.request<{ login: { accessToken: string; expiresAt: string } }>(
      LOGIN,
      {
        input: { email: ' Coach@Varmdo.example ', password: DEMO_PASSWORD },
      },
    );
    const { accessToken, expiresAt } = response.data!.login;
    const lifetimeMs = new Date(expiresAt).getTime() - Date.now();
    expect(lifetimeMs).toBeGreaterThan(0);
    expect(lifetimeMs).toBeLessThanOrEqual(15 * 60 * 1000);
    const me = await stack.anonymous.withToken(accessToken).ok(ME);
    expect(me).toEqual({
      me: {
        email: 'coach@varmdo.example',
        role: 'COACH',
        organisation: { name: 'Värmdö kommun', kind: 'MUNICIPALITY' },
      },
    });
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrongPassword = await stack.anonymous.request(LOGIN, {
      input: { email: 'admin@varmdo.example', password: 'not-the-password' },
    });
    const unknown = await stack.anonymous.request(LOGIN, {
      input: { email: 'nobody@varmdo.example', password: 'not-the-password' },
    });
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrongPassword.errors?.[0].message);
  });

  it('refuses a forged, an expired-looking and a malformed token', async () => {
    const forged =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAifQ.c2lnbmF0dXJl';
    for (const token of [forged, 'not-a-token']) {
      expect(errorCode(await stack.anonymous.withToken(token).request(ME))).toBe('UNAUTHENTICATED');
    }
  });

  it('locks an account after repeated failures, even for the right password, and says for how long', async () => {
    const input = { email: 'employer@vard.example', password: 'wrong-password-123' };
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await stack.anonymous.request(LOGIN, { input });
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    const locked = await stack.anonymous.request(LOGIN, { input: { ...input, password: DEMO_PASSWORD } });
    expect(errorCode(locked)).toBe('RATE_LIMITED');
    expect(locked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Another account is not affected.
    expect(
      (
        await stack.anonymous.request(LOGIN, {
          input: { email: 'admin@varmdo.example', password: DEMO_PASSWORD },
        })
      ).errors,
    ).toBeUndefined();
  });

  it('counts attempts made at once before checking any: the right password among too many guesses is not tried', async () => {
    // Started in one go in the API's process, each before any other has had its password checked (over HTTP the
    // requests would come in one after another): eleven guesses and, last, the right password.
    const auth = stack.api.app.get(AuthService, { strict: false });
    const email = 'coach@nacka.example';
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 11 }, () => auth.login(email, 'wrong-password-123', '192.0.2.7')),
      auth.login(email, DEMO_PASSWORD, '192.0.2.7'),
    ]);
    const codes = outcomes.map((outcome) =>
      outcome.status === 'rejected' ? (outcome.reason as AppError).code : 'LOGGED_IN',
    );
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(9);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
  });

  it("refuses at a locked address without using up the account's tries", async () => {
    const auth = stack.api.app.get(AuthService, { strict: false });
    const codeOf = (attempt: Promise<unknown>) =>
      attempt.then(
        () => 'LOGGED_IN',
        (error: AppError) => error.code,
      );
    // 100 failed logins from one office address, for anyone: the address is locked.
    const office = '192.0.2.50';
    await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        auth.login(`someone-${i}@office.example`, 'wrong-password', office),
      ),
    );
    // A colleague there keeps trying, with the right password: refused at the address each time.
    for (let attempt = 0; attempt < 4; attempt++)
      expect(await codeOf(auth.login('forening@rodakorset.example', DEMO_PASSWORD, office))).toBe(
        'RATE_LIMITED',
      );
    // From home the account is not locked: those tries were not counted against it.
    expect(await codeOf(auth.login('forening@rodakorset.example', DEMO_PASSWORD, '198.51.100.9'))).toBe(
      'LOGGED_IN',
    );
  });

  it('stops accepting the token of a deactivated account at once', async () => {
    const admin = await stack.anonymous.login('admin@varmdo.example');
    const coach: GraphqlClient = await stack.anonymous.login('coach2@varmdo.example');
    const { users } = await admin.ok<{ users: { nodes: { id: string; email: string }[] } }>(
      '{ users(first: 50) { nodes { id email } } }',
    );
    const coachId = users.nodes.find((user) => user.email === 'coach2@varmdo.example')!.id;
    await admin.ok('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: coachId });
    expect(errorCode(await coach.request(ME))).toBe('UNAUTHENTICATED');
  });

  it("shows an admin their own organisation's users and employer organisations', never another municipality's", async () => {
    const nackaAdmin = await stack.anonymous.login('admin@nacka.example');
    const list = async (variables: Record<string, unknown> = {}) =>
      nackaAdmin.request<{ users: { nodes: { id: string; email: string }[] } }>(
        'query($organisationId: ID) { users(first: 100, organisationId: $organisationId) { nodes { id email } } }',
        variables,
      );
    const emails = (await list()).data!.users.nodes.map((user) => user.email);
    expect(emails).toContain('admin@nacka.example');
    expect(emails).toContain('employer@vard.example');
    expect(emails.filter((email) => email.endsWith('@varmdo.example'))).toEqual([]);
    const [varmdo] = await stack.environment.sql(
      `SELECT u.id, u.organisation_id FROM users u WHERE u.email = 'coach@varmdo.example'`,
    );
    expect(errorCode(await list({ organisationId: varmdo!.organisation_id }))).toBe('FORBIDDEN');
    expect(
      errorCode(await nackaAdmin.request('query($id: ID!) { user(id: $id) { email } }', { id: varmdo!.id })),
    ).toBe('FORBIDDEN');
    const [employer] = await stack.environment.sql(
      `SELECT id FROM users WHERE email = 'employer@vard.example'`,
    );
    expect(await nackaAdmin.ok('query($id: ID!) { user(id: $id) { email } }', { id: employer!.id })).toEqual({
      user: { email: 'employer@vard.example' },
    });
  });

  it('lets roles reach only what they are allowed', async () => {
    const employer = await stack.anonymous.login('employer@forskolor.example');
    const coach = await stack.anonymous.login('coach@varmdo.example');
    const create = 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }';
    const input = {
      kind: 'COMPANY',
      name: 'Nytt AB',
      organisationNumber: '5593456782',
      municipalityCode: '0120',
    };
    expect(errorCode(await coach.request(create, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await employer.request(create, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await employer.request('{ organisations { totalCount } }'))).toBe('FORBIDDEN');
    expect(errorCode(await employer.request('{ users { totalCount } }'))).toBe('FORBIDDEN');
    expect(
      (
        await stack.environment.sql(
          'SELECT count(*)::int AS n FROM organisations WHERE organisation_number = $1',
          ['5593456782'],
        )
      )[0].n,
    ).toBe(0);
  });

  it('answers a search with no hits, not an error, before the worker has built the index', async () => {
    // This stack runs no worker, so the organisations index does not exist.
    const coach = await stack.anonymous.login('coach@varmdo.example');
    expect(await coach.ok('{ searchOrganisations(query: "värmdö") { id } }')).toEqual({
      searchOrganisations: [],
    });
  });
});

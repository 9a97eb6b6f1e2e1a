import { DEMO_PASSWORD } from '#libs/demo-data';
import pg from 'pg';
import { errorCode, refusedAt, type GraphqlClient } from '../support/graphql-client.js';
import { blockedBy } from '../support/lock-waits.js';
import { uniqueOrganisationNumber } from '../support/opening-track-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';

const CHANGE_PASSWORD = 'mutation($input: ChangePasswordInput!) { changeMyPassword(input: $input) }';
const MARK_READ = 'mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }';

describe('own account, notifications and the remaining mutations refuse bad input', () => {
  let stack: Stack;
  let admin: GraphqlClient;
  let coach: GraphqlClient;

  const userId = async (email: string) =>
    (await stack.environment.sql('SELECT id FROM users WHERE email = $1', [email]))[0].id as string;
  const passwordHash = async (email: string) =>
    (await stack.environment.sql('SELECT password_hash FROM users WHERE email = $1', [email]))[0]
      .password_hash;

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.anonymous.login('admin@varmdo.example');
    coach = await stack.anonymous.login('coach@varmdo.example');
  });

  afterAll(() => stack?.close());

  it('changes the own password only with the current one, and never to the same', async () => {
    const before = await passwordHash('coach@varmdo.example');
    const wrong = await coach.request(CHANGE_PASSWORD, {
      input: { currentPassword: 'not-my-password', newPassword: 'a-new-long-password' },
    });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions?.field).toBe('input.currentPassword');
    const same = await coach.request(CHANGE_PASSWORD, {
      input: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD },
    });
    expect(same.errors?.[0].extensions?.field).toBe('input.newPassword');
    const short = await coach.request(CHANGE_PASSWORD, {
      input: { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
    });
    expect(short.errors?.[0].extensions?.field).toBe('input.newPassword');
    expect(await passwordHash('coach@varmdo.example')).toBe(before);

    // Another session of the same account, logged in before the change.
    const otherSession = await stack.anonymous.login('coach@varmdo.example');
    await coach.ok(CHANGE_PASSWORD, {
      input: { currentPassword: DEMO_PASSWORD, newPassword: 'a-new-long-password' },
    });
    // Every token issued before stops working, this one too (a stolen one among them).
    for (const session of [coach, otherSession]) {
      const refused = await session.request('{ me { email } }');
      expect(errorCode(refused)).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0].message).toMatch(/password changed: log in again/);
    }
    coach = await stack.anonymous.login('coach@varmdo.example', 'a-new-long-password');
    expect(await coach.ok('{ me { email } }')).toEqual({ me: { email: 'coach@varmdo.example' } });
  });

  it('locks password changes after repeated wrong current passwords: a token does not let anyone guess without limit', async () => {
    const before = await passwordHash('coach2@varmdo.example');
    const session = await stack.anonymous.login('coach2@varmdo.example');
    const guess = (currentPassword: string) =>
      session.request(CHANGE_PASSWORD, { input: { currentPassword, newPassword: 'a-new-long-password' } });
    for (let attempt = 0; attempt < 5; attempt++)
      expect(errorCode(await guess(`guess-number-${attempt}`))).toBe('BAD_USER_INPUT');
    // Locked: not even the right one is tried.
    expect(errorCode(await guess(DEMO_PASSWORD))).toBe('RATE_LIMITED');
    expect(await passwordHash('coach2@varmdo.example')).toBe(before);
    // A lock of its own: the owner still logs in.
    await expect(stack.anonymous.login('coach2@varmdo.example')).resolves.toBeDefined();
  });

  it('lets the owner change the password while someone outside has locked the login', async () => {
    const session = await stack.anonymous.login('forening@rodakorset.example');
    const login = (password: string) =>
      stack.anonymous.request('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: { email: 'forening@rodakorset.example', password },
      });
    for (let attempt = 0; attempt < 5; attempt++)
      expect(errorCode(await login(`guess-number-${attempt}`))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(DEMO_PASSWORD))).toBe('RATE_LIMITED');
    await session.ok(CHANGE_PASSWORD, {
      input: { currentPassword: DEMO_PASSWORD, newPassword: 'a-new-long-password' },
    });
  });

  it("keeps an admin out of another municipality's accounts, and lets them bring in employers", async () => {
    const nackaAdmin = await stack.anonymous.login('admin@nacka.example');
    const organisationId = async (name: string) =>
      (await stack.environment.sql('SELECT id FROM organisations WHERE name = $1', [name]))[0].id as string;
    const varmdo = await organisationId('Värmdö kommun');
    const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
    const account = (organisationId: string, role: string, email: string) => ({
      input: { organisationId, role, email, fullName: 'Ny Användare', password: 'a-long-enough-password' },
    });
    const users = async () => Number((await stack.environment.sql('SELECT count(*) AS n FROM users'))[0].n);
    const before = await users();
    // A coach or an employer account in Värmdö would see Värmdö's participants or placed people.
    for (const role of ['COACH', 'ADMIN', 'EMPLOYER']) {
      const refused = await nackaAdmin.request(
        CREATE,
        account(varmdo, role, `${role.toLowerCase()}@nacka-in-varmdo.example`),
      );
      expect(errorCode(refused)).toBe('FORBIDDEN');
    }
    expect(
      errorCode(
        await nackaAdmin.request('mutation($id: ID!) { deactivateUser(id: $id) { id } }', {
          id: await userId('coach@varmdo.example'),
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await nackaAdmin.request(
          'mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }',
          { id: varmdo, input: { name: 'Nacka kommun, Värmdö' } },
        ),
      ),
    ).toBe('FORBIDDEN');
    // Nor may it make an employer organisation a municipality: no other admin could manage its accounts then.
    const forskolor = await organisationId('Skärgårdens Förskolor AB');
    expect(
      errorCode(
        await nackaAdmin.request(
          'mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }',
          { id: forskolor, input: { kind: 'MUNICIPALITY' } },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      (await stack.environment.sql('SELECT kind FROM organisations WHERE id = $1', [forskolor]))[0].kind,
    ).toBe('COMPANY');
    expect(await users()).toBe(before);
    expect(
      (
        await stack.environment.sql(
          'SELECT name, active FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.email = $1',
          ['coach@varmdo.example'],
        )
      )[0],
    ).toEqual({ name: 'Värmdö kommun', active: true });

    // An employer organisation's accounts, and a new organisation's first one, are any admin's to make.
    const company = (
      await stack.environment.sql(`SELECT id FROM organisations WHERE kind = 'COMPANY' ORDER BY name LIMIT 1`)
    )[0].id as string;
    const { createUser } = await nackaAdmin.ok<{ createUser: { id: string } }>(
      CREATE,
      account(company, 'EMPLOYER', 'ny.arbetsgivare@nacka-in.example'),
    );
    await nackaAdmin.ok('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: createUser.id });
    const { createOrganisation } = await nackaAdmin.ok<{ createOrganisation: { id: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      {
        input: {
          kind: 'MUNICIPALITY',
          name: 'Ny kommun (test)',
          organisationNumber: '5592041130',
          municipalityCode: '0138',
        },
      },
    );
    await nackaAdmin.ok(CREATE, account(createOrganisation.id, 'ADMIN', 'forsta.admin@ny-kommun.example'));
    // Then it has its own admin, who adds its coaches.
    expect(
      errorCode(
        await nackaAdmin.request(CREATE, account(createOrganisation.id, 'COACH', 'coach@ny-kommun.example')),
      ),
    ).toBe('FORBIDDEN');
  });

  it('does not let an admin deactivate their own account', async () => {
    const response = await admin.request('mutation($id: ID!) { deactivateUser(id: $id) { id } }', {
      id: await userId('admin@varmdo.example'),
    });
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(
      (await stack.environment.sql(`SELECT active FROM users WHERE email = 'admin@varmdo.example'`))[0]
        .active,
    ).toBe(true);
  });

  it('answers NOT_FOUND for an unknown organisation or user and writes nothing', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const update = await admin.request(
      'mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }',
      { id: unknown, input: { name: 'Finns inte AB' } },
    );
    expect(errorCode(update)).toBe('NOT_FOUND');
    expect(
      errorCode(
        await admin.request('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: unknown }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      (
        await stack.environment.sql(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE payload->>'id' = $1`,
          [unknown],
        )
      )[0].n,
    ).toBe(0);
  });

  it("lets a user mark their own notifications read, and not someone else's", async () => {
    const [{ id: mine }] = await stack.environment.sql(
      `INSERT INTO notifications (user_id, kind, dedupe_key) VALUES ($1, 'WELCOME', 'test:coach') RETURNING id`,
      [await userId('coach@varmdo.example')],
    );
    const [{ id: theirs }] = await stack.environment.sql(
      `INSERT INTO notifications (user_id, kind, dedupe_key) VALUES ($1, 'WELCOME', 'test:employer') RETURNING id`,
      [await userId('employer@vard.example')],
    );
    expect(errorCode(await coach.request(MARK_READ, { id: theirs }))).toBe('NOT_FOUND');
    expect(
      (await stack.environment.sql('SELECT read_at FROM notifications WHERE id = $1', [theirs]))[0].read_at,
    ).toBeNull();
    // The demo data's history has told this coach of other things too: only this one is read.
    const unread = async () =>
      (
        await coach.ok<{ notifications: { nodes: { id: string }[] } }>(
          '{ notifications(first: 100, unreadOnly: true) { nodes { id } } }',
        )
      ).notifications.nodes.map((node) => node.id);
    const before = await unread();
    expect(before).toContain(mine);
    const { markNotificationRead } = await coach.ok<{ markNotificationRead: { readAt: string } }>(MARK_READ, {
      id: mine,
    });
    expect(markNotificationRead.readAt).toEqual(expect.any(String));
    expect(await unread()).toEqual(before.filter((id) => id !== mine));
  });

  it('shows the participant a notification is about to coaches, never to an employer', async () => {
    const [{ id: participantId }] = await stack.environment.sql(
      `SELECT p.id FROM participants p JOIN users u ON u.organisation_id = p.organisation_id
        WHERE u.email = 'coach@varmdo.example' LIMIT 1`,
    );
    // A row no service writes for an employer: what the API shows must not depend on the rows being right.
    for (const [email, key] of [
      ['coach@varmdo.example', 'test:subject:coach'],
      ['employer@vard.example', 'test:subject:employer'],
    ]) {
      await stack.environment.sql(
        `INSERT INTO notifications (user_id, kind, dedupe_key, participant_id)
         VALUES ($1, 'ESTABLISHMENT_PERIOD_ENDING', $2, $3)`,
        [await userId(email!), key, participantId],
      );
    }
    const subjects = async (client: GraphqlClient) =>
      (
        await client.ok<{ notifications: { nodes: { kind: string; participantId: string | null }[] } }>(
          '{ notifications(first: 100) { nodes { kind participantId } } }',
        )
      ).notifications.nodes.filter((node) => node.kind === 'ESTABLISHMENT_PERIOD_ENDING');
    expect(await subjects(coach)).toEqual([{ kind: 'ESTABLISHMENT_PERIOD_ENDING', participantId }]);
    const employer = await stack.anonymous.login('employer@vard.example');
    expect(await subjects(employer)).toEqual([{ kind: 'ESTABLISHMENT_PERIOD_ENDING', participantId: null }]);
  });

  it("takes an organisation's kind as it is when the account is made: a change meanwhile is waited for", async () => {
    const { createOrganisation } = await admin.ok<{ createOrganisation: { id: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      {
        input: {
          kind: 'MUNICIPALITY',
          name: 'Omorganiserad kommun',
          organisationNumber: uniqueOrganisationNumber('212000'),
          municipalityCode: '0120',
        },
      },
    );
    const change = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await change.connect();
    try {
      // Its kind is being changed (as updateOrganisation does, holding the row) while an admin adds a coach.
      await change.query('BEGIN');
      await change.query(`UPDATE organisations SET kind = 'COMPANY' WHERE id = $1`, [createOrganisation.id]);
      const created = admin.request(
        'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        {
          input: {
            organisationId: createOrganisation.id,
            role: 'COACH',
            email: 'coach.meanwhile@omorganiserad.example',
            fullName: 'Ny Coach',
            password: 'a-long-enough-password',
          },
        },
      );
      await blockedBy(change);
      await change.query('COMMIT');
      // A company holds no coaches: refused on what the organisation is now, nothing written.
      expect(refusedAt(await created)).toEqual(['BAD_USER_INPUT', 'input.role']);
    } finally {
      await change.end();
    }
    expect(
      (
        await stack.environment.sql('SELECT count(*)::int AS n FROM users WHERE organisation_id = $1', [
          createOrganisation.id,
        ])
      )[0].n,
    ).toBe(0);
  });
});

import { SearchIndex } from '#libs/search';
import { eventually } from '../support/eventually.js';
import { errorCode, type GraphqlClient } from '../support/graphql-client.js';
import { startStack, type Stack } from '../support/stack.js';

const PAGE = `query($after: String) { organisations(first: 3, after: $after) {
  totalCount nodes { id name organisationNumber } pageInfo { endCursor hasNextPage } } }`;

describe('organisations', () => {
  let stack: Stack;
  let admin: GraphqlClient;

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    admin = await stack.anonymous.login('admin@varmdo.example');
  });

  afterAll(() => stack?.close());

  it('pages through every organisation by name, each exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total: number;
    do {
      type Page = {
        organisations: {
          totalCount: number;
          nodes: { name: string }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      };
      const { organisations }: Page = await admin.ok<Page>(PAGE, { after });
      total = organisations.totalCount;
      seen.push(...organisations.nodes.map((node) => node.name));
      after = organisations.pageInfo.hasNextPage ? organisations.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('pages on past an organisation whose name is as long as allowed', async () => {
    // 200 characters, most of them two bytes of UTF-8: its page's endCursor is the longest a name gives.
    const name = `A${'äöå'.repeat(66)}B`;
    const { createOrganisation } = await admin.ok<{ createOrganisation: { id: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      { input: { kind: 'COMPANY', name, organisationNumber: '5597770014', municipalityCode: '0120' } },
    );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      type Page = {
        organisations: {
          nodes: { id: string }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      };
      const { organisations }: Page = await admin.ok<Page>(
        'query($after: String) { organisations(first: 1, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }',
        { after },
      );
      seen.push(...organisations.nodes.map((node) => node.id));
      after = organisations.pageInfo.hasNextPage ? organisations.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toContain(createOrganisation.id);
    expect(seen.indexOf(createOrganisation.id)).toBeLessThan(seen.length - 1);
  });

  it('creates and updates an organisation, which typo-tolerant search then finds', async () => {
    const { createOrganisation } = await admin.ok<{
      createOrganisation: { id: string; organisationNumber: string };
    }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id organisationNumber } }',
      {
        input: {
          kind: 'COMPANY',
          name: 'Djurö Hemtjänst AB',
          organisationNumber: '5594567892',
          municipalityCode: '0120',
        },
      },
    );
    expect(createOrganisation.organisationNumber).toBe('559456-7892');
    const search = async (query: string) =>
      (
        await admin.ok<{ searchOrganisations: { id: string; name: string }[] }>(
          'query($query: String!) { searchOrganisations(query: $query, kind: COMPANY) { id name } }',
          { query },
        )
      ).searchOrganisations;
    await eventually(
      () => search('djuro hemtjanst'),
      (hits) => hits[0]?.id === createOrganisation.id,
      60_000, // behind the demo data's backlog, on the run's shared Meilisearch
    );

    await admin.ok(
      'mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }',
      {
        id: createOrganisation.id,
        input: { name: 'Djurö Omsorg AB' },
      },
    );
    await eventually(
      () => search('djurö omsorg'),
      (hits) => hits[0]?.name === 'Djurö Omsorg AB',
    );
  }, 150_000);

  it('finds nothing, not INTERNAL, while the index exists without its settings', async () => {
    // As Meilisearch shows a new index while the settings task that creates it still runs: `kind` not filterable.
    const organisations = stack.environment.meilisearchAdmin.index(
      `${stack.environment.workerConfig.search.indexPrefix}${SearchIndex.Organisations}`,
    );
    const SEARCH = 'query { searchOrganisations(query: "värmdö", kind: MUNICIPALITY) { name } }';
    const names = async () =>
      (await admin.ok<{ searchOrganisations: { name: string }[] }>(SEARCH)).searchOrganisations.map(
        (hit) => hit.name,
      );
    // Indexed first (behind the demo data's backlog), so that an empty answer below says what it should.
    await eventually(names, (found) => found.includes('Värmdö kommun'), 60_000);
    const { filterableAttributes } = await organisations.getSettings();
    await organisations.resetFilterableAttributes().waitTask();
    try {
      const bare = await admin.request<{ searchOrganisations: unknown[] }>(SEARCH);
      expect(bare.errors).toBeUndefined();
      expect(bare.data!.searchOrganisations).toEqual([]);
    } finally {
      await organisations.updateSettings({ filterableAttributes }).waitTask();
    }
    expect(await names()).toContain('Värmdö kommun');
  }, 90_000);

  it('refuses to clear a required field with null in an update', async () => {
    const [{ id }] = await stack.environment.sql(`SELECT id FROM organisations LIMIT 1`);
    const response = await admin.request(
      'mutation($id: ID!) { updateOrganisation(id: $id, input: { name: null }) { id } }',
      { id },
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.field).toBe('input.name');
  });

  it('refuses to change the kind of an organisation that holds what the new kind may not', async () => {
    const UPDATE_KIND = `mutation($id: ID!, $kind: OrganisationKind!) {
      updateOrganisation(id: $id, input: { kind: $kind }) { id kind } }`;
    const [{ id: varmdo }] = await stack.environment.sql(
      `SELECT id FROM organisations WHERE name = 'Värmdö kommun'`,
    );
    const refused = await admin.request(UPDATE_KIND, { id: varmdo, kind: 'COMPANY' });
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].extensions?.field).toBe('input.kind');
    expect(refused.errors?.[0].message).toMatch(
      /^A COMPANY cannot hold what this organisation has: \d+ coaches or admins, \d+ participants/,
    );
    const [{ kind }] = await stack.environment.sql('SELECT kind FROM organisations WHERE id = $1', [varmdo]);
    expect(kind).toBe('MUNICIPALITY');

    // An organisation with nothing of the sort changes freely.
    const { createOrganisation } = await admin.ok<{ createOrganisation: { id: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      {
        input: {
          kind: 'COMPANY',
          name: 'Gustavsbergs Idrottsförening',
          organisationNumber: '5598712346',
          municipalityCode: '0120',
        },
      },
    );
    const changed = await admin.ok<{ updateOrganisation: { kind: string } }>(UPDATE_KIND, {
      id: createOrganisation.id,
      kind: 'ASSOCIATION',
    });
    expect(changed.updateOrganisation.kind).toBe('ASSOCIATION');
  });

  it('shows employers their own organisation only', async () => {
    const employer = await stack.anonymous.login('employer@vard.example');
    const { me } = await employer.ok<{ me: { organisation: { id: string } } }>(
      '{ me { organisation { id } } }',
    );
    const own = await employer.request('query($id: ID!) { organisation(id: $id) { name } }', {
      id: me.organisation.id,
    });
    expect(own.errors).toBeUndefined();
    const [{ id: other }] = await stack.environment.sql(
      `SELECT id FROM organisations WHERE id <> $1 LIMIT 1`,
      [me.organisation.id],
    );
    expect(
      errorCode(await employer.request('query($id: ID!) { organisation(id: $id) { name } }', { id: other })),
    ).toBe('FORBIDDEN');
  });
});

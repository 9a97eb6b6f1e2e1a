import { readFile } from 'node:fs/promises';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { SCHEMA_FILE } from '../../apps/api/graphql/schema-file.js';
import { GraphqlClient, errorCode } from '../support/graphql-client.js';
import { startApi, type RunningApi } from '../support/running-apps.js';
import { minimalOperation } from '../support/schema-walk.js';
import { createTestEnvironment, type TestEnvironment } from '../support/test-environment.js';

/** The only operations anyone may call without logging in. Adding one here is a security decision. */
const PUBLIC = new Set(['Query.health', 'Mutation.login']);

describe('every query and mutation is guarded', () => {
  let environment: TestEnvironment;
  let api: RunningApi;
  let anonymous: GraphqlClient;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await startApi(environment.apiConfig);
    anonymous = new GraphqlClient(api.graphqlUrl);
  });

  afterAll(async () => {
    await api?.close();
    await environment?.destroy();
  });

  it('walks the committed schema and refuses each non-public field to an anonymous caller', async () => {
    const schema = buildSchema(await readFile(SCHEMA_FILE, 'utf8'));
    const roots: Array<['query' | 'mutation', GraphQLObjectType | null | undefined]> = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ];
    const outcomes: Record<string, string | undefined> = {};
    for (const [operation, root] of roots) {
      for (const field of Object.values(root!.getFields())) {
        const { query, variables } = minimalOperation(operation, field);
        const response = await anonymous.request(query, variables);
        const refused =
          errorCode(response) === 'UNAUTHENTICATED' &&
          response.errors?.[0].message === 'Authentication required';
        outcomes[`${root!.name}.${field.name}`] = refused ? 'REFUSED' : 'REACHED';
      }
    }
    expect(Object.keys(outcomes).length).toBeGreaterThan(10);
    for (const [field, outcome] of Object.entries(outcomes)) {
      expect([field, outcome]).toEqual([field, PUBLIC.has(field) ? 'REACHED' : 'REFUSED']);
    }
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import { buildSchema, getIntrospectionQuery, buildClientSchema, type IntrospectionQuery } from 'graphql';
import { printSchemaFile, SCHEMA_FILE } from '../../apps/api/graphql/schema-file.js';
import { GraphqlClient } from '../support/graphql-client.js';
import { startApi, type RunningApi } from '../support/running-apps.js';
import { createTestEnvironment, type TestEnvironment } from '../support/test-environment.js';

/** `npm run schema:generate` runs this file with UPDATE_SCHEMA=1 to rewrite the committed schema. */
describe('graphql/schema.gql', () => {
  let environment: TestEnvironment;
  let api: RunningApi;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await startApi(environment.apiConfig);
  });

  afterAll(async () => {
    await api?.close();
    await environment?.destroy();
  });

  it('is what the code generates (run `npm run schema:generate` after changing the API)', async () => {
    const introspection = await new GraphqlClient(api.graphqlUrl).ok<IntrospectionQuery>(
      getIntrospectionQuery(),
    );
    const generated = printSchemaFile(buildClientSchema(introspection));
    if (process.env.UPDATE_SCHEMA === '1') await writeFile(SCHEMA_FILE, generated);
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(generated);
    expect(() => buildSchema(committed)).not.toThrow();
  });
});

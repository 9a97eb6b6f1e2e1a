import { serverAudits } from 'graphql-http';
import { startStack, type Stack } from '../support/stack.js';

/**
 * The graphql-http server audits against the running API. Every MUST audit passes. Apollo's CSRF prevention stays
 * on: no MUST audit needs it weakened (see README, "GraphQL over HTTP").
 */
describe('GraphQL over HTTP conformance (graphql-http audits)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(() => stack?.close());

  it('passes every MUST audit', async () => {
    const results = await Promise.all(
      serverAudits({ url: () => stack.api.graphqlUrl, fetchFn: fetch }).map(async (audit) => ({
        name: audit.name,
        result: await audit.fn(),
      })),
    );
    const mustFailures = results
      .filter(({ name, result }) => name.startsWith('MUST') && result.status !== 'ok')
      .map(({ name, result }) => `${name}: ${result.status === 'ok' ? '' : result.reason}`);
    expect(results.length).toBeGreaterThan(20);
    expect(mustFailures).toEqual([]);
  });
});

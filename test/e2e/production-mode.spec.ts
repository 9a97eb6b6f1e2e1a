import { getIntrospectionQuery } from 'graphql';
import { errorCode } from '../support/graphql-client.js';
import { startStack, type Stack } from '../support/stack.js';

describe('in production', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ env: { NODE_ENV: 'production' } });
  });

  afterAll(() => stack?.close());

  it('refuses introspection', async () => {
    const response = await stack.anonymous.request(getIntrospectionQuery());
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.data ?? null).toBeNull();
  });

  it('does not suggest field names', async () => {
    const response = await stack.anonymous.request('{ healt { status } }');
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0].message).not.toContain('health');
  });

  it('still serves the public health query and readiness', async () => {
    expect(await stack.anonymous.ok('{ health { status } }')).toEqual({ health: { status: 'ok' } });
    const ready = await fetch(`${stack.api.url}/health/ready`);
    expect(ready.status).toBe(200);
  });

  it('masks an unexpected failure as INTERNAL with a correlation id, and says nothing of its cause', async () => {
    const coach = await stack.anonymous.login('coach@varmdo.example');
    await stack.environment.sql('ALTER TABLE notifications RENAME TO notifications_gone');
    try {
      const response = await coach.request('{ notifications { totalCount } }');
      expect(response.errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL', correlationId: expect.any(String) },
      });
      expect(JSON.stringify(response)).not.toMatch(
        /notifications_gone|does not exist|QueryFailedError|stacktrace/i,
      );
    } finally {
      await stack.environment.sql('ALTER TABLE notifications_gone RENAME TO notifications');
    }
  });
});

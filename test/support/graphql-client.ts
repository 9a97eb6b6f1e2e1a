import { DEMO_PASSWORD } from '#libs/demo-data';

export interface GraphqlError {
  message: string;
  path?: string[];
  extensions?: {
    code?: string;
    field?: string;
    fields?: { field: string; message: string }[];
    [key: string]: unknown;
  };
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphqlError[];
}

/** A minimal GraphQL-over-HTTP client, as any client would call the API. */
export class GraphqlClient {
  constructor(
    readonly url: string,
    private token?: string,
  ) {}

  withToken(token: string): GraphqlClient {
    return new GraphqlClient(this.url, token);
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>> {
    return this.post<T>(JSON.stringify({ query, variables }));
  }

  async post<T>(body: string, headers: Record<string, string> = {}): Promise<GraphqlResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body,
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as GraphqlResponse<T>) : {};
    return { ...json, status: response.status };
  }

  /** The data of a request that must succeed; fails the test with the errors otherwise. */
  async ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await this.request<T>(query, variables);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL request failed: ${JSON.stringify(response.errors ?? response)}`);
    }
    return response.data;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<GraphqlClient> {
    const data = await this.ok<{ login: { accessToken: string } }>(
      'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email, password } },
    );
    return this.withToken(data.login.accessToken);
  }
}

/** The first error's code, for terse assertions. */
export function errorCode(response: GraphqlResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** The code and the field at fault of a refused request: `['BAD_USER_INPUT', 'input.lastDay']`. */
export function refusedAt(response: GraphqlResponse<unknown>): [string | undefined, string | undefined] {
  const extensions = response.errors?.[0]?.extensions;
  return [extensions?.code, extensions?.field ?? extensions?.fields?.[0]?.field];
}

/** One of the caller's in-app notifications: its kind and what it is about. */
export interface NotificationAbout {
  kind: string;
  placementId: string | null;
  followUpId: string | null;
  proposalId: string | null;
  participantId: string | null;
}

/** The caller's in-app notifications, newest first. */
export async function notificationsOf(client: GraphqlClient): Promise<NotificationAbout[]> {
  const { notifications } = await client.ok<{ notifications: { nodes: NotificationAbout[] } }>(
    'query { notifications(first: 100) { nodes { kind placementId followUpId proposalId participantId } } }',
  );
  return notifications.nodes;
}

/** A notification of `kind` about `subject` only (the other subject ids null). */
export function about(kind: string, subject: Partial<Omit<NotificationAbout, 'kind'>>): NotificationAbout {
  return { kind, placementId: null, followUpId: null, proposalId: null, participantId: null, ...subject };
}

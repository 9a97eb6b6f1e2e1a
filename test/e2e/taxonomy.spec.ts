import { errorCode, type GraphqlClient } from '../support/graphql-client.js';
import { startStack, type Stack } from '../support/stack.js';

const SEARCH = `query($kind: TaxonomyKind!, $query: String!, $first: Int) {
  searchTaxonomy(kind: $kind, query: $query, first: $first) { conceptId label code countyLabel } }`;

interface Concept {
  conceptId: string;
  label: string;
  code: string | null;
  countyLabel: string | null;
}

// These work with the full shared taxonomy and with the built-in subset alike.
let stack: Stack;
let coach: GraphqlClient;
let admin: GraphqlClient;

beforeAll(async () => {
  stack = await startStack();
  coach = await stack.anonymous.login('coach@varmdo.example');
  admin = await stack.anonymous.login('admin@varmdo.example');
});

afterAll(() => stack?.close());

describe('taxonomy lookup', () => {
  async function search(kind: string, query: string, first?: number): Promise<Concept[]> {
    return (await coach.ok<{ searchTaxonomy: Concept[] }>(SEARCH, { kind, query, first })).searchTaxonomy;
  }

  it('finds an occupation by the prefix of its label, with its SSYK code', async () => {
    const [first] = await search('OCCUPATION', 'barnsk');
    expect(first).toEqual({
      conceptId: 'rM7G_ge7_XhP',
      label: 'Barnskötare',
      code: '5311',
      countyLabel: null,
    });
  });

  it.each(['barnskötrae', 'barnskotare', 'Barnskötare ', 'BARNSKÖTARE'])(
    'forgives typos, missing dots and case: "%s" finds Barnskötare first',
    async (query) => {
      expect((await search('OCCUPATION', query))[0]?.label).toBe('Barnskötare');
    },
  );

  it('ranks the label start, then a word start, then a match inside a word', async () => {
    const labels = (await search('OCCUPATION', 'assistent', 50)).map((concept) => concept.label);
    const rank = (label: string) =>
      /^assistent/i.test(label) ? 1 : /[\s/(-]assistent/i.test(label) ? 2 : /assistent/i.test(label) ? 3 : 4;
    const ranks = labels.map(rank);
    expect(ranks).toEqual([...ranks].sort());
    expect(labels).toContain('Personlig assistent');
    expect(ranks).toContain(3);
  });

  it('finds a municipality typed without å ä ö, or by kommunkod, with its county', async () => {
    const expected = {
      conceptId: expect.any(String),
      label: 'Värmdö',
      code: '0120',
      countyLabel: 'Stockholms län',
    };
    expect((await search('MUNICIPALITY', 'varmdo'))[0]).toEqual(expected);
    expect((await search('MUNICIPALITY', 'värm'))[0]).toEqual(expected);
    expect((await search('MUNICIPALITY', '0120'))[0]).toEqual(expected);
  });

  it('finds languages by prefix and by ISO code', async () => {
    expect((await search('LANGUAGE', 'ara'))[0]).toMatchObject({ label: 'Arabiska', code: 'ar' });
    expect((await search('LANGUAGE', 'tigrin'))[0]).toMatchObject({
      label: 'Tigrinska/Tigrinja',
      code: 'ti',
    });
    expect((await search('LANGUAGE', 'sorani'))[0]).toMatchObject({
      label: 'Kurdiska - Sorani',
      code: 'ckb',
    });
    expect((await search('LANGUAGE', 'so'))[0]).toMatchObject({ label: 'Somaliska', code: 'so' });
  });

  it('finds skills and honours first', async () => {
    const skills = await search('SKILL', 'städ', 3);
    expect(skills).toHaveLength(3);
    expect(skills.every((skill) => /städ/i.test(skill.label))).toBe(true);
    expect(skills.every((skill) => skill.code === null)).toBe(true);
  });

  it('treats LIKE wildcards in the text literally', async () => {
    expect(await search('SKILL', '_a')).toEqual([]);
    expect(await search('SKILL', 'a%')).toEqual([]);
  });

  it('refuses a text without a letter or a digit (it would scan every label) on query', async () => {
    for (const query of ['%', '_', '\\', '%%%', ' _%\\ ', '-/()']) {
      const response = await coach.request(SEARCH, { kind: 'SKILL', query });
      expect([query, errorCode(response), response.errors?.[0].extensions?.field]).toEqual([
        query,
        'BAD_USER_INPUT',
        'query',
      ]);
      expect(response.errors?.[0].extensions?.fields).toContainEqual({
        field: 'query',
        message: 'must contain a letter or a digit',
      });
    }
  });

  it('refuses kinds without lookup, an empty or over-long text and a wrong first, naming the argument', async () => {
    for (const [variables, field] of [
      [{ kind: 'EDUCATION_LEVEL', query: 'gym' }, 'kind'],
      [{ kind: 'COUNTY', query: 'stock' }, 'kind'],
      [{ kind: 'SKILL', query: '   ' }, 'query'],
      [{ kind: 'SKILL', query: 'x'.repeat(101) }, 'query'],
      [{ kind: 'SKILL', query: 'städ', first: 0 }, 'first'],
      [{ kind: 'SKILL', query: 'städ', first: 51 }, 'first'],
    ] as const) {
      const response = await coach.request(SEARCH, variables);
      expect([variables, errorCode(response), response.errors?.[0].extensions?.field]).toEqual([
        variables,
        'BAD_USER_INPUT',
        field,
      ]);
    }
  });

  it('lists the top-level SUN education levels in order, and every driving licence class', async () => {
    const { educationLevels, drivingLicences } = await coach.ok<{
      educationLevels: Concept[];
      drivingLicences: Concept[];
    }>('{ educationLevels { conceptId label code } drivingLicences { conceptId label code } }');
    expect(educationLevels.map((level) => level.code)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(educationLevels[3].label).toBe('Gymnasial utbildning');
    expect(drivingLicences.map((licence) => licence.code)).toEqual(
      expect.arrayContaining(['A', 'AM', 'B', 'BE', 'C', 'CE', 'D']),
    );
    expect(drivingLicences).toHaveLength(15);
  });

  it('serves every signed-in role and no anonymous caller', async () => {
    for (const email of ['employer@vard.example', 'forening@rodakorset.example']) {
      const client = await stack.anonymous.login(email);
      const { searchTaxonomy } = await client.ok<{ searchTaxonomy: Concept[] }>(SEARCH, {
        kind: 'SKILL',
        query: 'omvårdnad',
      });
      expect(searchTaxonomy.length).toBeGreaterThan(0);
    }
    for (const query of [SEARCH, '{ educationLevels { code } }', '{ drivingLicences { code } }']) {
      const response = await stack.anonymous.request(query, { kind: 'SKILL', query: 'omvårdnad' });
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(
      (await admin.ok<{ educationLevels: Concept[] }>('{ educationLevels { code } }')).educationLevels,
    ).toHaveLength(7);
  });
});

describe('organisations and the taxonomy', () => {
  const written = async () =>
    (
      await stack.environment.sql(
        `SELECT (SELECT count(*) FROM organisations)::int AS organisations,
                (SELECT count(*) FROM outbox_messages)::int AS outbox,
                (SELECT max(updated_at) FROM organisations) AS updated`,
      )
    )[0];

  it('loaded the demo organisations, whose kommunkoder are in the taxonomy', async () => {
    const [{ unknown }] = await stack.environment.sql(
      `SELECT count(*)::int AS unknown FROM organisations o
       WHERE NOT EXISTS (SELECT 1 FROM taxonomy_municipalities m WHERE m.municipality_code = o.municipality_code)`,
    );
    expect(unknown).toBe(0);
  });

  it('refuses a well-formed kommunkod that is no municipality, on create and on update, writing nothing', async () => {
    const before = await written();
    const created = await admin.request(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      {
        input: {
          kind: 'COMPANY',
          name: 'Ingenstans AB',
          organisationNumber: '5594567892',
          municipalityCode: '0199',
        },
      },
    );
    expect(errorCode(created)).toBe('BAD_USER_INPUT');
    expect(created.errors?.[0].extensions?.field).toBe('input.municipalityCode');
    expect(created.errors?.[0].message).toContain('kommunkod');

    const [{ id }] = await stack.environment.sql(`SELECT id FROM organisations LIMIT 1`);
    const updated = await admin.request(
      'mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }',
      { id, input: { municipalityCode: '0199' } },
    );
    expect(errorCode(updated)).toBe('BAD_USER_INPUT');
    expect(updated.errors?.[0].extensions?.field).toBe('input.municipalityCode');
    expect(await written()).toEqual(before);

    const moved = await admin.ok<{ updateOrganisation: { municipalityCode: string } }>(
      'mutation($id: ID!) { updateOrganisation(id: $id, input: { municipalityCode: "0180" }) { municipalityCode } }',
      { id },
    );
    expect(moved.updateOrganisation.municipalityCode).toBe('0180');
  });
});

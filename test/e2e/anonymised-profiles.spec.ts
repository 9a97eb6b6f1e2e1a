import { AnonymisedPopulation } from '#libs/participants';
import { errorCode, type GraphqlClient } from '../support/graphql-client.js';
import {
  conceptIds,
  createParticipant,
  publishProfile,
  uniquePersonnummer,
} from '../support/participants.js';
import { startStack, type Stack } from '../support/stack.js';

const K = 5;

const FIELDS = `publicId experience { occupation { conceptId label } yearsOfExperience } skills { conceptId label }
  educationLevel swedishLevel languages { conceptId label level } drivingLicences
  availability { from hoursPerWeek freeWeekdays } area { municipality county } ageBand wantedKinds summary`;

interface Shown {
  publicId: string;
  educationLevel: string | null;
  swedishLevel: string | null;
  languages: { conceptId: string | null; label: string; level: string | null }[];
  area: { municipality: string | null; county: string | null };
  ageBand: string | null;
  summary: string;
}

describe('the employer view of competence profiles', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let employer: GraphqlClient;

  async function everyShownProfile(): Promise<Shown[]> {
    const shown: Shown[] = [];
    let after: string | null = null;
    do {
      type Page = {
        anonymisedProfiles: { nodes: Shown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      };
      const { anonymisedProfiles }: Page = await employer.ok<Page>(
        `query($after: String) { anonymisedProfiles(first: 25, after: $after) {
          nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      shown.push(...anonymisedProfiles.nodes);
      after = anonymisedProfiles.pageInfo.hasNextPage ? anonymisedProfiles.pageInfo.endCursor : null;
    } while (after);
    return shown;
  }

  beforeAll(async () => {
    stack = await startStack({ env: { K_ANONYMITY: String(K) } });
    coach = await stack.anonymous.login('coach@varmdo.example');
    employer = await stack.anonymous.login('employer@vard.example');
  });

  afterAll(() => stack?.close());

  it('generalises the one person of a small municipality so that every visible combination is shared by k', async () => {
    const concepts = await conceptIds(stack.environment);
    const base = {
      swedishLevel: 'SFI_C',
      educationLevelConceptId: await concepts.educationLevel('3'),
      languages: [{ languageConceptId: await concepts.language('Arabiska'), level: 'NATIVE' }],
    };
    const varmdo = await concepts.municipality('0120');
    for (let i = 0; i < K; i++) {
      const { id } = await createParticipant(coach, { personnummer: uniquePersonnummer(1991) });
      await publishProfile(coach, id, { ...base, homeMunicipalityConceptId: varmdo });
    }
    const nykvarn = await concepts.municipality('0140');
    const others = await stack.environment.sql(
      `SELECT count(*) FROM competence_profiles WHERE status = 'PUBLISHED' AND home_municipality_concept_id = $1`,
      [nykvarn],
    );
    expect(Number(others[0]!.count)).toBe(0);
    const { id: uniqueId } = await createParticipant(coach, {
      firstName: 'Unik',
      lastName: 'Person',
      personnummer: uniquePersonnummer(1991),
    });
    await publishProfile(coach, uniqueId, {
      ...base,
      homeMunicipalityConceptId: nykvarn,
      languages: [{ languageConceptId: await concepts.language('Amhariska/Amarinja'), level: 'NATIVE' }],
      summary: 'Van vid att laga mat för många.',
    });
    const [{ public_id: publicId }] = (await stack.environment.sql(
      'SELECT public_id FROM competence_profiles WHERE participant_id = $1',
      [uniqueId],
    )) as [{ public_id: string }];

    const shown = await everyShownProfile();
    const groups = new Map<string, number>();
    for (const profile of shown) {
      const key = JSON.stringify([
        profile.ageBand,
        profile.area,
        profile.educationLevel,
        profile.swedishLevel,
        profile.languages.some((language) => language.conceptId === null),
      ]);
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    for (const [combination, size] of groups) expect([combination, size >= K]).toEqual([combination, true]);
    // Rare languages show as one "annat språk" without a level: their number and levels single no one out.
    for (const profile of shown) {
      const other = profile.languages.filter((language) => language.conceptId === null);
      expect(other.length).toBeLessThanOrEqual(1);
      expect(other.every((language) => language.label === 'annat språk' && language.level === null)).toBe(
        true,
      );
    }

    const unique = shown.find((profile) => profile.publicId === publicId);
    if (unique) {
      expect(unique.area.municipality).toBeNull();
      expect(unique.languages.map((language) => language.label)).not.toContain('Amhariska');
    } else {
      // Withheld: still too rare at the top of the ladder, which is also k-anonymous.
      expect(
        errorCode(
          await employer.request('query($p: String!) { anonymisedProfile(publicId: $p) { publicId } }', {
            p: publicId,
          }),
        ),
      ).toBe('NOT_FOUND');
    }
    const varmdoProfile = shown.find((profile) => profile.area.municipality === 'Värmdö');
    expect(varmdoProfile).toBeDefined();
  });

  it('computes the population once per change, its own raised floors included, and again after anyone else raised one', async () => {
    const population = stack.api.app.get(AnonymisedPopulation, { strict: false });
    const concepts = await conceptIds(stack.environment);
    const nynashamn = await concepts.municipality('0192');
    const { id } = await createParticipant(coach, { personnummer: uniquePersonnummer(1988) });
    await publishProfile(coach, id, {
      swedishLevel: 'SFI_C',
      educationLevelConceptId: await concepts.educationLevel('3'),
      languages: [{ languageConceptId: await concepts.language('Arabiska'), level: 'NATIVE' }],
      homeMunicipalityConceptId: nynashamn,
    });
    const floor = async () =>
      Number(
        (
          await stack.environment.sql(
            'SELECT disclosure_floor FROM competence_profiles WHERE participant_id = $1',
            [id],
          )
        )[0]!.disclosure_floor,
      );
    expect(await floor()).toBe(0);

    const computed = await population.current();
    // Alone in Nynäshamn: shown generalised, and that step is now its floor.
    expect(await floor()).toBeGreaterThan(0);
    expect(await population.current()).toBe(computed);

    // A floor raised by another process (its own computation) is a change: computed again.
    await stack.environment.sql(
      'UPDATE competence_profiles SET disclosure_floor = disclosure_floor + 1 WHERE participant_id = $1',
      [id],
    );
    expect(await population.current()).not.toBe(computed);
  });

  it('leaves out a profile erased after the population was read instead of failing the read', async () => {
    const population = stack.api.app.get(AnonymisedPopulation, { strict: false });
    const current = await population.current();
    const [shown] = population.shown(current);
    const erased = { ...shown!, profile_id: '00000000-0000-4000-8000-000000000000', public_id: 'gone' };
    const views = await population.project([erased, shown!], current);
    expect(views.map((view) => view.publicId)).toEqual([shown!.public_id]);
  });

  it('reflects every change at once: changed languages, a paused profile', async () => {
    const [target] = (await stack.environment.sql(
      `SELECT p.public_id, p.participant_id FROM competence_profiles p JOIN participants pt ON pt.id = p.participant_id
       JOIN organisations o ON o.id = pt.organisation_id
       WHERE p.status = 'PUBLISHED' AND o.name = 'Värmdö kommun' ORDER BY p.published_at LIMIT 1`,
    )) as [{ public_id: string; participant_id: string }];
    const read = () =>
      employer.request<{ anonymisedProfile: { languages: { label: string; level: string | null }[] } }>(
        'query($p: String!) { anonymisedProfile(publicId: $p) { languages { label level } } }',
        { p: target.public_id },
      );
    expect(errorCode(await read())).toBeUndefined();
    const concepts = await conceptIds(stack.environment);
    await coach.ok(
      'mutation($id: ID!, $input: UpdateCompetenceProfileInput!) { updateCompetenceProfile(participantId: $id, input: $input) { status } }',
      {
        id: target.participant_id,
        input: { languages: [{ languageConceptId: await concepts.language('Engelska'), level: 'FLUENT' }] },
      },
    );
    const changed = await read();
    expect(changed.data?.anonymisedProfile.languages).toEqual([{ label: 'Engelska', level: 'FLUENT' }]);
    await coach.ok('mutation($id: ID!) { setProfileStatus(participantId: $id, status: PAUSED) { status } }', {
      id: target.participant_id,
    });
    expect(errorCode(await read())).toBe('NOT_FOUND');
  });

  it('never shows a profile more precisely than before, so two reads at different times single no one out', async () => {
    const concepts = await conceptIds(stack.environment);
    const salem = await concepts.municipality('0128');
    const [{ count }] = (await stack.environment.sql(
      `SELECT count(*)::int AS count FROM competence_profiles WHERE home_municipality_concept_id = $1`,
      [salem],
    )) as [{ count: number }];
    expect(count).toBe(0);
    const profile = {
      swedishLevel: 'SFI_B',
      educationLevelConceptId: await concepts.educationLevel('3'),
      homeMunicipalityConceptId: salem,
      languages: [],
    };
    const publish = async (birthYear: number) => {
      const { id } = await createParticipant(coach, { personnummer: uniquePersonnummer(birthYear) });
      await publishProfile(coach, id, profile);
      const [row] = (await stack.environment.sql(
        'SELECT public_id FROM competence_profiles WHERE participant_id = $1',
        [id],
      )) as [{ public_id: string }];
      return row.public_id;
    };
    const older = await publish(1970);
    const younger = [await publish(1999), await publish(1999), await publish(1999), await publish(1999)];
    const inSalem = async () =>
      new Map(
        (await everyShownProfile())
          .filter((p) => p.area.municipality === 'Salem')
          .map((p) => [p.publicId, p]),
      );
    const first = await inSalem();
    expect([...first.keys()].sort()).toEqual([older, ...younger].sort());
    expect(new Set([...first.values()].map((p) => p.ageBand))).toEqual(new Set([null]));

    // A fifth young person: alone, the four would now show 25–29 and leave the older one as the odd one out.
    await publish(1999);
    const second = await inSalem();
    for (const publicId of [older, ...younger]) expect(second.get(publicId)?.ageBand).toBeNull();
    expect(second.size).toBe(6);
  });

  it('lists experience longest first and skills by Swedish collation, the same on every read', async () => {
    const concepts = await conceptIds(stack.environment);
    const { id } = await createParticipant(coach, { personnummer: uniquePersonnummer(1990) });
    // Entered in neither order; Swedish sorts Å after Z (a collation by English rules would put it first).
    const skills = ['Ålderskontroll', 'Vallodling', 'Zonterapi'];
    await publishProfile(coach, id, {
      swedishLevel: 'SFI_C',
      educationLevelConceptId: await concepts.educationLevel('3'),
      homeMunicipalityConceptId: await concepts.municipality('0120'),
      skillConceptIds: await Promise.all(skills.map((label) => concepts.skill(label))),
      occupations: [
        { occupationConceptId: await concepts.occupation('Barnskötare'), yearsOfExperience: 1 },
        { occupationConceptId: await concepts.occupation('Städare'), yearsOfExperience: 4.5 },
      ],
    });
    const [{ public_id: publicId }] = (await stack.environment.sql(
      'SELECT public_id FROM competence_profiles WHERE participant_id = $1',
      [id],
    )) as [{ public_id: string }];
    type Read = {
      anonymisedProfile: {
        skills: { label: string }[];
        experience: { occupation: { label: string }; yearsOfExperience: number }[];
      };
    };
    const read = () =>
      employer.ok<Read>(
        `query($id: String!) { anonymisedProfile(publicId: $id) {
          skills { label } experience { occupation { label } yearsOfExperience } } }`,
        { id: publicId },
      );
    const first = await read();
    expect(first.anonymisedProfile.skills.map((skill) => skill.label)).toEqual([
      'Vallodling',
      'Zonterapi',
      'Ålderskontroll',
    ]);
    expect(first.anonymisedProfile.experience.map((e) => [e.occupation.label, e.yearsOfExperience])).toEqual([
      ['Städare', 4.5],
      ['Barnskötare', 1],
    ]);
    expect(await read()).toEqual(first);
  });

  it('shows only the allow-listed fields, under a pseudonym that is no database key', async () => {
    const shown = await everyShownProfile();
    expect(shown.length).toBeGreaterThan(0);
    const keys = await stack.environment.sql(
      `SELECT id::text AS id FROM participants UNION ALL SELECT id::text FROM competence_profiles`,
    );
    const databaseKeys = new Set(keys.map((row) => row.id as string));
    for (const profile of shown) {
      expect(databaseKeys.has(profile.publicId)).toBe(false);
      expect(profile.publicId).toMatch(/^MB-[0-9A-Z]{8}$/);
    }
    // The schema itself offers nothing else: asking for a personal field is a validation error.
    for (const field of [
      'firstName',
      'personnummer',
      'participantId',
      'coachNotes',
      'priorityGroups',
      'birthYear',
    ]) {
      const response = await employer.request(
        `query { anonymisedProfiles(first: 1) { nodes { ${field} } } }`,
      );
      expect([field, errorCode(response)]).toEqual([field, 'GRAPHQL_VALIDATION_FAILED']);
    }
  });
});

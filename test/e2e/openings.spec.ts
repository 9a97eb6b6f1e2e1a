import { errorCode, type GraphqlClient, type GraphqlResponse } from '../support/graphql-client.js';
import {
  CONCEPTS,
  ensureTestTaxonomy,
  organisationOf,
  organisationWithUser,
  trackWithIntakes,
  userIn,
} from '../support/opening-track-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';

const OPENING_FIELDS = `id kind status title places placesTaken placesLeft startDate endDate hoursPerWeek weekdays
  supervisorName collectiveAgreementConfirmed publishedAt
  organisation { id name kind }
  occupation { conceptId label }
  requiredSkills { conceptId label } niceToHaveSkills { conceptId label }
  usefulLanguages { conceptId label code } requiredDrivingLicences { conceptId label }
  municipality { conceptId label code } county { conceptId label code }
  trackIntake { id trackName startDate places placesLeft }`;

const CREATE = `mutation($input: CreateOpeningInput!) { createOpening(input: $input) { ${OPENING_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateOpeningInput!) { updateOpening(id: $id, input: $input) { ${OPENING_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishOpening(id: $id) { ${OPENING_FIELDS} } }`;
const FILL = 'mutation($id: ID!) { fillOpening(id: $id) { id status } }';
const CLOSE = 'mutation($id: ID!) { closeOpening(id: $id) { id status } }';
const OPENING = `query($id: ID!) { opening(id: $id) { ${OPENING_FIELDS} } }`;
const OPENINGS = `query($status: OpeningStatus, $kind: PlacementKind, $municipality: String, $county: String, $organisationId: ID) {
  openings(first: 100, status: $status, kind: $kind, municipalityConceptId: $municipality, countyConceptId: $county,
    organisationId: $organisationId) { totalCount nodes { id status municipality { label } county { label } } } }`;

interface Opening {
  id: string;
  kind: string;
  status: string;
  title: string;
  places: number;
  placesLeft: number;
  endDate: string | null;
  supervisorName: string | null;
  publishedAt: string | null;
  organisation: { id: string; name: string; kind: string };
  occupation: { conceptId: string; label: string };
  requiredSkills: { conceptId: string; label: string }[];
  niceToHaveSkills: { conceptId: string; label: string }[];
  usefulLanguages: { conceptId: string; label: string; code: string | null }[];
  requiredDrivingLicences: { conceptId: string; label: string }[];
  municipality: { conceptId: string; label: string; code: string };
  county: { conceptId: string; label: string; code: string };
  trackIntake: {
    id: string;
    trackName: string;
    startDate: string;
    places: number;
    placesLeft: number;
  } | null;
}

/** A praktik of three months, part time: eligible as it is. */
const PRAKTIK = {
  kind: 'PRAKTIK',
  title: 'Praktik som städare',
  occupationConceptId: CONCEPTS.stadare,
  municipalityConceptId: CONCEPTS.varmdo,
  hoursPerWeek: 16,
  weekdays: ['MONDAY', 'TUESDAY'],
  startDate: '2027-02-01',
  endDate: '2027-04-30',
  contactName: 'Eva Kontaktperson',
};

describe('openings', () => {
  let stack: Stack;
  let admin: GraphqlClient;
  let coach: GraphqlClient;
  let employerA: GraphqlClient;
  let employerB: GraphqlClient;
  let association: GraphqlClient;
  let regionEmployer: GraphqlClient;
  let agencyEmployer: GraphqlClient;
  let municipalityEmployer: GraphqlClient;
  let intakeId: string;
  /** A later intake of the same track. */
  let laterIntakeId: string;
  let organisationA: string;

  beforeAll(async () => {
    stack = await startStack();
    await ensureTestTaxonomy(stack.environment);
    admin = await stack.anonymous.login('admin@varmdo.example');
    coach = await stack.anonymous.login('coach@varmdo.example');
    employerA = await stack.anonymous.login('employer@vard.example');
    employerB = await stack.anonymous.login('employer@forskolor.example');
    association = await stack.anonymous.login('forening@rodakorset.example');
    regionEmployer = (await organisationWithUser(admin, 'REGION', 'EMPLOYER')).client;
    agencyEmployer = (await organisationWithUser(admin, 'STATE_AGENCY', 'EMPLOYER')).client;
    municipalityEmployer = await userIn(admin, await organisationOf(admin), 'EMPLOYER');
    organisationA = await organisationOf(employerA);

    // A Jobbspår track with employer A as its only partner, and two intakes.
    ({
      intakeIds: [intakeId, laterIntakeId],
    } = await trackWithIntakes(admin, {
      partnerOrganisationId: organisationA,
      startDates: ['2027-03-01', '2027-09-01'],
      track: { name: 'Testspår service, enkla jobb' },
    }));
  });

  afterAll(() => stack?.close());

  async function create(client: GraphqlClient, changes: Record<string, unknown> = {}): Promise<Opening> {
    const { createOpening } = await client.ok<{ createOpening: Opening }>(CREATE, {
      input: { ...PRAKTIK, ...changes },
    });
    return createOpening;
  }

  const publish = (client: GraphqlClient, id: string) =>
    client.request<{ publishOpening: Opening }>(PUBLISH, { id });

  async function published(client: GraphqlClient, changes: Record<string, unknown> = {}): Promise<Opening> {
    const { id } = await create(client, changes);
    const response = await publish(client, id);
    expect(response.errors).toBeUndefined();
    return response.data!.publishOpening;
  }

  const statusOf = async (id: string) =>
    (await stack.environment.sql('SELECT status FROM openings WHERE id = $1', [id]))[0].status;

  /** The problems of a BAD_USER_INPUT answer as [field, rule name] pairs. */
  function ruleProblems(response: GraphqlResponse<unknown>): [string, string][] {
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    return (response.errors?.[0].extensions?.fields ?? []).map(({ field, message }) => [
      field,
      message.split(':')[0],
    ]);
  }

  /** Publishing the opening fails with exactly these [field, rule] problems, and it stays a DRAFT. */
  async function expectPublishRefused(
    client: GraphqlClient,
    changes: Record<string, unknown>,
    problems: [string, string][],
  ) {
    const { id } = await create(client, changes);
    const response = await publish(client, id);
    expect(ruleProblems(response)).toEqual(problems);
    expect(response.errors?.[0].extensions?.field).toBe(problems[0][0]);
    expect(await statusOf(id)).toBe('DRAFT');
    return response;
  }

  describe('eligibility when publishing', () => {
    describe('PRAKTIK', () => {
      it('publishes a praktik of at most 6 months', async () => {
        const opening = await published(employerA, { endDate: '2027-07-31', startDate: '2027-02-01' });
        expect(opening).toMatchObject({ kind: 'PRAKTIK', status: 'PUBLISHED' });
        expect(opening.publishedAt).not.toBeNull();
      });

      it('refuses a praktik without an end date', async () => {
        const response = await expectPublishRefused(employerA, { endDate: null }, [
          ['endDate', 'PRAKTIK_MAX_DURATION'],
        ]);
        expect(response.errors?.[0].message).toContain('needs an end date');
      });

      it('refuses a praktik longer than 6 months, naming the latest end date', async () => {
        const response = await expectPublishRefused(
          employerA,
          { startDate: '2027-02-01', endDate: '2027-08-01' },
          [['endDate', 'PRAKTIK_MAX_DURATION']],
        );
        expect(response.errors?.[0].message).toContain('2027-07-31');
      });
    });

    describe('EXTRATJANST', () => {
      const extratjanst = {
        kind: 'EXTRATJANST',
        supervisorName: 'Maja Handledare',
        hoursPerWeek: 30,
        endDate: null,
      };

      it.each([
        ['an association', () => association, 'ASSOCIATION'],
        ['a region', () => regionEmployer, 'REGION'],
        ['a municipality', () => municipalityEmployer, 'MUNICIPALITY'],
      ])('is published by %s with a supervisor', async (_name, client, organisationKind) => {
        const opening = await published(client(), extratjanst);
        expect(opening).toMatchObject({
          kind: 'EXTRATJANST',
          status: 'PUBLISHED',
          supervisorName: 'Maja Handledare',
        });
        expect(opening.organisation.kind).toBe(organisationKind);
      });

      it.each([
        ['a company', () => employerA],
        ['a state agency', () => agencyEmployer],
      ])('is refused to %s', async (_name, client) => {
        const response = await expectPublishRefused(client(), extratjanst, [
          ['kind', 'EXTRATJANST_ORGANISATION_KIND'],
        ]);
        expect(response.errors?.[0].message).toContain('only municipalities, regions and associations');
      });

      it('needs a named supervisor (handledare)', async () => {
        await expectPublishRefused(association, { ...extratjanst, supervisorName: null }, [
          ['supervisorName', 'EXTRATJANST_SUPERVISOR'],
        ]);
        await expectPublishRefused(association, { ...extratjanst, supervisorName: '   ' }, [
          ['supervisorName', 'EXTRATJANST_SUPERVISOR'],
        ]);
      });
    });

    describe('ETABLERINGSJOBB', () => {
      const etableringsjobb = {
        kind: 'ETABLERINGSJOBB',
        hoursPerWeek: 40,
        startDate: '2027-02-01',
        endDate: '2029-01-31',
        collectiveAgreementConfirmed: true,
      };

      it('publishes a full-time etableringsjobb of at most 24 months under a collective agreement', async () => {
        const opening = await published(employerA, etableringsjobb);
        expect(opening).toMatchObject({
          kind: 'ETABLERINGSJOBB',
          status: 'PUBLISHED',
          collectiveAgreementConfirmed: true,
        });
      });

      it('refuses part time', async () => {
        await expectPublishRefused(employerA, { ...etableringsjobb, hoursPerWeek: 30 }, [
          ['hoursPerWeek', 'ETABLERINGSJOBB_FULL_TIME'],
        ]);
      });

      it('refuses more than 24 months, and no end date', async () => {
        await expectPublishRefused(employerA, { ...etableringsjobb, endDate: '2029-02-01' }, [
          ['endDate', 'ETABLERINGSJOBB_MAX_DURATION'],
        ]);
        await expectPublishRefused(employerA, { ...etableringsjobb, endDate: null }, [
          ['endDate', 'ETABLERINGSJOBB_MAX_DURATION'],
        ]);
      });

      it('needs the collective agreement confirmed', async () => {
        await expectPublishRefused(employerA, { ...etableringsjobb, collectiveAgreementConfirmed: false }, [
          ['collectiveAgreementConfirmed', 'ETABLERINGSJOBB_COLLECTIVE_AGREEMENT'],
        ]);
      });

      it('reports every broken rule at once, each on its field', async () => {
        await expectPublishRefused(
          employerA,
          { ...etableringsjobb, hoursPerWeek: 20, endDate: null, collectiveAgreementConfirmed: false },
          [
            ['hoursPerWeek', 'ETABLERINGSJOBB_FULL_TIME'],
            ['endDate', 'ETABLERINGSJOBB_MAX_DURATION'],
            ['collectiveAgreementConfirmed', 'ETABLERINGSJOBB_COLLECTIVE_AGREEMENT'],
          ],
        );
      });
    });

    describe('JOBBSPAR', () => {
      it("publishes a partner employer's opening in a track intake", async () => {
        const opening = await published(employerA, {
          kind: 'JOBBSPAR',
          trackIntakeId: intakeId,
          endDate: null,
        });
        expect(opening).toMatchObject({ kind: 'JOBBSPAR', status: 'PUBLISHED' });
        expect(opening.trackIntake).toEqual({
          id: intakeId,
          trackName: 'Testspår service, enkla jobb',
          startDate: '2027-03-01',
          places: 5,
          placesLeft: 5,
        });
      });

      it('keeps its kind and track intake once a place is taken: its placements hold places in that intake', async () => {
        const opening = await published(employerA, {
          kind: 'JOBBSPAR',
          trackIntakeId: intakeId,
          endDate: null,
          places: 3,
        });
        const otherIntake = laterIntakeId;
        // Before any place is taken the employer may move it to another intake, and back.
        for (const trackIntakeId of [otherIntake, intakeId]) {
          const moved = await employerA.request(UPDATE, { id: opening.id, input: { trackIntakeId } });
          expect(moved.errors).toBeUndefined();
        }
        // A confirmation took a place (as confirmProposal's conditional UPDATE does).
        await stack.environment.sql('UPDATE openings SET places_taken = 1 WHERE id = $1', [opening.id]);
        const [before] = await stack.environment.sql('SELECT * FROM openings WHERE id = $1', [opening.id]);
        for (const [input, field] of [
          [{ trackIntakeId: otherIntake }, 'input.trackIntakeId'],
          [{ kind: 'PRAKTIK', trackIntakeId: null }, 'input.kind'],
        ] as const) {
          const refused = await employerA.request(UPDATE, { id: opening.id, input });
          expect([field, errorCode(refused)]).toEqual([field, 'CONFLICT']);
          expect(refused.errors![0]!.extensions!.field).toBe(field);
        }
        expect(
          (await stack.environment.sql('SELECT * FROM openings WHERE id = $1', [opening.id]))[0],
        ).toEqual(before);
        // Other changes still go through.
        expect(
          (await employerA.request(UPDATE, { id: opening.id, input: { places: 4 } })).errors,
        ).toBeUndefined();
      });

      it('needs a track intake', async () => {
        await expectPublishRefused(employerA, { kind: 'JOBBSPAR', endDate: null }, [
          ['trackIntakeId', 'JOBBSPAR_TRACK_INTAKE'],
        ]);
      });

      it('refuses an employer that is not a partner of the track', async () => {
        await expectPublishRefused(employerB, { kind: 'JOBBSPAR', trackIntakeId: intakeId }, [
          ['trackIntakeId', 'JOBBSPAR_TRACK_PARTNER'],
        ]);
      });
    });

    it('refuses a track intake on an opening of another kind', async () => {
      await expectPublishRefused(employerA, { trackIntakeId: intakeId }, [
        ['trackIntakeId', 'TRACK_INTAKE_ONLY_FOR_JOBBSPAR'],
      ]);
    });

    it('checks a change to a published opening again, on the input field, and keeps the opening as it was', async () => {
      const opening = await published(association, {
        kind: 'EXTRATJANST',
        supervisorName: 'Maja Handledare',
        endDate: null,
      });
      const response = await association.request(UPDATE, { id: opening.id, input: { supervisorName: null } });
      expect(ruleProblems(response)).toEqual([['input.supervisorName', 'EXTRATJANST_SUPERVISOR']]);
      const [row] = await stack.environment.sql(
        'SELECT supervisor_name, status FROM openings WHERE id = $1',
        [opening.id],
      );
      expect(row).toEqual({ supervisor_name: 'Maja Handledare', status: 'PUBLISHED' });

      const changed = await association.ok<{ updateOpening: Opening }>(UPDATE, {
        id: opening.id,
        input: { supervisorName: 'Ali Handledare', places: 3 },
      });
      expect(changed.updateOpening).toMatchObject({
        supervisorName: 'Ali Handledare',
        places: 3,
        status: 'PUBLISHED',
      });
    });

    it('lets a draft be incomplete and change kind before it is published', async () => {
      const draft = await create(employerA, { kind: 'ETABLERINGSJOBB', endDate: null });
      const { updateOpening } = await employerA.ok<{ updateOpening: Opening }>(UPDATE, {
        id: draft.id,
        input: { kind: 'PRAKTIK', endDate: '2027-03-31' },
      });
      expect(updateOpening).toMatchObject({ kind: 'PRAKTIK', status: 'DRAFT', endDate: '2027-03-31' });
      expect((await publish(employerA, draft.id)).errors).toBeUndefined();
    });
  });

  describe('lifecycle', () => {
    it('goes DRAFT → PUBLISHED → FILLED, and a filled opening can no longer change', async () => {
      const draft = await create(employerA);
      expect(draft.status).toBe('DRAFT');
      expect((await publish(employerA, draft.id)).data?.publishOpening.status).toBe('PUBLISHED');
      const again = await publish(employerA, draft.id);
      expect(errorCode(again)).toBe('CONFLICT');
      expect(again.errors?.[0].message).toBe(
        'Cannot publish an opening that is PUBLISHED: only DRAFT openings can be published',
      );
      expect(
        (await employerA.ok<{ fillOpening: { status: string } }>(FILL, { id: draft.id })).fillOpening.status,
      ).toBe('FILLED');
      expect(errorCode(await employerA.request(CLOSE, { id: draft.id }))).toBe('CONFLICT');
      const update = await employerA.request(UPDATE, { id: draft.id, input: { title: 'Ny titel' } });
      expect(errorCode(update)).toBe('CONFLICT');
      expect(update.errors?.[0].message).toContain('only DRAFT and PUBLISHED openings can be changed');
      expect(await statusOf(draft.id)).toBe('FILLED');
    });

    it('goes DRAFT → PUBLISHED → CLOSED, and a closed opening cannot be published again', async () => {
      const draft = await create(employerA);
      expect(errorCode(await employerA.request(CLOSE, { id: draft.id }))).toBe('CONFLICT');
      expect(errorCode(await employerA.request(FILL, { id: draft.id }))).toBe('CONFLICT');
      await publish(employerA, draft.id);
      expect(
        (await employerA.ok<{ closeOpening: { status: string } }>(CLOSE, { id: draft.id })).closeOpening
          .status,
      ).toBe('CLOSED');
      const republish = await publish(employerA, draft.id);
      expect(errorCode(republish)).toBe('CONFLICT');
      expect(republish.errors?.[0].message).toBe(
        'Cannot publish an opening that is CLOSED: only DRAFT openings can be published',
      );
      expect(errorCode(await employerA.request(FILL, { id: draft.id }))).toBe('CONFLICT');
      expect(await statusOf(draft.id)).toBe('CLOSED');
    });
  });

  describe('access', () => {
    it("refuses employer B every read and change of organisation A's opening, and changes nothing", async () => {
      const draft = await create(employerA);
      const live = await published(employerA);
      const before = await stack.environment.sql('SELECT * FROM openings WHERE id = ANY($1) ORDER BY id', [
        [draft.id, live.id],
      ]);
      for (const id of [draft.id, live.id]) {
        expect(errorCode(await employerB.request(OPENING, { id }))).toBe('FORBIDDEN');
        expect(errorCode(await employerB.request(UPDATE, { id, input: { title: 'Kapad titel' } }))).toBe(
          'FORBIDDEN',
        );
        expect(errorCode(await publish(employerB, id))).toBe('FORBIDDEN');
        expect(errorCode(await employerB.request(CLOSE, { id }))).toBe('FORBIDDEN');
        expect(errorCode(await employerB.request(FILL, { id }))).toBe('FORBIDDEN');
      }
      expect(
        await stack.environment.sql('SELECT * FROM openings WHERE id = ANY($1) ORDER BY id', [
          [draft.id, live.id],
        ]),
      ).toEqual(before);

      const { openings } = await employerB.ok<{ openings: { nodes: { id: string }[] } }>(OPENINGS);
      expect(openings.nodes.map((node) => node.id)).not.toEqual(expect.arrayContaining([draft.id]));
      expect(openings.nodes.map((node) => node.id)).not.toEqual(expect.arrayContaining([live.id]));
      expect(errorCode(await employerB.request(OPENINGS, { organisationId: organisationA }))).toBe(
        'FORBIDDEN',
      );
    });

    it('shows employers their own openings in every status', async () => {
      const draft = await create(employerA);
      const closed = await published(employerA);
      await employerA.ok(CLOSE, { id: closed.id });
      const { openings } = await employerA.ok<{ openings: { nodes: { id: string; status: string }[] } }>(
        OPENINGS,
      );
      expect(openings.nodes).toEqual(
        expect.arrayContaining([
          {
            id: draft.id,
            status: 'DRAFT',
            municipality: { label: 'Värmdö' },
            county: { label: 'Stockholms län' },
          },
          {
            id: closed.id,
            status: 'CLOSED',
            municipality: { label: 'Värmdö' },
            county: { label: 'Stockholms län' },
          },
        ]),
      );
      expect((await employerA.ok<{ opening: Opening }>(OPENING, { id: draft.id })).opening.status).toBe(
        'DRAFT',
      );
    });

    it('lets coaches and admins read published and filled openings, not drafts or closed ones', async () => {
      const draft = await create(employerA);
      const live = await published(employerA);
      const filled = await published(employerA);
      await employerA.ok(FILL, { id: filled.id });
      const closed = await published(employerA);
      await employerA.ok(CLOSE, { id: closed.id });
      for (const reader of [coach, admin]) {
        expect((await reader.ok<{ opening: Opening }>(OPENING, { id: live.id })).opening.id).toBe(live.id);
        expect((await reader.ok<{ opening: Opening }>(OPENING, { id: filled.id })).opening.status).toBe(
          'FILLED',
        );
        expect(errorCode(await reader.request(OPENING, { id: draft.id }))).toBe('FORBIDDEN');
        expect(errorCode(await reader.request(OPENING, { id: closed.id }))).toBe('FORBIDDEN');
        const { openings } = await reader.ok<{ openings: { nodes: { id: string }[] } }>(OPENINGS);
        const ids = openings.nodes.map((node) => node.id);
        expect(ids).toEqual(expect.arrayContaining([live.id, filled.id]));
        expect(ids).not.toContain(draft.id);
        expect(ids).not.toContain(closed.id);
        const drafts = await reader.ok<{ openings: { totalCount: number } }>(OPENINGS, { status: 'DRAFT' });
        expect(drafts.openings.totalCount).toBe(0);
      }
    });

    it('keeps openings to employer-side users: coaches and admins cannot create or change one', async () => {
      const live = await published(employerA);
      for (const other of [coach, admin]) {
        expect(errorCode(await other.request(CREATE, { input: PRAKTIK }))).toBe('FORBIDDEN');
        expect(errorCode(await other.request(UPDATE, { id: live.id, input: { title: 'Ändrad' } }))).toBe(
          'FORBIDDEN',
        );
        expect(errorCode(await other.request(CLOSE, { id: live.id }))).toBe('FORBIDDEN');
      }
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      expect(errorCode(await employerA.request(OPENING, { id }))).toBe('NOT_FOUND');
      expect(errorCode(await coach.request(OPENING, { id }))).toBe('NOT_FOUND');
      expect(errorCode(await publish(employerA, id))).toBe('NOT_FOUND');
    });
  });

  describe('what coaches see', () => {
    it('filters published openings by municipality and by county (labour markets are regional)', async () => {
      const varmdo = await published(employerA, { municipalityConceptId: CONCEPTS.varmdo });
      const nacka = await published(employerB, { municipalityConceptId: CONCEPTS.nacka });
      const uppsala = await published(association, { municipalityConceptId: CONCEPTS.uppsala });
      const draft = await create(employerA, { municipalityConceptId: CONCEPTS.varmdo });
      const mine = [varmdo.id, nacka.id, uppsala.id, draft.id];
      const list = async (variables: Record<string, unknown>) =>
        (await coach.ok<{ openings: { nodes: { id: string }[] } }>(OPENINGS, variables)).openings.nodes
          .map((node) => node.id)
          .filter((id) => mine.includes(id))
          .sort();

      expect(await list({ municipality: CONCEPTS.varmdo })).toEqual([varmdo.id]);
      expect(await list({ municipality: CONCEPTS.nacka })).toEqual([nacka.id]);
      expect(await list({ county: CONCEPTS.stockholmsLan })).toEqual([varmdo.id, nacka.id].sort());
      expect(await list({ county: CONCEPTS.uppsalaLan })).toEqual([uppsala.id]);
      expect(await list({ county: CONCEPTS.stockholmsLan, kind: 'EXTRATJANST' })).toEqual([]);
      expect(await list({ organisationId: organisationA, county: CONCEPTS.stockholmsLan })).toEqual([
        varmdo.id,
      ]);

      const unknown = await coach.request(OPENINGS, { county: 'nope_nop_nop' });
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
      expect(unknown.errors?.[0].extensions?.field).toBe('countyConceptId');
    });

    it('shows the labels of every concept of an opening', async () => {
      const opening = await published(employerA, {
        requiredSkillConceptIds: [CONCEPTS.hygienstadning],
        niceToHaveSkillConceptIds: [CONCEPTS.flyttstadning, CONCEPTS.byggstadning],
        usefulLanguageConceptIds: [CONCEPTS.arabiska],
        requiredDrivingLicenceConceptIds: [CONCEPTS.licenceB],
        minimumSwedishLevel: 'SFI_C',
      });
      const { opening: seen } = await coach.ok<{ opening: Opening }>(OPENING, { id: opening.id });
      expect(seen).toMatchObject({
        occupation: { conceptId: CONCEPTS.stadare, label: 'Städare' },
        requiredSkills: [{ conceptId: CONCEPTS.hygienstadning, label: 'Hygienstädning' }],
        niceToHaveSkills: [
          { conceptId: CONCEPTS.flyttstadning, label: 'Flyttstädning' },
          { conceptId: CONCEPTS.byggstadning, label: 'Byggstädning' },
        ],
        usefulLanguages: [{ conceptId: CONCEPTS.arabiska, label: 'Arabiska', code: 'ar' }],
        requiredDrivingLicences: [{ conceptId: CONCEPTS.licenceB, label: 'B' }],
        municipality: { conceptId: CONCEPTS.varmdo, label: 'Värmdö', code: '0120' },
        county: { conceptId: CONCEPTS.stockholmsLan, label: 'Stockholms län', code: '01' },
        organisation: { name: 'Gustavsbergs Vård och Omsorg AB', kind: 'COMPANY' },
      });
    });

    it('lists a full page with labels', async () => {
      await Promise.all(
        Array.from({ length: 12 }, () => published(employerB, { municipalityConceptId: CONCEPTS.nacka })),
      );
      const { openings } = await coach.ok<{ openings: { nodes: { municipality: { label: string } }[] } }>(
        OPENINGS,
        {
          municipality: CONCEPTS.nacka,
        },
      );
      expect(openings.nodes.length).toBeGreaterThanOrEqual(12);
      expect(new Set(openings.nodes.map((node) => node.municipality.label))).toEqual(new Set(['Nacka']));
    });
  });

  describe('bad input is refused with the field at fault and writes nothing', () => {
    const counts = async () =>
      (
        await stack.environment.sql(
          `SELECT (SELECT count(*) FROM openings)::int AS openings,
                  (SELECT max(updated_at) FROM openings)::text AS last_change,
                  (SELECT count(*) FROM outbox_messages)::int AS outbox`,
        )
      )[0];

    async function expectRefused(
      response: Promise<GraphqlResponse<unknown>>,
      field: string,
      message?: string,
    ) {
      const before = await counts();
      const answer = await response;
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].extensions?.field).toBe(field);
      if (message) expect(answer.errors?.[0].message).toContain(message);
      expect(await counts()).toEqual(before);
    }

    it.each([
      [
        'an end before the start',
        { startDate: '2027-03-01', endDate: '2027-02-28' },
        'input.endDate',
        'on or after the start date',
      ],
      ['zero places', { places: 0 }, 'input.places', undefined],
      ['501 places', { places: 501 }, 'input.places', undefined],
      ['zero hours', { hoursPerWeek: 0 }, 'input.hoursPerWeek', undefined],
      ['41 hours', { hoursPerWeek: 41 }, 'input.hoursPerWeek', undefined],
      ['a title of 2 characters', { title: 'ab' }, 'input.title', undefined],
      ['a title of 201 characters', { title: 'x'.repeat(201) }, 'input.title', undefined],
      [
        'an over-long requirement specification',
        { requirementSpecification: 'x'.repeat(4001) },
        'input.requirementSpecification',
        undefined,
      ],
      [
        'an over-long supervisor name',
        { supervisorName: 'x'.repeat(201) },
        'input.supervisorName',
        undefined,
      ],
      ['an over-long contact name', { contactName: 'x'.repeat(201) }, 'input.contactName', undefined],
      [
        'a date not in the calendar',
        { startDate: '2027-02-30' },
        'input.startDate',
        'not a date in the calendar',
      ],
      [
        'an unknown occupation',
        { occupationConceptId: 'xxxx_xxx_xxx' },
        'input.occupationConceptId',
        'not a known occupation',
      ],
      [
        'an unknown municipality',
        { municipalityConceptId: 'xxxx_xxx_xxx' },
        'input.municipalityConceptId',
        'not a known municipality',
      ],
      [
        'an unknown skill in the list',
        { requiredSkillConceptIds: [CONCEPTS.hygienstadning, 'xxxx_xxx_xxx'] },
        'input.requiredSkillConceptIds[1]',
        'not a known skill',
      ],
      [
        'an unknown language',
        { usefulLanguageConceptIds: ['xxxx_xxx_xxx'] },
        'input.usefulLanguageConceptIds[0]',
        undefined,
      ],
      [
        'an unknown driving licence',
        { requiredDrivingLicenceConceptIds: ['x'] },
        'input.requiredDrivingLicenceConceptIds[0]',
        undefined,
      ],
      [
        'an unknown track intake',
        { kind: 'JOBBSPAR', trackIntakeId: '00000000-0000-4000-8000-000000000000' },
        'input.trackIntakeId',
        'not a known track intake',
      ],
      ['a malformed track intake id', { trackIntakeId: 'intake-1' }, 'input.trackIntakeId', undefined],
      [
        'a skill both required and nice to have',
        {
          requiredSkillConceptIds: [CONCEPTS.hygienstadning],
          niceToHaveSkillConceptIds: [CONCEPTS.hygienstadning],
        },
        'input.niceToHaveSkillConceptIds[0]',
        'in both required and nice-to-have skills',
      ],
    ])('refuses %s on create', async (_case, changes, field, message) => {
      await expectRefused(employerA.request(CREATE, { input: { ...PRAKTIK, ...changes } }), field, message);
    });

    it("tells a value not of a concept id's form from an unknown concept, each on its field, writing nothing", async () => {
      const before = await counts();
      const answer = await employerA.request(CREATE, {
        input: {
          ...PRAKTIK,
          requiredSkillConceptIds: ['xxxx_xxx_xxx', 'x" OR 1=1 --', CONCEPTS.hygienstadning],
        },
      });
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].extensions?.fields).toEqual([
        { field: 'input.requiredSkillConceptIds[0]', message: 'is not a known skill concept id' },
        { field: 'input.requiredSkillConceptIds[1]', message: 'is not a concept id' },
      ]);
      expect(await counts()).toEqual(before);
    });

    it('refuses an end before the start on update, for a draft and for a published opening', async () => {
      const draft = await create(employerA, { startDate: '2027-03-01', endDate: '2027-05-31' });
      await expectRefused(
        employerA.request(UPDATE, { id: draft.id, input: { endDate: '2027-02-01' } }),
        'input.endDate',
      );
      await expectRefused(
        employerA.request(UPDATE, { id: draft.id, input: { startDate: '2027-06-01' } }),
        'input.startDate',
        'on or before the end date',
      );
      const live = await published(employerA);
      await expectRefused(employerA.request(UPDATE, { id: live.id, input: { places: 0 } }), 'input.places');
      await expectRefused(
        employerA.request(UPDATE, { id: live.id, input: { occupationConceptId: 'xxxx_xxx_xxx' } }),
        'input.occupationConceptId',
      );
      await expectRefused(employerA.request(UPDATE, { id: live.id, input: { title: null } }), 'input.title');
      const withSkills = await create(employerA, { niceToHaveSkillConceptIds: [CONCEPTS.flyttstadning] });
      await expectRefused(
        employerA.request(UPDATE, {
          id: withSkills.id,
          input: { requiredSkillConceptIds: [CONCEPTS.byggstadning, CONCEPTS.flyttstadning] },
        }),
        'input.requiredSkillConceptIds[1]',
        'in both required and nice-to-have skills',
      );
    });
  });
});

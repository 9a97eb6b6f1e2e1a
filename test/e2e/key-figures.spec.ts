import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { KeyFiguresRepository } from '#libs/key-figures';
import { errorCode, type GraphqlClient } from '../support/graphql-client.js';
import {
  CONCEPTS,
  ensureTestTaxonomy,
  uniqueOrganisationNumber,
  userIn,
} from '../support/opening-track-fixtures.js';
import { conceptIds, uniquePersonnummer } from '../support/participants.js';
import { insertProposal, PRAKTIK_OPENING } from '../support/placement-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';

const KEY_FIGURES = `query($input: KeyFiguresInput!) { keyFigures(input: $input) {
  organisationId municipalityCode scopeName from to
  openings { published placesOffered placesFilled { value suppressed } fillRate
    byKind { kind openings placesOffered placesFilled { value suppressed } fillRate } }
  proposals { decided { value suppressed } confirmed { value suppressed } rejected { value suppressed } confirmedShare }
  placements { confirmed { value suppressed } medianDaysToConfirmation ended { value suppressed }
    completed { value suppressed } endedEarly { value suppressed } endedEarlyByReason { reason count { value suppressed } } }
  outcomes { work { value suppressed } studies { value suppressed } programme { value suppressed }
    none { value suppressed } unknown { value suppressed } notRecorded { value suppressed } inWorkOrStudiesShare }
  byEducationLevel { ...groupFigures } bySwedishLevel { ...groupFigures } byGender { ...groupFigures }
  byPriorityGroup { ...groupFigures }
  tracks { name places filled { value suppressed } fillRate
    intakes { startDate places filled { value suppressed } fillRate } }
} }
fragment groupFigures on GroupFigures {
  group placementsConfirmed { value suppressed } placementsEnded { value suppressed } inWorkOrStudies { value suppressed }
}`;
const KEY_FIGURES_CSV =
  'query($input: KeyFiguresInput!) { keyFiguresCsv(input: $input) { fileName contentType content } }';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
/** Uppsala: no demo data there, so the municipality's figures are exactly what this file inserts. */
const UPPSALA = '0380';

/** A shown count, and a suppressed one. */
const n = (value: number) => ({ value, suppressed: false });
const HIDDEN = { value: null, suppressed: true };

interface GroupFigures {
  group: string;
  placementsConfirmed: unknown;
  placementsEnded: unknown;
  inWorkOrStudies: unknown;
}

/** One column of a breakdown, by group: `{ WOMAN: {value, suppressed}, … }`. */
const column = (groups: GroupFigures[], key: 'placementsConfirmed' | 'placementsEnded' | 'inWorkOrStudies') =>
  Object.fromEntries(groups.map((group) => [group.group, group[key]]));

/**
 * The participants of the test municipality's coaches and their placements in 2025, in openings of a company located
 * in Uppsala. Days: from the opening's publication to the confirmation.
 */
const PEOPLE = [
  // Completed on 30 June.
  { gender: 'WOMAN', sun: '2', status: 'COMPLETED', outcome: 'WORK', days: 3, woman: true, short: true },
  { gender: 'WOMAN', sun: '2', status: 'COMPLETED', outcome: 'WORK', days: 5, woman: true, short: true },
  { gender: 'WOMAN', sun: '2', status: 'COMPLETED', outcome: 'NONE', days: 8, woman: true, short: true },
  { gender: 'MAN', sun: '2', status: 'COMPLETED', outcome: 'NONE', days: 10, short: true },
  { gender: 'MAN', sun: '2', status: 'COMPLETED', outcome: 'NONE', days: 12, short: true },
  // Ended early on 15 May.
  {
    gender: 'WOMAN',
    sun: '3',
    status: 'ENDED_EARLY',
    reason: 'GOT_JOB',
    outcome: 'WORK',
    days: 14,
    woman: true,
  },
  {
    gender: 'WOMAN',
    sun: '3',
    status: 'ENDED_EARLY',
    reason: 'GOT_JOB',
    outcome: 'WORK',
    days: 15.5,
    woman: true,
  },
  { gender: 'MAN', sun: '3', status: 'ENDED_EARLY', reason: 'GOT_JOB', outcome: 'WORK', days: 20 },
  {
    gender: 'WOMAN',
    sun: '3',
    status: 'ENDED_EARLY',
    reason: 'HEALTH',
    outcome: 'NONE',
    days: 21,
    woman: true,
    disability: true,
  },
  { gender: 'MAN', sun: '3', status: 'ENDED_EARLY', reason: 'LANGUAGE', outcome: 'NONE', days: 25 },
  // Not ended in 2025: running into 2026, cancelled, and (in the second opening) planned for 2026.
  { gender: 'WOMAN', sun: '5', swedish: 'SVA', status: 'ACTIVE', days: 30, woman: true },
  { gender: 'NOT_STATED', sun: null, swedish: null, status: 'CANCELLED', days: 45 },
  { gender: 'MAN', sun: '5', swedish: 'SVA', status: 'PLANNED', days: 16, secondOpening: true },
] as const;

const PLACEMENT_DATES: Record<string, [string, string]> = {
  COMPLETED: ['2025-03-20', '2025-06-30'],
  ENDED_EARLY: ['2025-03-20', '2025-05-15'],
  ACTIVE: ['2025-09-01', '2026-03-31'],
  CANCELLED: ['2025-04-01', '2025-06-30'],
  PLANNED: ['2026-02-01', '2026-04-30'],
};

describe('key figures', () => {
  let stack: Stack;
  let admin: GraphqlClient;
  let varmdoCoach: GraphqlClient;
  let employer: GraphqlClient;
  let coach: GraphqlClient;
  let municipalityId: string;
  let companyId: string;

  const sql = (query: string, parameters?: unknown[]) => stack.environment.sql(query, parameters);

  async function organisation(kind: 'MUNICIPALITY' | 'COMPANY', name: string): Promise<string> {
    // A generated organisationsnummer can meet a demo organisation's: take the next one then.
    for (;;) {
      const response = await admin.request<{ createOrganisation: { id: string } }>(
        'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
        {
          input: {
            kind,
            name,
            organisationNumber: uniqueOrganisationNumber(kind === 'MUNICIPALITY' ? '212000' : '556'),
            municipalityCode: UPPSALA,
          },
        },
      );
      if (errorCode(response) !== 'CONFLICT') return response.data!.createOrganisation.id;
    }
  }

  /** An opening of the company in Uppsala, published at `publishedAt` (UTC) as far as the figures go. */
  async function opening(publishedAt: string, places: number, kind = 'PRAKTIK'): Promise<string> {
    const { createOpening } = await employer.ok<{ createOpening: { id: string } }>(
      'mutation($input: CreateOpeningInput!) { createOpening(input: $input) { id } }',
      { input: { ...PRAKTIK_OPENING, municipalityConceptId: CONCEPTS.uppsala, places } },
    );
    await employer.ok('mutation($id: ID!) { publishOpening(id: $id) { id } }', { id: createOpening.id });
    await sql('UPDATE openings SET published_at = $2, kind = $3 WHERE id = $1', [
      createOpening.id,
      publishedAt,
      kind,
    ]);
    return createOpening.id;
  }

  beforeAll(async () => {
    stack = await startStack();
    await ensureTestTaxonomy(stack.environment);
    admin = await stack.anonymous.login('admin@varmdo.example');
    varmdoCoach = await stack.anonymous.login('coach@varmdo.example');
    employer = await stack.anonymous.login('employer@vard.example');
    municipalityId = await organisation('MUNICIPALITY', 'Testkommunen i Uppsala');
    companyId = await organisation('COMPANY', 'Uppsala Omsorg AB (test)');
    coach = await userIn(admin, municipalityId, 'COACH');
    employer = await userIn(admin, companyId, 'EMPLOYER');
    const [coachUser] = await sql(`SELECT id FROM users WHERE organisation_id = $1`, [municipalityId]);
    const concepts = await conceptIds(stack.environment);
    const education: Record<string, string> = {
      '2': CONCEPTS.forgymnasial,
      '3': CONCEPTS.gymnasial,
      '5': await concepts.educationLevel('5'),
    };

    // Published on 1 February (UTC, as every time here); the last two are the boundaries of the year in Sweden:
    // 31 December 23:30 UTC is already 1 January there.
    const first = await opening('2025-02-01T09:00:00Z', 12);
    const second = await opening('2025-02-10T09:00:00Z', 3);
    await opening('2025-04-01T09:00:00Z', 2, 'ETABLERINGSJOBB');
    await opening('2024-12-31T23:30:00Z', 5);
    await opening('2025-12-31T23:30:00Z', 4);

    const participants: string[] = [];
    for (const person of PEOPLE) {
      const { createParticipant } = await coach.ok<{ createParticipant: { id: string } }>(
        'mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }',
        {
          input: {
            firstName: 'Test',
            lastName: 'Deltagare',
            personnummer: uniquePersonnummer(1990),
            gender: person.gender,
          },
        },
      );
      const id = createParticipant.id;
      participants.push(id);
      const swedish = 'swedish' in person ? person.swedish : 'SFI_D';
      await sql(
        `UPDATE competence_profiles SET education_level_concept_id = $2, swedish_level = $3, priority_woman = $4,
           priority_short_education = $5, priority_disability = $6 WHERE participant_id = $1`,
        [
          id,
          person.sun ? education[person.sun] : null,
          swedish,
          'woman' in person,
          'short' in person,
          'disability' in person,
        ],
      );
      const openingId = 'secondOpening' in person ? second : first;
      const published = 'secondOpening' in person ? '2025-02-10T09:00:00Z' : '2025-02-01T09:00:00Z';
      const confirmedAt = new Date(new Date(published).getTime() + person.days * 86_400_000).toISOString();
      const proposalId = await insertProposal(stack.environment, openingId, id, 'CONFIRMED');
      await sql('UPDATE match_proposals SET decided_at = $2, decided_by = $3 WHERE id = $1', [
        proposalId,
        confirmedAt,
        coachUser!.id,
      ]);
      const [startDate, endDate] = PLACEMENT_DATES[person.status]!;
      const [placement] = await sql(
        `INSERT INTO placements (proposal_id, opening_id, participant_id, employer_organisation_id,
           coach_organisation_id, kind, status, start_date, end_date, end_reason, confirmed_by, confirmed_at)
         VALUES ($1, $2, $3, $4, $5, 'PRAKTIK', $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          proposalId,
          openingId,
          id,
          companyId,
          municipalityId,
          person.status,
          startDate,
          endDate,
          'reason' in person ? person.reason : null,
          coachUser!.id,
          confirmedAt,
        ],
      );
      if ('outcome' in person) {
        await sql(
          `INSERT INTO follow_ups (placement_id, kind, due_on, status, outcome)
           VALUES ($1, 'OUTCOME', ($2::date + 90), 'DONE', $3)`,
          [placement!.id, endDate, person.outcome],
        );
      }
    }
    // Decisions on the second opening: five rejected in 2025, one expired (no decision), one rejected in 2024.
    for (const [index, id] of participants.slice(0, 7).entries()) {
      const status = index < 5 ? 'REJECTED' : index === 5 ? 'EXPIRED' : 'REJECTED';
      const proposalId = await insertProposal(stack.environment, second, id, status);
      await sql('UPDATE match_proposals SET decided_at = $2 WHERE id = $1', [
        proposalId,
        status === 'EXPIRED' ? null : index === 6 ? '2024-12-15T10:00:00Z' : '2025-04-01T10:00:00Z',
      ]);
    }

    // The municipality's Jobbspår track in Uppsala: a full intake of 5, one of 5 with 3, and one in 2026.
    const [track] = await sql(
      `INSERT INTO tracks (organisation_id, name, municipality_concept_id, occupation_concept_ids, praktik_weeks,
         sfi_hours_per_week) VALUES ($1, '+Vård och omsorg (test)', $2, $3, 12, 6) RETURNING id`,
      [municipalityId, CONCEPTS.uppsala, [CONCEPTS.barnskotare]],
    );
    await sql(
      `INSERT INTO track_intakes (track_id, start_date, places, places_taken)
       VALUES ($1, '2025-03-01', 5, 5), ($1, '2025-09-01', 5, 3), ($1, '2026-03-01', 5, 0)`,
      [track!.id],
    );
  });

  afterAll(() => stack?.close());

  const figures = async (who: GraphqlClient, input: Record<string, unknown>) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (await who.ok<{ keyFigures: any }>(KEY_FIGURES, { input })).keyFigures;

  it("counts the municipality's openings, proposals, placements and outcomes, suppressing counts below 5", async () => {
    const result = await figures(admin, { municipalityCode: UPPSALA, ...YEAR });
    expect(result).toMatchObject({
      organisationId: null,
      municipalityCode: UPPSALA,
      scopeName: 'Uppsala',
      ...YEAR,
    });
    // Four openings published in 2025 in Sweden (not the one of 31 December 23:30 UTC); places are no people.
    expect(result.openings).toEqual({
      published: 4,
      placesOffered: 12 + 3 + 2 + 5,
      // 11 placements in the first opening that were not cancelled, and 1 in the second.
      placesFilled: n(12),
      fillRate: 0.545,
      byKind: [
        { kind: 'PRAKTIK', openings: 3, placesOffered: 20, placesFilled: n(12), fillRate: 0.6 },
        { kind: 'EXTRATJANST', openings: 0, placesOffered: 0, placesFilled: n(0), fillRate: null },
        { kind: 'JOBBSPAR', openings: 0, placesOffered: 0, placesFilled: n(0), fillRate: null },
        { kind: 'ETABLERINGSJOBB', openings: 1, placesOffered: 2, placesFilled: n(0), fillRate: 0 },
      ],
    });
    expect(result.proposals).toEqual({
      decided: n(18),
      confirmed: n(13),
      rejected: n(5),
      confirmedShare: 0.722,
    });
    expect(result.placements).toEqual({
      confirmed: n(13),
      // 3, 5, 8, 10, 12, 14, 15.5, 16, 20, 21, 25, 30, 45 days.
      medianDaysToConfirmation: 15.5,
      ended: n(10),
      completed: n(5),
      endedEarly: n(5),
      endedEarlyByReason: [
        { reason: 'HEALTH', count: HIDDEN },
        { reason: 'LANGUAGE', count: HIDDEN },
        { reason: 'EMPLOYER_NEEDS_CHANGED', count: n(0) },
        { reason: 'WORKPLACE_CONFLICT', count: n(0) },
        { reason: 'MOVED', count: n(0) },
        { reason: 'GOT_JOB', count: HIDDEN },
        { reason: 'STARTED_STUDIES', count: n(0) },
        { reason: 'OTHER', count: n(0) },
      ],
    });
    expect(result.outcomes).toEqual({
      work: n(5),
      studies: n(0),
      programme: n(0),
      none: n(5),
      unknown: n(0),
      notRecorded: n(0),
      inWorkOrStudiesShare: 0.5,
    });
    expect(result.tracks).toEqual([
      {
        name: '+Vård och omsorg (test)',
        places: 10,
        filled: n(8),
        fillRate: 0.8,
        // 3 of 5 is hidden, and with it the full intake: 8 − 5 would give the 3 back; so are their fill rates.
        intakes: [
          { startDate: '2025-03-01', places: 5, filled: HIDDEN, fillRate: null },
          { startDate: '2025-09-01', places: 5, filled: HIDDEN, fillRate: null },
        ],
      },
    ]);
  });

  it('breaks the placements down by education, Swedish level, gender and priority group, with secondary suppression', async () => {
    const result = await figures(admin, { municipalityCode: UPPSALA, ...YEAR });
    // Confirmed: 7 women, 5 men, 1 not stated. The 1 alone would be 13 − 7 − 5 − 0: the 5 men are hidden too.
    expect(column(result.byGender, 'placementsConfirmed')).toEqual({
      WOMAN: n(7),
      MAN: HIDDEN,
      OTHER: n(0),
      NOT_STATED: HIDDEN,
    });
    // Ended: 6 women and 4 men of 10: the 4 is hidden, and the 6 with it.
    expect(column(result.byGender, 'placementsEnded')).toEqual({
      WOMAN: HIDDEN,
      MAN: HIDDEN,
      OTHER: n(0),
      NOT_STATED: n(0),
    });
    // 5, 5, 2 and 1: the 2 and the 1 hold only 3 together, so the first 5 is hidden too.
    expect(column(result.byEducationLevel, 'placementsConfirmed')).toEqual({
      FORGYMNASIAL: HIDDEN,
      GYMNASIAL: n(5),
      EFTERGYMNASIAL: HIDDEN,
      NOT_STATED: HIDDEN,
    });
    // 5 and 5, but the short-education flag's twin of FORGYMNASIAL is hidden among the priority groups: the two go
    // together (else one gives the other back), and GYMNASIAL with them, not to be the only other cell.
    expect(column(result.byEducationLevel, 'placementsEnded')).toEqual({
      FORGYMNASIAL: HIDDEN,
      GYMNASIAL: HIDDEN,
      EFTERGYMNASIAL: n(0),
      NOT_STATED: n(0),
    });
    expect(column(result.byEducationLevel, 'inWorkOrStudies')).toEqual({
      FORGYMNASIAL: HIDDEN,
      GYMNASIAL: HIDDEN,
      EFTERGYMNASIAL: n(0),
      NOT_STATED: n(0),
    });
    expect(column(result.bySwedishLevel, 'placementsEnded')).toEqual({
      SFI_A: n(0),
      SFI_B: n(0),
      SFI_C: n(0),
      SFI_D: n(10),
      SVA: n(0),
      NOT_STATED: n(0),
    });
    expect(column(result.bySwedishLevel, 'inWorkOrStudies')).toMatchObject({ SFI_D: n(5) });
    // One person can be in several priority groups; 4 are in none.
    // SHORT_EDUCATION (5) is hidden with its twin FORGYMNASIAL, hidden above.
    expect(column(result.byPriorityGroup, 'placementsConfirmed')).toEqual({
      WOMAN: n(7),
      SHORT_EDUCATION: HIDDEN,
      DISABILITY: HIDDEN,
      LONG_TERM_ASSISTANCE: n(0),
      NONE: HIDDEN,
      NOT_STATED: n(0),
    });
    // Nor does the total minus a shown priority group give 1–4 back (the people outside it).
    for (const cell of Object.values(column(result.byPriorityGroup, 'placementsConfirmed')) as Array<{
      value: number | null;
    }>) {
      if (cell.value === null) continue;
      const outside = result.placements.confirmed.value - cell.value;
      expect(outside === 0 || outside >= 5).toBe(true);
    }
    // Nor a group's ended placements minus its people in work or studies (those not in work or studies).
    for (const list of [
      result.byEducationLevel,
      result.bySwedishLevel,
      result.byGender,
      result.byPriorityGroup,
    ]) {
      for (const row of list as Array<{
        placementsEnded: { value: number | null };
        inWorkOrStudies: { value: number | null };
      }>) {
        if (row.placementsEnded.value === null || row.inWorkOrStudies.value === null) continue;
        const rest = row.placementsEnded.value - row.inWorkOrStudies.value;
        expect(rest === 0 || rest >= 5).toBe(true);
      }
    }
    // No shown cell of a breakdown is 1–4, and no breakdown has exactly one hidden cell.
    for (const list of [
      result.byEducationLevel,
      result.bySwedishLevel,
      result.byGender,
      result.byPriorityGroup,
    ]) {
      for (const key of ['placementsConfirmed', 'placementsEnded', 'inWorkOrStudies'] as const) {
        const cells = Object.values(column(list, key)) as Array<{
          value: number | null;
          suppressed: boolean;
        }>;
        expect(cells.filter((cell) => cell.value !== null && cell.value > 0 && cell.value < 5)).toEqual([]);
        expect(cells.filter((cell) => cell.suppressed).length).not.toBe(1);
        // Hidden cells hold at least 5 together: the total (when shown) minus the shown cells.
        const hidden = cells.filter((cell) => cell.suppressed).length;
        const total = result.placements[key === 'placementsConfirmed' ? 'confirmed' : 'ended'].value;
        if (hidden > 0 && key !== 'inWorkOrStudies' && list !== result.byPriorityGroup) {
          expect(total - cells.reduce((sum, cell) => sum + (cell.value ?? 0), 0)).toBeGreaterThanOrEqual(5);
        }
      }
    }
  });

  it("counts an organisation's own openings and the placements of the participants it coaches", async () => {
    // The coaching municipality posted no opening; its participants' placements are the same.
    const own = await figures(coach, { organisationId: municipalityId, ...YEAR });
    expect(own).toMatchObject({ organisationId: municipalityId, scopeName: 'Testkommunen i Uppsala' });
    expect(own.openings).toMatchObject({
      published: 0,
      placesOffered: 0,
      placesFilled: n(0),
      fillRate: null,
    });
    expect(own.placements).toMatchObject({ confirmed: n(13), ended: n(10), medianDaysToConfirmation: 15.5 });
    expect(own.proposals.decided).toEqual(n(18));
    expect(own.tracks.map((track: { name: string }) => track.name)).toEqual(['+Vård och omsorg (test)']);
    // The company: its openings and the placements in them; it runs no track.
    const company = await figures(admin, { organisationId: companyId, ...YEAR });
    expect(company.openings).toMatchObject({ published: 4, placesFilled: n(12) });
    expect(company.placements).toMatchObject({ confirmed: n(13), ended: n(10) });
    expect(company.tracks).toEqual([]);
    // A coach may ask for their organisation's municipality too.
    const municipality = await figures(coach, { municipalityCode: UPPSALA, ...YEAR });
    expect(municipality.openings.published).toBe(4);
    // A period with few events: everything small is hidden, medians and shares with it.
    const spring = await figures(admin, { municipalityCode: UPPSALA, from: '2025-02-01', to: '2025-02-10' });
    expect(spring.placements).toMatchObject({ confirmed: HIDDEN, medianDaysToConfirmation: null });
    expect(column(spring.byGender, 'placementsConfirmed')).toEqual({
      WOMAN: HIDDEN,
      MAN: HIDDEN,
      OTHER: HIDDEN,
      NOT_STATED: HIDDEN,
    });
  });

  it('exports the same figures as a CSV file for Excel with Swedish settings', async () => {
    const { keyFiguresCsv } = await coach.ok<{
      keyFiguresCsv: { fileName: string; contentType: string; content: string };
    }>(KEY_FIGURES_CSV, { input: { municipalityCode: UPPSALA, ...YEAR } });
    expect(keyFiguresCsv.fileName).toBe('nyckeltal-uppsala-2025-01-01-2025-12-31.csv');
    expect(keyFiguresCsv.contentType).toBe('text/csv; charset=utf-8');
    expect(keyFiguresCsv.content.startsWith('\uFEFFAvsnitt;Grupp;Mått;Värde\r\n')).toBe(true);
    const rows = parse(keyFiguresCsv.content, { delimiter: ';', bom: true }) as string[][];
    expect(rows.every((row) => row.length === 4)).toBe(true);
    const value = (section: string, group: string, measure: string) =>
      rows.find((row) => row[0] === section && row[1] === group && row[2] === measure)?.[3];
    expect(value('Urval', '', 'Kommun')).toBe('Uppsala');
    // Not a bare number, which Excel would read without its leading zero (Stockholm's are 01xx).
    expect(value('Urval', '', 'Kommunkod')).toBe(`kommunkod ${UPPSALA}`);
    expect(value('Insatser', 'Totalt', 'Publicerade')).toBe('4');
    expect(value('Insatser', 'Totalt', 'Andel tillsatta')).toBe('0,545');
    expect(value('Matchningsförslag', '', 'Andel bekräftade')).toBe('0,722');
    expect(value('Placeringar', '', 'Mediandagar från publicering till bekräftelse')).toBe('15,5');
    expect(value('Avbrutna i förtid', 'Fick arbete', 'Antal')).toBe('..');
    expect(value('Kön', 'Kvinna', 'Bekräftade placeringar')).toBe('7');
    expect(value('Kön', 'Man', 'Bekräftade placeringar')).toBe('..');
    expect(value('Status 90 dagar efter', '', 'Andel i arbete eller studier')).toBe('0,5');
    // A name starting with + would be a formula in Excel: it is written as text.
    expect(value('Jobbspår', "'+Vård och omsorg (test), totalt", 'Antagna')).toBe('8');
    expect(value('Jobbspår', "'+Vård och omsorg (test), intag 2025-09-01", 'Andel tillsatta')).toBe('..');
  });

  it('lets coaches see their own organisation only, admins any, and employers none', async () => {
    const input = (extra: Record<string, unknown>) => ({ input: { ...YEAR, ...extra } });
    for (const query of [KEY_FIGURES, KEY_FIGURES_CSV]) {
      expect(errorCode(await varmdoCoach.request(query, input({ organisationId: municipalityId })))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await coach.request(query, input({ organisationId: companyId })))).toBe('FORBIDDEN');
      expect(errorCode(await coach.request(query, input({ municipalityCode: '0120' })))).toBe('FORBIDDEN');
      // Whether an organisation exists is none of a coach's business either.
      expect(errorCode(await coach.request(query, input({ organisationId: randomUUID() })))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await employer.request(query, input({ organisationId: companyId })))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await stack.anonymous.request(query, input({ organisationId: companyId })))).toBe(
        'UNAUTHENTICATED',
      );
      expect(errorCode(await admin.request(query, input({ organisationId: randomUUID() })))).toBe(
        'NOT_FOUND',
      );
      expect(
        errorCode(await admin.request(query, input({ organisationId: municipalityId }))),
      ).toBeUndefined();
    }
  });

  it.each([
    ['to before from', { organisationId: 'own', from: '2025-06-01', to: '2025-05-31' }, 'input.to', 'before'],
    [
      'a malformed date',
      { organisationId: 'own', from: '2025-13-01', to: '2025-12-31' },
      'input.from',
      'calendar',
    ],
    [
      'a date not written YYYY-MM-DD',
      { organisationId: 'own', from: '1/1/2025', to: '2025-12-31' },
      'input.from',
      'YYYY-MM-DD',
    ],
    [
      'a period over 5 years',
      { organisationId: 'own', from: '2020-01-01', to: '2025-01-01' },
      'input.to',
      '5 years',
    ],
    [
      'both scopes',
      { organisationId: 'own', municipalityCode: UPPSALA, ...YEAR },
      'input.municipalityCode',
      'exactly one',
    ],
    ['neither scope', { ...YEAR }, 'input.organisationId', 'exactly one'],
    ['a malformed organisation id', { organisationId: 'abc', ...YEAR }, 'input.organisationId', 'valid id'],
    ['a malformed kommunkod', { municipalityCode: '12', ...YEAR }, 'input.municipalityCode', '4 digits'],
    ['an unknown kommunkod', { municipalityCode: '0199', ...YEAR }, 'input.municipalityCode', 'taxonomy'],
  ])('refuses %s with BAD_USER_INPUT on the field, writing nothing', async (_case, given, field, message) => {
    const asked = given as Record<string, unknown>;
    const input = { ...asked, ...(asked.organisationId === 'own' ? { organisationId: municipalityId } : {}) };
    const counts = async () =>
      (
        await sql(`SELECT (SELECT count(*) FROM personal_data_access_log)::int AS log,
                          (SELECT count(*) FROM outbox_messages)::int AS outbox,
                          (SELECT max(updated_at)::text FROM participants) AS participants`)
      )[0];
    const before = await counts();
    for (const query of [KEY_FIGURES, KEY_FIGURES_CSV]) {
      const response = await coach.request(query, { input });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
      expect(response.errors?.[0]?.message).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  it('never shows a count of 1 to 4 anywhere, for any period', async () => {
    for (const period of [
      YEAR,
      { from: '2025-03-01', to: '2025-03-10' },
      { from: '2025-05-01', to: '2025-05-31' },
    ]) {
      const result = await figures(admin, { municipalityCode: UPPSALA, ...period });
      const small: string[] = [];
      const walk = (value: unknown, path: string) => {
        if (value && typeof value === 'object') {
          const record = value as Record<string, unknown>;
          if (
            'suppressed' in record &&
            typeof record.value === 'number' &&
            record.value > 0 &&
            record.value < 5
          ) {
            small.push(path);
          }
          for (const [key, inner] of Object.entries(record)) walk(inner, `${path}.${key}`);
        }
      };
      walk(result, 'keyFigures');
      expect(small).toEqual([]);
    }
  });
  it('counts a placement confirmed anew after its cancellation once, as the placement that replaced it', async () => {
    const [cancelled] = await sql(
      `SELECT id, proposal_id, opening_id, participant_id, employer_organisation_id, confirmed_by FROM placements
        WHERE coach_organisation_id = $1 AND status = 'CANCELLED'`,
      [municipalityId],
    );
    const before = await figures(coach, { organisationId: municipalityId, ...YEAR });
    const [anew] = await sql(
      `INSERT INTO placements (proposal_id, opening_id, participant_id, employer_organisation_id,
         coach_organisation_id, kind, status, start_date, end_date, confirmed_by, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, 'PRAKTIK', 'PLANNED', '2025-10-01', '2025-12-31', $6, '2025-06-01T10:00:00Z')
       RETURNING id`,
      [
        cancelled!.proposal_id,
        cancelled!.opening_id,
        cancelled!.participant_id,
        cancelled!.employer_organisation_id,
        municipalityId,
        cancelled!.confirmed_by,
      ],
    );
    try {
      const after = await figures(coach, { organisationId: municipalityId, ...YEAR });
      expect(after.placements.confirmed).toEqual(before.placements.confirmed);
      expect(after.proposals).toEqual(before.proposals);
      expect(column(after.byGender, 'placementsConfirmed')).toEqual(
        column(before.byGender, 'placementsConfirmed'),
      );
      // Erasing the person deletes their proposals, and the placements lose the link to theirs (ON DELETE SET
      // NULL): the cancelled one still counts as replaced.
      await sql('UPDATE placements SET proposal_id = NULL WHERE id = ANY($1::uuid[])', [
        [cancelled!.id, anew!.id],
      ]);
      const erased = await figures(coach, { organisationId: municipalityId, ...YEAR });
      expect(erased.placements.confirmed).toEqual(before.placements.confirmed);
    } finally {
      await sql('DELETE FROM placements WHERE id = $1', [anew!.id]);
      await sql('UPDATE placements SET proposal_id = $2 WHERE id = $1', [
        cancelled!.id,
        cancelled!.proposal_id,
      ]);
    }
  });

  // Last: it erases one of the people above.
  it("counts an erased person's placement under NOT_STATED among the priority groups, not under NONE", async () => {
    const repository = stack.api.app.get(KeyFiguresRepository, { strict: false });
    const priority = async () =>
      Object.fromEntries(
        (await repository.read({ organisationId: municipalityId }, { from: YEAR.from, to: YEAR.to })).groups
          .filter((row) => row.dimension === 'PRIORITY')
          .map((row) => [row.group, row.confirmed]),
      );
    const [person] = await sql(
      `SELECT p.participant_id, cp.priority_woman AS "WOMAN", cp.priority_short_education AS "SHORT_EDUCATION",
              cp.priority_disability AS "DISABILITY", cp.priority_long_term_assistance AS "LONG_TERM_ASSISTANCE"
         FROM placements p JOIN competence_profiles cp ON cp.participant_id = p.participant_id
        WHERE p.coach_organisation_id = $1 AND p.status = 'COMPLETED' ORDER BY p.confirmed_at LIMIT 1`,
      [municipalityId],
    );
    const before = await priority();
    await coach.ok('mutation($id: ID!) { eraseParticipant(id: $id) }', { id: person!.participant_id });
    const after = await priority();
    const flags = ['WOMAN', 'SHORT_EDUCATION', 'DISABILITY', 'LONG_TERM_ASSISTANCE'].filter(
      (flag) => person![flag],
    );
    const expected = { ...before };
    for (const group of flags.length > 0 ? flags : ['NONE']) expected[group] = (expected[group] ?? 0) - 1;
    expected.NOT_STATED = (expected.NOT_STATED ?? 0) + 1;
    expect(Object.fromEntries(Object.entries(after).filter(([, n]) => n !== 0))).toEqual(
      Object.fromEntries(Object.entries(expected).filter(([, n]) => n !== 0)),
    );
  });
});

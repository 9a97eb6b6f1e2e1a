import { allDemoUsers, DEMO_ORGANISATIONS, DEMO_REFERENCE_YEAR } from '#libs/demo-data';
import { parsePersonnummer } from '#libs/identity-numbers';
import { PersonalDataCipher } from '#libs/personal-data';
import { loadDemoData } from '../../scripts/demo-data-context.js';
import { createTestEnvironment, type TestEnvironment } from '../support/test-environment.js';

/**
 * The demo data as the template database holds it (loaded once through the services, see test-environment.ts):
 * what it contains, that it follows the distributions of domain.md, and that loading it again adds nothing.
 */
describe('demo data', () => {
  let environment: TestEnvironment;
  const count = async (query: string, parameters?: unknown[]) =>
    Number((await environment.sql(query, parameters))[0]!.count);

  beforeAll(async () => {
    environment = await createTestEnvironment();
  });

  afterAll(() => environment?.destroy());

  it('has 25 organisations of every kind, the demo accounts, 165 participants, 46 openings and 3 tracks', async () => {
    const kinds = await environment.sql(
      `SELECT kind, count(*)::int AS count FROM organisations WHERE organisation_number = ANY($1) GROUP BY kind`,
      [DEMO_ORGANISATIONS.map((o) => o.organisationNumber)],
    );
    expect(Object.fromEntries(kinds.map((row) => [row.kind, row.count]))).toEqual({
      MUNICIPALITY: 2,
      REGION: 1,
      STATE_AGENCY: 1,
      COMPANY: 16,
      ASSOCIATION: 5,
    });
    expect(
      await count('SELECT count(*) FROM users WHERE email = ANY($1)', [allDemoUsers().map((u) => u.email)]),
    ).toBe(allDemoUsers().length);
    const participants = await environment.sql(
      `SELECT o.name, count(*)::int AS count FROM participants p JOIN organisations o ON o.id = p.organisation_id
       GROUP BY o.name ORDER BY o.name`,
    );
    expect(participants).toEqual([
      { name: 'Nacka kommun', count: 15 },
      { name: 'Värmdö kommun', count: 150 },
    ]);
    const openings = await environment.sql(
      `SELECT kind, count(*)::int AS count FROM openings GROUP BY kind ORDER BY kind`,
    );
    expect(Object.fromEntries(openings.map((row) => [row.kind, row.count]))).toEqual({
      PRAKTIK: 24,
      EXTRATJANST: 10,
      JOBBSPAR: 7,
      ETABLERINGSJOBB: 5,
    });
    expect(await count(`SELECT count(*) FROM openings WHERE status = 'PUBLISHED'`)).toBeGreaterThanOrEqual(
      30,
    );
    expect(await count('SELECT count(DISTINCT organisation_id) FROM openings')).toBeGreaterThanOrEqual(20);
  });

  it('keeps the eligibility rules of every opening kind', async () => {
    expect(
      await count(
        `SELECT count(*) FROM openings op JOIN organisations o ON o.id = op.organisation_id
         WHERE op.kind = 'EXTRATJANST' AND (o.kind NOT IN ('MUNICIPALITY', 'REGION', 'ASSOCIATION')
           OR op.supervisor_name IS NULL)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM openings WHERE kind = 'ETABLERINGSJOBB' AND (hours_per_week < 37
           OR NOT collective_agreement_confirmed OR end_date >= start_date + interval '24 months')`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM openings op LEFT JOIN track_intakes i ON i.id = op.track_intake_id
         LEFT JOIN track_partners tp ON tp.track_id = i.track_id AND tp.organisation_id = op.organisation_id
         WHERE op.kind = 'JOBBSPAR' AND tp.track_id IS NULL`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM openings WHERE kind = 'PRAKTIK' AND end_date >= start_date + interval '6 months'`,
      ),
    ).toBe(0);
  });

  it("has Värmdö's three Jobbspår tracks with their places per intake, partners and some enrolments", async () => {
    const tracks = await environment.sql(
      `SELECT t.name, array_agg(i.places ORDER BY i.start_date) AS places, sum(i.places_taken)::int AS taken,
              (SELECT count(*)::int FROM track_partners tp WHERE tp.track_id = t.id) AS partners
       FROM tracks t JOIN track_intakes i ON i.track_id = t.id GROUP BY t.id, t.name ORDER BY t.name`,
    );
    expect(tracks.map(({ name, places }) => [name, places])).toEqual([
      ['Jobbspår barnskötare, resurspedagog och elevassistent', [5, 5]],
      ['Jobbspår service, enkla jobb', [15, 15, 15, 15]],
      ['Jobbspår vård och omsorg', [5, 5]],
    ]);
    for (const track of tracks) {
      expect(track.taken).toBeGreaterThan(0);
      expect(track.partners).toBeGreaterThanOrEqual(4);
    }
    expect(await count('SELECT count(*) FROM track_enrolments')).toBe(
      tracks.reduce((sum, track) => sum + (track.taken as number), 0),
    );
  });

  it('follows the distributions of domain.md within a tolerance', async () => {
    const rows = await environment.sql(
      `SELECT e.sun_code, p.priority_woman, p.priority_short_education, pa.birth_year
       FROM competence_profiles p JOIN participants pa ON pa.id = p.participant_id
       JOIN organisations o ON o.id = pa.organisation_id
       JOIN taxonomy_education_levels e ON e.concept_id = p.education_level_concept_id
       WHERE o.name = 'Värmdö kommun'`,
    );
    expect(rows).toHaveLength(150);
    const share = (test: (row: Record<string, unknown>) => boolean) => rows.filter(test).length / rows.length;
    const within = (actual: number, wanted: number) =>
      expect(Math.abs(actual - wanted)).toBeLessThanOrEqual(0.04);
    within(
      share((row) => ['1', '2'].includes(row.sun_code as string)),
      0.45,
    );
    within(
      share((row) => row.sun_code === '3'),
      0.28,
    );
    within(
      share((row) => row.sun_code === '5'),
      0.14,
    );
    within(
      share((row) => row.priority_woman === true),
      0.55,
    );
    within(
      share((row) => DEMO_REFERENCE_YEAR - (row.birth_year as number) < 40),
      0.71,
    );
    for (const row of rows) {
      const age = DEMO_REFERENCE_YEAR - (row.birth_year as number);
      expect(age).toBeGreaterThanOrEqual(20);
      expect(age).toBeLessThanOrEqual(64);
      expect(row.priority_short_education).toBe(['1', '2'].includes(row.sun_code as string));
    }
    const statuses = await environment.sql(
      `SELECT status, count(*)::int AS count FROM competence_profiles GROUP BY status`,
    );
    const byStatus = Object.fromEntries(statuses.map((row) => [row.status, row.count as number]));
    expect(byStatus.PUBLISHED).toBeGreaterThan(165 * 0.7);
    expect(byStatus.DRAFT).toBeGreaterThan(0);
    expect(byStatus.PAUSED).toBeGreaterThan(0);
    expect(await count(`SELECT count(DISTINCT language_concept_id) FROM profile_languages`)).toBeGreaterThan(
      12,
    );
  });

  it('has valid personnummer (some samordningsnummer), consent for every published profile, clean summaries', async () => {
    const cipher = new PersonalDataCipher(environment.workerConfig);
    const people = await environment.sql(
      `SELECT pa.first_name, pa.last_name, pa.personnummer_encrypted, pa.birth_year, p.summary, p.status,
              pa.consent_given_at, pa.consent_withdrawn_at, pa.consent_scopes
       FROM participants pa JOIN competence_profiles p ON p.participant_id = pa.id`,
    );
    let samordningsnummer = 0;
    for (const person of people) {
      const parsed = parsePersonnummer(cipher.decrypt(person.personnummer_encrypted as string));
      if (typeof parsed === 'string') throw new Error(parsed);
      expect(parsed.birthDate.year).toBe(person.birth_year);
      if (parsed.isSamordningsnummer) samordningsnummer++;

      if (person.status === 'PUBLISHED' || person.status === 'PAUSED') {
        expect(person.consent_given_at).not.toBeNull();
        expect(person.consent_withdrawn_at).toBeNull();
        expect(String(person.consent_scopes)).toContain('ANONYMISED_PROFILE');
      }
      const summary = person.summary as string;
      expect(summary.length).toBeGreaterThan(40);
      expect(summary).not.toMatch(/\d{5,}|@|\+\d/);
      const words = new Set(summary.toLowerCase().split(/[^\p{L}]+/u));
      for (const part of `${person.first_name} ${person.last_name}`.toLowerCase().split(/[\s-]+/u))
        expect(words.has(part)).toBe(false);
    }
    expect(samordningsnummer).toBeGreaterThan(0);
  });

  it("has Värmdö's past placements at every stage, with both sides' follow-ups, kompetensbevis and outcomes", async () => {
    const placements = await environment.sql(
      `SELECT pl.status, pl.end_reason,
              (SELECT array_agg(DISTINCT e.side::text ORDER BY e.side::text) FROM follow_up_entries e
                WHERE e.placement_id = pl.id) AS sides,
              (SELECT f.outcome FROM follow_ups f WHERE f.placement_id = pl.id AND f.kind = 'OUTCOME') AS outcome,
              EXISTS (SELECT 1 FROM competence_certificates c WHERE c.placement_id = pl.id) AS certificate,
              mp.origin, mp.status AS proposal_status, pt.organisation_id = u.organisation_id AS coached_by_varmdo
         FROM placements pl
         JOIN match_proposals mp ON mp.id = pl.proposal_id
         JOIN participants pt ON pt.id = pl.participant_id
         JOIN users u ON u.email = 'coach@varmdo.example'
        ORDER BY pl.start_date`,
    );
    const both = ['COACH', 'EMPLOYER'];
    const confirmed = { origin: 'EMPLOYER_REQUEST', proposal_status: 'CONFIRMED', coached_by_varmdo: true };
    expect(placements).toEqual([
      {
        status: 'COMPLETED',
        end_reason: null,
        sides: both,
        outcome: 'WORK',
        certificate: true,
        ...confirmed,
      },
      {
        status: 'COMPLETED',
        end_reason: null,
        sides: both,
        outcome: 'STUDIES',
        certificate: true,
        ...confirmed,
      },
      {
        status: 'ENDED_EARLY',
        end_reason: 'GOT_JOB',
        sides: both,
        outcome: 'WORK',
        certificate: false,
        ...confirmed,
      },
      {
        status: 'ENDED_EARLY',
        end_reason: 'HEALTH',
        sides: both,
        outcome: 'NONE',
        certificate: false,
        ...confirmed,
      },
      // Ended within the last 90 days: its outcome is still to come.
      { status: 'COMPLETED', end_reason: null, sides: both, outcome: null, certificate: true, ...confirmed },
      { status: 'ACTIVE', end_reason: null, sides: both, outcome: null, certificate: false, ...confirmed },
    ]);
    // Six different people, none placed twice.
    expect(await count('SELECT count(DISTINCT participant_id) FROM placements')).toBe(6);
  });

  it('adds nothing when it is loaded again', async () => {
    const tables = (
      await environment.sql(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).map((row) => row.table_name as string);
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (table) => [table, await count(`SELECT count(*) FROM "${table}"`)]),
        ),
      );
    const before = await counts();
    const report = await loadDemoData(environment.workerConfig);
    expect(report).toMatchObject({
      organisationsCreated: 0,
      usersCreated: 0,
      participantsCreated: 0,
      profilesPublished: 0,
      tracksCreated: 0,
      intakesCreated: 0,
      enrolmentsCreated: 0,
      openingsCreated: 0,
      placementsCreated: 0,
      resumed: 0,
    });
    expect(await counts()).toEqual(before);
  });

  it('carries on a load that stopped half-way: missing intakes, openings and profiles behind their status', async () => {
    const state = async () => ({
      intakes: await environment.sql(
        `SELECT t.name, array_agg(i.places ORDER BY i.start_date) AS places
         FROM tracks t JOIN track_intakes i ON i.track_id = t.id GROUP BY t.name ORDER BY t.name`,
      ),
      openings: await environment.sql(
        `SELECT o.title, o.status, o.published_at IS NOT NULL AS published, i.start_date IS NOT NULL AS in_intake
         FROM openings o LEFT JOIN track_intakes i ON i.id = o.track_intake_id ORDER BY o.title`,
      ),
      profiles: await environment.sql(
        `SELECT p.participant_id, p.status, p.available_from IS NOT NULL AS written,
                pa.consent_given_at IS NOT NULL AS consent
         FROM competence_profiles p JOIN participants pa ON pa.id = p.participant_id ORDER BY p.participant_id`,
      ),
    });
    const before = await state();
    const profileIn = async (status: string, offset: number) =>
      (
        await environment.sql(
          `SELECT participant_id FROM competence_profiles WHERE status = $1 ORDER BY participant_id OFFSET $2 LIMIT 1`,
          [status, offset],
        )
      )[0]!.participant_id;
    const [notPublished, neverWritten, noConsent, notPaused] = [
      await profileIn('PUBLISHED', 0),
      await profileIn('PUBLISHED', 1),
      await profileIn('PUBLISHED', 2),
      await profileIn('PAUSED', 0),
    ];

    // What a load that stopped at each step would have left behind, the later steps never run.
    await environment.sql(
      `DELETE FROM openings WHERE title = 'Jobbspår service: butik';
       DELETE FROM track_intakes WHERE id IN (
         SELECT i.id FROM track_intakes i JOIN tracks t ON t.id = i.track_id
         WHERE t.name = 'Jobbspår service, enkla jobb' ORDER BY i.start_date OFFSET 1);
       DELETE FROM track_intakes WHERE id IN (
         SELECT i.id FROM track_intakes i JOIN tracks t ON t.id = i.track_id
         WHERE t.name = 'Jobbspår vård och omsorg' ORDER BY i.start_date OFFSET 1);
       UPDATE openings SET status = 'DRAFT', published_at = NULL
       WHERE title IN ('Praktik som lokalvårdare', 'Praktik som köksbiträde i restaurangkök');
       UPDATE openings SET status = 'PUBLISHED' WHERE title = 'Praktik som ledare i klubbens ungdomsverksamhet';`,
    );
    await environment.sql(
      `UPDATE competence_profiles SET status = 'DRAFT', published_at = NULL WHERE participant_id = $1`,
      [notPublished],
    );
    await environment.sql(
      `UPDATE competence_profiles SET status = 'DRAFT', published_at = NULL, available_from = NULL
       WHERE participant_id = $1`,
      [neverWritten],
    );
    await environment.sql(
      `UPDATE competence_profiles SET status = 'DRAFT', published_at = NULL WHERE participant_id = $1;`,
      [noConsent],
    );
    await environment.sql(
      `UPDATE participants SET consent_given_at = NULL, consent_scopes = '{}' WHERE id = $1`,
      [noConsent],
    );
    await environment.sql(`UPDATE competence_profiles SET status = 'PUBLISHED' WHERE participant_id = $1`, [
      notPaused,
    ]);
    expect(await state()).not.toEqual(before);

    const report = await loadDemoData(environment.workerConfig);
    expect(report).toMatchObject({
      organisationsCreated: 0,
      usersCreated: 0,
      participantsCreated: 0,
      profilesPublished: 3,
      tracksCreated: 0,
      intakesCreated: 4,
      enrolmentsCreated: 0,
      openingsCreated: 1,
      placementsCreated: 0,
      // 4 participants and 3 openings
      resumed: 7,
    });
    expect(await state()).toEqual(before);
    expect((await loadDemoData(environment.workerConfig)).resumed).toBe(0);
  });

  it('carries on a placement story that stopped half-way: a missing follow-up and outcome are recorded', async () => {
    const history = async () =>
      environment.sql(
        `SELECT pl.id, pl.status, f.outcome, f.status AS outcome_status,
                (SELECT array_agg(e.side::text ORDER BY e.side::text) FROM follow_up_entries e
                  WHERE e.placement_id = pl.id) AS sides
           FROM placements pl LEFT JOIN follow_ups f ON f.placement_id = pl.id AND f.kind = 'OUTCOME'
          ORDER BY pl.start_date`,
      );
    const before = await history();
    const [first] = before;
    expect(first).toMatchObject({ status: 'COMPLETED', outcome: 'WORK', sides: ['COACH', 'EMPLOYER'] });
    // As a load that stopped after the employer's entry would have left it.
    await environment.sql(
      `DELETE FROM follow_up_entries WHERE placement_id = $1 AND side = 'COACH';
       UPDATE follow_ups SET outcome = NULL, outcome_note = NULL, status = 'DUE', done_by = NULL, done_at = NULL
        WHERE placement_id = $1 AND kind = 'OUTCOME'`.replaceAll('$1', `'${first!.id}'`),
    );
    expect(await history()).not.toEqual(before);

    const report = await loadDemoData(environment.workerConfig);
    expect(report).toMatchObject({ placementsCreated: 0, openingsCreated: 0, resumed: 1 });
    expect(await history()).toEqual(before);
  });

  it('leaves a story an earlier load found nobody to place for as it was: its opening closed, nobody placed', async () => {
    // As a small load (everyone withheld from employers) leaves the first story: its opening closed, no placement.
    const [story] = await environment.sql(
      `SELECT o.id, pl.id AS placement_id FROM openings o JOIN placements pl ON pl.opening_id = o.id
        ORDER BY pl.start_date LIMIT 1`,
    );
    const [elsewhere] = await environment.sql(
      `SELECT id FROM openings WHERE id <> $1 AND status = 'PUBLISHED' ORDER BY id LIMIT 1`,
      [story!.id],
    );
    await environment.sql('UPDATE placements SET opening_id = $2 WHERE id = $1', [
      story!.placement_id,
      elsewhere!.id,
    ]);
    await environment.sql(`UPDATE openings SET status = 'CLOSED', places_taken = 0 WHERE id = $1`, [
      story!.id,
    ]);

    const report = await loadDemoData(environment.workerConfig);
    expect(report).toMatchObject({ placementsCreated: 0, openingsCreated: 0 });
    const [after] = await environment.sql(
      `SELECT o.status, (SELECT count(*)::int FROM placements WHERE opening_id = o.id) AS placements
         FROM openings o WHERE o.id = $1`,
      [story!.id],
    );
    expect(after).toEqual({ status: 'CLOSED', placements: 0 });
  });
});

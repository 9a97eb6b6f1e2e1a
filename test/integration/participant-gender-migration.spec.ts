import { DataSource } from 'typeorm';
import { postgresOptions } from '#libs/database';
import { ParticipantGender1795457000001 } from '../../migrations/1795457000001-ParticipantGender.js';
import { createTestEnvironment, type TestEnvironment } from '../support/test-environment.js';

describe('the migration that adds the participant gender', () => {
  let environment: TestEnvironment;

  beforeAll(async () => {
    environment = await createTestEnvironment();
  });

  afterAll(() => environment?.destroy());

  it('makes participants in the priority group women WOMAN and leaves the others NOT_STATED', async () => {
    const dataSource = new DataSource(postgresOptions(environment.databaseUrl, 1));
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    try {
      const migration = new ParticipantGender1795457000001();
      // The demo data as it was before: taken back, then migrated again.
      await migration.down(runner);
      await migration.up(runner);
      const rows = await environment.sql(
        `SELECT coalesce(profile.priority_woman, false) AS woman, participant.gender::text AS gender, count(*)::int AS n
           FROM participants participant
           LEFT JOIN competence_profiles profile ON profile.participant_id = participant.id
          GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      expect(rows.map((row) => [row.woman, row.gender])).toEqual([
        [false, 'NOT_STATED'],
        [true, 'WOMAN'],
      ]);
      expect(rows.every((row) => (row.n as number) > 0)).toBe(true);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
  });
});

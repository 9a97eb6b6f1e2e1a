import { Role, type Principal } from '#libs/access-control';
import type { OrganisationsService } from '#libs/organisations';
import type { TaxonomyService } from '#libs/taxonomy';
import type { GroupRow, KeyFiguresRepository, KeyFiguresRows } from './key-figures.repository.js';
import { KeyFiguresService } from './key-figures.service.js';

const ADMIN: Principal = { userId: 'u', organisationId: 'o', role: Role.ADMIN } as Principal;
const INPUT = {
  organisationId: '6f1c1f6e-4d7e-4a55-9d47-1f4a5c2d7b10',
  from: '2026-01-01',
  to: '2026-12-31',
};

/** The figures of `rows` as the service shows them (the repository and organisations stubbed: no database here). */
function figuresOf(rows: Partial<KeyFiguresRows>) {
  const all: KeyFiguresRows = {
    kinds: [],
    totals: totals({}),
    groups: [],
    proposals: { confirmed: 0, rejected: 0 },
    intakes: [],
    ...rows,
  };
  const repository = { read: () => Promise.resolve(all) } as unknown as KeyFiguresRepository;
  const organisations = {
    get: (id: string) => Promise.resolve({ id, name: 'Testkommunen' }),
  } as unknown as OrganisationsService;
  return new KeyFiguresService(repository, organisations, {} as TaxonomyService).figures(ADMIN, INPUT);
}

/** Placement totals: none, but `changes`. */
function totals(changes: Partial<KeyFiguresRows['totals']>): KeyFiguresRows['totals'] {
  return {
    confirmed: 0,
    medianDays: null,
    completed: 0,
    endedEarly: 0,
    work: 0,
    studies: 0,
    programme: 0,
    none: 0,
    unknown: 0,
    notRecorded: 0,
    ...changes,
  };
}

const group = (dimension: string, name: string, confirmed: number): GroupRow => ({
  dimension,
  group: name,
  confirmed,
  ended: 0,
  inWorkOrStudies: 0,
});

describe('key figures across sections of one answer', () => {
  it('hides the proposals decided when the rejected count is hidden: confirmed ones are shown as placements', async () => {
    const figures = await figuresOf({
      totals: totals({ confirmed: 5, medianDays: 3 }),
      proposals: { confirmed: 5, rejected: 2 },
    });
    expect(figures.placements.confirmed).toEqual({ value: 5, suppressed: false });
    expect(figures.proposals.rejected.suppressed).toBe(true);
    // Shown, 7 − 5 would give the 2 back.
    expect(figures.proposals.decided).toEqual({ value: null, suppressed: true });
    expect(figures.proposals.confirmedShare).toBeNull();
  });

  it('shows the proposals decided when every cell is shown', async () => {
    const figures = await figuresOf({ proposals: { confirmed: 6, rejected: 5 } });
    expect(figures.proposals.decided).toEqual({ value: 11, suppressed: false });
    expect(figures.proposals.confirmedShare).toBe(0.545);
  });

  it('hides NONE when the people in some priority group are fewer than 5: the total minus NONE would tell', async () => {
    // 20 placements confirmed; the same 3 people have a disability and long-term financial assistance.
    const figures = await figuresOf({
      totals: totals({ confirmed: 20, medianDays: 4 }),
      groups: [
        group('PRIORITY', 'DISABILITY', 3),
        group('PRIORITY', 'LONG_TERM_ASSISTANCE', 3),
        group('PRIORITY', 'NONE', 17),
      ],
    });
    expect(figures.placements.confirmed).toEqual({ value: 20, suppressed: false });
    const shown = Object.fromEntries(
      figures.byPriorityGroup.map((row) => [row.group, row.placementsConfirmed.value]),
    );
    expect(shown).toEqual({
      WOMAN: 0,
      SHORT_EDUCATION: 0,
      DISABILITY: null,
      LONG_TERM_ASSISTANCE: null,
      NONE: null,
      NOT_STATED: 0,
    });
  });

  it('hides a priority group when the people outside it are fewer than 5: the total minus the group would tell', async () => {
    // 12 placements confirmed: all of them short education, 9 with a disability, so 3 without one.
    const figures = await figuresOf({
      totals: totals({ confirmed: 12, medianDays: 4 }),
      groups: [group('PRIORITY', 'SHORT_EDUCATION', 12), group('PRIORITY', 'DISABILITY', 9)],
    });
    const shown = Object.fromEntries(
      figures.byPriorityGroup.map((row) => [row.group, row.placementsConfirmed.value]),
    );
    expect(shown.DISABILITY).toBeNull();
    // Everyone (12 of 12) leaves no one outside: nothing to give back.
    expect(shown.SHORT_EDUCATION).toBe(12);
  });

  it("hides a group's people in work or studies when the rest of its ended placements are fewer than 5", async () => {
    // 20 placements ended, 13 of the people in work or studies 90 days after. Gymnasial: 6 ended, 5 of them in work
    // or studies, so 1 not; eftergymnasial: 14 ended, 8 of them.
    const ended = (name: string, count: number, inWorkOrStudies: number): GroupRow => ({
      dimension: 'EDUCATION',
      group: name,
      confirmed: 0,
      ended: count,
      inWorkOrStudies,
    });
    const figures = await figuresOf({
      totals: totals({ completed: 20, work: 8, studies: 5, none: 7 }),
      groups: [ended('GYMNASIAL', 6, 5), ended('EFTERGYMNASIAL', 14, 8)],
    });
    const row = (name: string) => figures.byEducationLevel.find((figure) => figure.group === name)!;
    expect(row('GYMNASIAL').placementsEnded.value).toBe(6);
    expect(row('GYMNASIAL').inWorkOrStudies.value).toBeNull();
    // Then its column would give it back from the total: hidden too, by the column's own rule.
    expect(row('EFTERGYMNASIAL').inWorkOrStudies.value).toBeNull();
  });

  it('hides linked groups together across breakdowns: education and the short-education flag', async () => {
    // 26 confirmed. Education hides FORGYMNASIAL 6 with NOT_STATED 2; SHORT_EDUCATION 6 shown would give both back.
    const figures = await figuresOf({
      totals: totals({ confirmed: 26, medianDays: 4 }),
      groups: [
        group('EDUCATION', 'FORGYMNASIAL', 6),
        group('EDUCATION', 'GYMNASIAL', 10),
        group('EDUCATION', 'EFTERGYMNASIAL', 8),
        group('EDUCATION', 'NOT_STATED', 2),
        group('PRIORITY', 'WOMAN', 12),
        group('PRIORITY', 'SHORT_EDUCATION', 6),
        group('PRIORITY', 'NONE', 10),
        group('GENDER', 'WOMAN', 12),
        group('GENDER', 'MAN', 14),
      ],
    });
    const shown = (rows: typeof figures.byPriorityGroup) =>
      Object.fromEntries(rows.map((row) => [row.group, row.placementsConfirmed.value]));
    expect(shown(figures.byEducationLevel)).toEqual({
      FORGYMNASIAL: null,
      GYMNASIAL: 10,
      EFTERGYMNASIAL: 8,
      NOT_STATED: null,
    });
    expect(shown(figures.byPriorityGroup).SHORT_EDUCATION).toBeNull();
    // Hiding SHORT_EDUCATION alone would leave it the only hidden priority cell: NONE is not enough (overlap), so
    // the breakdown's own rule hides the next smallest too.
    expect(
      Object.values(shown(figures.byPriorityGroup)).filter((value) => value === null).length,
    ).toBeGreaterThan(1);
  });

  it('hides linked groups together across breakdowns: the gender woman and the flag women', async () => {
    // 20 confirmed. Gender hides WOMAN 7 with NOT_STATED 1; the priority group WOMAN 7 shown would give both back.
    const figures = await figuresOf({
      totals: totals({ confirmed: 20, medianDays: 4 }),
      groups: [
        group('GENDER', 'WOMAN', 7),
        group('GENDER', 'MAN', 12),
        group('GENDER', 'NOT_STATED', 1),
        group('PRIORITY', 'WOMAN', 7),
        group('PRIORITY', 'SHORT_EDUCATION', 5),
        group('PRIORITY', 'NONE', 9),
      ],
    });
    const value = (rows: typeof figures.byGender, name: string) =>
      rows.find((row) => row.group === name)!.placementsConfirmed.value;
    expect(value(figures.byGender, 'NOT_STATED')).toBeNull();
    expect(value(figures.byGender, 'WOMAN')).toBeNull();
    expect(value(figures.byPriorityGroup, 'WOMAN')).toBeNull();
  });
});

import { OrganisationKind } from '#libs/organisations';
import { PlacementKind } from '#libs/vocabulary';
import {
  ELIGIBILITY_RULES,
  eligibilityProblems,
  FULL_TIME_HOURS_PER_WEEK,
  type EligibilityFacts,
} from './eligibility.js';

/** An opening that meets every rule of its kind; each test breaks one thing. */
function eligible(kind: PlacementKind, changes: Partial<EligibilityFacts> = {}): EligibilityFacts {
  const base: Record<PlacementKind, Partial<EligibilityFacts>> = {
    [PlacementKind.PRAKTIK]: { organisationKind: OrganisationKind.COMPANY, endDate: '2027-06-30' },
    [PlacementKind.EXTRATJANST]: {
      organisationKind: OrganisationKind.ASSOCIATION,
      supervisorName: 'Maja Handledare',
    },
    [PlacementKind.ETABLERINGSJOBB]: {
      organisationKind: OrganisationKind.COMPANY,
      hoursPerWeek: 40,
      endDate: '2028-12-31',
      collectiveAgreementConfirmed: true,
    },
    [PlacementKind.JOBBSPAR]: {
      organisationKind: OrganisationKind.COMPANY,
      trackIntakeId: '00000000-0000-4000-8000-000000000001',
      partnerOfTrack: true,
    },
  };
  return {
    kind,
    organisationKind: OrganisationKind.COMPANY,
    hoursPerWeek: 16,
    startDate: '2027-01-01',
    endDate: null,
    supervisorName: null,
    collectiveAgreementConfirmed: false,
    trackIntakeId: null,
    partnerOfTrack: null,
    ...base[kind],
    ...changes,
  };
}

const rules = (facts: EligibilityFacts, prefix = '') =>
  eligibilityProblems(facts, prefix).map((problem) => [problem.field, problem.message.split(':')[0]]);

describe('eligibility rules', () => {
  it('has rules for every placement kind', () => {
    expect(Object.keys(ELIGIBILITY_RULES).sort()).toEqual(Object.values(PlacementKind).sort());
  });

  it.each(Object.values(PlacementKind))('accepts an eligible %s opening', (kind) => {
    expect(eligibilityProblems(eligible(kind))).toEqual([]);
  });

  describe('PRAKTIK', () => {
    it('needs an end date', () => {
      expect(rules(eligible(PlacementKind.PRAKTIK, { endDate: null }))).toEqual([
        ['endDate', 'PRAKTIK_MAX_DURATION'],
      ]);
    });

    it('lasts at most 6 months: the day before the same date 6 months later is the last day', () => {
      expect(rules(eligible(PlacementKind.PRAKTIK, { endDate: '2027-06-30' }))).toEqual([]);
      expect(rules(eligible(PlacementKind.PRAKTIK, { endDate: '2027-07-01' }))).toEqual([
        ['endDate', 'PRAKTIK_MAX_DURATION'],
      ]);
    });

    it('names the latest end date in the message', () => {
      const [problem] = eligibilityProblems(eligible(PlacementKind.PRAKTIK, { endDate: '2027-09-01' }));
      expect(problem.message).toContain('2027-06-30');
    });
  });

  describe('EXTRATJANST', () => {
    it.each([OrganisationKind.MUNICIPALITY, OrganisationKind.REGION, OrganisationKind.ASSOCIATION])(
      'may be offered by a %s',
      (organisationKind) => {
        expect(rules(eligible(PlacementKind.EXTRATJANST, { organisationKind }))).toEqual([]);
      },
    );

    it.each([OrganisationKind.COMPANY, OrganisationKind.STATE_AGENCY])(
      'may not be offered by a %s',
      (organisationKind) => {
        expect(rules(eligible(PlacementKind.EXTRATJANST, { organisationKind }))).toEqual([
          ['kind', 'EXTRATJANST_ORGANISATION_KIND'],
        ]);
      },
    );

    it.each([null, '', '   '])('needs a named supervisor (not %p)', (supervisorName) => {
      expect(rules(eligible(PlacementKind.EXTRATJANST, { supervisorName }))).toEqual([
        ['supervisorName', 'EXTRATJANST_SUPERVISOR'],
      ]);
    });
  });

  describe('ETABLERINGSJOBB', () => {
    it(`is full time: at least ${FULL_TIME_HOURS_PER_WEEK} hours a week`, () => {
      expect(
        rules(eligible(PlacementKind.ETABLERINGSJOBB, { hoursPerWeek: FULL_TIME_HOURS_PER_WEEK })),
      ).toEqual([]);
      expect(rules(eligible(PlacementKind.ETABLERINGSJOBB, { hoursPerWeek: 30 }))).toEqual([
        ['hoursPerWeek', 'ETABLERINGSJOBB_FULL_TIME'],
      ]);
    });

    it('lasts at most 24 months and needs an end date', () => {
      expect(rules(eligible(PlacementKind.ETABLERINGSJOBB, { endDate: '2028-12-31' }))).toEqual([]);
      expect(rules(eligible(PlacementKind.ETABLERINGSJOBB, { endDate: '2029-01-01' }))).toEqual([
        ['endDate', 'ETABLERINGSJOBB_MAX_DURATION'],
      ]);
      expect(rules(eligible(PlacementKind.ETABLERINGSJOBB, { endDate: null }))).toEqual([
        ['endDate', 'ETABLERINGSJOBB_MAX_DURATION'],
      ]);
    });

    it('needs the collective agreement confirmed', () => {
      expect(rules(eligible(PlacementKind.ETABLERINGSJOBB, { collectiveAgreementConfirmed: false }))).toEqual(
        [['collectiveAgreementConfirmed', 'ETABLERINGSJOBB_COLLECTIVE_AGREEMENT']],
      );
    });

    it('reports every broken rule, each on its field, with the input prefix on an update', () => {
      expect(
        rules(
          eligible(PlacementKind.ETABLERINGSJOBB, {
            hoursPerWeek: 20,
            endDate: null,
            collectiveAgreementConfirmed: false,
          }),
          'input.',
        ),
      ).toEqual([
        ['input.hoursPerWeek', 'ETABLERINGSJOBB_FULL_TIME'],
        ['input.endDate', 'ETABLERINGSJOBB_MAX_DURATION'],
        ['input.collectiveAgreementConfirmed', 'ETABLERINGSJOBB_COLLECTIVE_AGREEMENT'],
      ]);
    });
  });

  describe('JOBBSPAR', () => {
    it('belongs to a track intake', () => {
      expect(rules(eligible(PlacementKind.JOBBSPAR, { trackIntakeId: null, partnerOfTrack: null }))).toEqual([
        ['trackIntakeId', 'JOBBSPAR_TRACK_INTAKE'],
      ]);
    });

    it("is offered by a partner employer of the intake's track", () => {
      expect(rules(eligible(PlacementKind.JOBBSPAR, { partnerOfTrack: false }))).toEqual([
        ['trackIntakeId', 'JOBBSPAR_TRACK_PARTNER'],
      ]);
    });
  });

  it.each([PlacementKind.PRAKTIK, PlacementKind.EXTRATJANST, PlacementKind.ETABLERINGSJOBB])(
    'refuses a track intake on a %s opening',
    (kind) => {
      expect(
        rules(
          eligible(kind, { trackIntakeId: '00000000-0000-4000-8000-000000000001', partnerOfTrack: true }),
        ),
      ).toEqual([['trackIntakeId', 'TRACK_INTAKE_ONLY_FOR_JOBBSPAR']]);
    },
  );
});

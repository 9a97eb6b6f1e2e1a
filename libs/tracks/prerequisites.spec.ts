import { SwedishLevel } from '#libs/vocabulary';
import { unmetPrerequisites, type PrerequisiteFacts, type TrackPrerequisites } from './prerequisites.js';

const B_LICENCE = 'VTK8_WRx_GcM';

const track: TrackPrerequisites = {
  minimumSwedishLevel: SwedishLevel.SFI_C,
  minimumEducation: { sunCode: '3', label: 'Gymnasial utbildning' },
  requiredDrivingLicence: { conceptId: B_LICENCE, code: 'B' },
};

const meets: PrerequisiteFacts = {
  swedishLevel: SwedishLevel.SFI_D,
  educationSunCode: '3',
  drivingLicenceConceptIds: [B_LICENCE],
};

const rules = (facts: Partial<PrerequisiteFacts>, of = track) =>
  unmetPrerequisites(of, { ...meets, ...facts }).map((unmet) => unmet.rule);

describe('track prerequisites', () => {
  it('accepts a profile that meets them all', () => {
    expect(rules({})).toEqual([]);
    expect(rules({ swedishLevel: SwedishLevel.SFI_C, educationSunCode: '5' })).toEqual([]);
  });

  it('has nothing to check for a track without prerequisites', () => {
    const open = { minimumSwedishLevel: null, minimumEducation: null, requiredDrivingLicence: null };
    expect(rules({ swedishLevel: null, educationSunCode: null, drivingLicenceConceptIds: [] }, open)).toEqual(
      [],
    );
  });

  it('names each unmet prerequisite', () => {
    expect(rules({ swedishLevel: SwedishLevel.SFI_B })).toEqual(['PREREQUISITE_SWEDISH_LEVEL']);
    expect(rules({ educationSunCode: '2' })).toEqual(['PREREQUISITE_EDUCATION_LEVEL']);
    expect(rules({ drivingLicenceConceptIds: [] })).toEqual(['PREREQUISITE_DRIVING_LICENCE']);
    expect(
      rules({ swedishLevel: SwedishLevel.SFI_A, educationSunCode: '1', drivingLicenceConceptIds: [] }),
    ).toEqual(['PREREQUISITE_SWEDISH_LEVEL', 'PREREQUISITE_EDUCATION_LEVEL', 'PREREQUISITE_DRIVING_LICENCE']);
  });

  it('counts an unrecorded value as unmet', () => {
    expect(rules({ swedishLevel: null, educationSunCode: null })).toEqual([
      'PREREQUISITE_SWEDISH_LEVEL',
      'PREREQUISITE_EDUCATION_LEVEL',
    ]);
  });

  it('compares education by the top-level SUN digit', () => {
    expect(rules({ educationSunCode: '310' })).toEqual([]);
    expect(rules({ educationSunCode: '21' })).toEqual(['PREREQUISITE_EDUCATION_LEVEL']);
  });

  it('explains what is needed and what the profile has', () => {
    const [unmet] = unmetPrerequisites(track, { ...meets, swedishLevel: SwedishLevel.SFI_B });
    expect(unmet.message).toBe('the track needs Swedish at level SFI_C or above; the profile has SFI_B');
    expect(unmet.sv).toBe('spåret kräver svenska på nivå SFI_C eller högre; profilen har SFI_B');
  });
});

import type { AnonymisedProfileType } from '../dtos/anonymised-profile.type.js';
import type { PublishedRow } from '../anonymisation/anonymised-population.js';
import { PlacementKind, SwedishLevel } from '#libs/vocabulary';
import { PROFILE_DOCUMENT_KEYS, profileDocument } from './profile-document.js';

const ROW = { municipality_id: 'muni-exact', county_id: 'county-1' } as PublishedRow;

function view(overrides: Partial<AnonymisedProfileType> = {}): AnonymisedProfileType {
  return {
    publicId: 'MB-ABCDEFGH',
    experience: [
      {
        occupation: { conceptId: 'occ-1', label: 'Kock', code: '5120', countyLabel: null },
        yearsOfExperience: 2,
      },
    ],
    skills: [{ conceptId: 'skill-1', label: 'Matlagning', code: null }],
    verifiedSkillIds: ['skill-1'],
    educationLevel: 'Gymnasial utbildning',
    swedishLevel: SwedishLevel.SFI_C,
    languages: [
      { conceptId: 'lang-1', label: 'Arabiska', level: null },
      { conceptId: null, label: 'annat språk', level: null },
    ],
    drivingLicences: ['B'],
    availability: { from: '2027-01-10', hoursPerWeek: 20, freeWeekdays: [] },
    area: { municipality: 'Värmdö', county: 'Stockholms län' },
    ageBand: '30–34',
    wantedKinds: [PlacementKind.PRAKTIK],
    summary: 'Noggrann.',
    ...overrides,
  };
}

describe('profileDocument', () => {
  it('holds the employer view under the pseudonym and filter attributes derived from it', () => {
    const document = profileDocument(view(), ROW);
    expect(Object.keys(document).every((key) => PROFILE_DOCUMENT_KEYS.includes(key))).toBe(true);
    expect(document).toMatchObject({
      id: 'MB-ABCDEFGH',
      occupationIds: ['occ-1'],
      skillIds: ['skill-1'],
      languageIds: ['lang-1'],
      areaIds: ['muni-exact', 'county-1'],
      swedishRank: 2,
      availableFromDay: Date.UTC(2027, 0, 10) / 86_400_000,
      licenceClasses: ['B'],
    });
    expect(document.experience[0]!.occupation).toEqual({ conceptId: 'occ-1', label: 'Kock', code: '5120' });
    expect('publicId' in document).toBe(false);
  });

  it('derives nothing from a hidden or generalised value', () => {
    const county = profileDocument(view({ area: { municipality: null, county: 'Stockholms län' } }), ROW);
    expect(county.areaIds).toEqual(['county-1']);
    const hidden = profileDocument(
      view({
        area: { municipality: null, county: null },
        swedishLevel: null,
        availability: { from: null, hoursPerWeek: null, freeWeekdays: [] },
      }),
      ROW,
    );
    expect(hidden.areaIds).toEqual([]);
    expect('swedishRank' in hidden).toBe(false);
    expect('availableFromDay' in hidden).toBe(false);
  });
});

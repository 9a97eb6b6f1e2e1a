import { MUNICIPALITIES, type MunicipalityCode } from './demo-concepts.js';
import { DEMO_ORGANISATIONS } from './demo-organisations.js';
import { DEMO_OPENINGS } from './demo-openings-and-tracks.js';

/** Places the openings name, by the kommunkod they are in. */
const PLACES: Record<string, MunicipalityCode> = {
  Gustavsberg: '0120',
  Gustavsbergs: '0120',
  Gustavsbergsskolan: '0120',
  Hemmesta: '0120',
  Ingarö: '0120',
  Mölnvik: '0120',
  Djurö: '0120',
  Ekedalsskolans: '0120',
  Nacka: '0182',
  Sickla: '0182',
  Fisksätra: '0182',
};

describe('demo openings', () => {
  it.each(DEMO_OPENINGS.map((opening) => [opening.title, opening] as const))(
    'are in the municipality their text names: %s',
    (_title, opening) => {
      const organisation = DEMO_ORGANISATIONS.find((o) => o.key === opening.organisation)!;
      const municipality = opening.municipality ?? organisation.municipalityCode;
      expect(Object.keys(MUNICIPALITIES)).toContain(municipality);
      const words = `${opening.title} ${opening.requirementSpecification}`.split(/[^\p{L}]+/u);
      const named = new Set(words.flatMap((word) => PLACES[word] ?? []));
      expect([...named].filter((code) => code !== municipality)).toEqual([]);
    },
  );
});

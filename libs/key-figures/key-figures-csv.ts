import { stringify } from 'csv-stringify/sync';
import type { Download } from '#libs/downloads';
import { PlacementEndReason } from '#libs/placements';
import { PLACEMENT_KIND_LABELS } from '#libs/vocabulary';
import type { GroupFiguresType, KeyFiguresType } from './dtos/key-figures.type.js';
import type { Count } from './suppression.js';

/** What a suppressed cell says, as Statistics Sweden writes it: a secondarily hidden cell may hold 5 or more. */
export const SUPPRESSED_CELL = '..';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const REASON_LABELS: Record<PlacementEndReason, string> = {
  [PlacementEndReason.HEALTH]: 'Hälsa',
  [PlacementEndReason.LANGUAGE]: 'Språket',
  [PlacementEndReason.EMPLOYER_NEEDS_CHANGED]: 'Arbetsgivarens behov ändrades',
  [PlacementEndReason.WORKPLACE_CONFLICT]: 'Konflikt på arbetsplatsen',
  [PlacementEndReason.MOVED]: 'Flyttade',
  [PlacementEndReason.GOT_JOB]: 'Fick arbete',
  [PlacementEndReason.STARTED_STUDIES]: 'Började studera',
  [PlacementEndReason.OTHER]: 'Annat',
};

type Cell = string | number | Count | null;

/**
 * The key figures as a CSV file for Excel with Swedish settings: `;` between fields, decimal comma, UTF-8 with a byte
 * order mark (else Excel reads å ä ö as Latin-1), CRLF. One figure per row — section, group, measure, value — so
 * that every figure has the same four columns. Suppressed cells are "..".
 */
export function keyFiguresCsv(figures: KeyFiguresType): Download {
  const rows: string[][] = [['Avsnitt', 'Grupp', 'Mått', 'Värde']];
  const add = (section: string, group: string, measure: string, value: Cell) =>
    rows.push([section, text(group), measure, cell(value)]);

  add('Urval', '', figures.organisationId ? 'Organisation' : 'Kommun', text(figures.scopeName));
  // As text with its word: Excel reads a bare 0120 as the number 120.
  if (figures.municipalityCode) add('Urval', '', 'Kommunkod', `kommunkod ${figures.municipalityCode}`);
  add('Urval', '', 'Från och med', figures.from);
  add('Urval', '', 'Till och med', figures.to);

  const { openings } = figures;
  for (const kind of [...openings.byKind, { ...openings, kind: null }]) {
    const group = kind.kind ? PLACEMENT_KIND_LABELS[kind.kind] : 'Totalt';
    add('Insatser', group, 'Publicerade', 'published' in kind ? kind.published : kind.openings);
    add('Insatser', group, 'Platser', kind.placesOffered);
    add('Insatser', group, 'Tillsatta platser', kind.placesFilled);
    add('Insatser', group, 'Andel tillsatta', kind.fillRate);
  }

  const { proposals, placements, outcomes } = figures;
  add('Matchningsförslag', '', 'Beslutade', proposals.decided);
  add('Matchningsförslag', '', 'Bekräftade', proposals.confirmed);
  add('Matchningsförslag', '', 'Avvisade', proposals.rejected);
  add('Matchningsförslag', '', 'Andel bekräftade', proposals.confirmedShare);

  add('Placeringar', '', 'Bekräftade', placements.confirmed);
  add(
    'Placeringar',
    '',
    'Mediandagar från publicering till bekräftelse',
    placements.medianDaysToConfirmation,
  );
  add('Placeringar', '', 'Avslutade', placements.ended);
  add('Placeringar', '', 'Fullföljda', placements.completed);
  add('Placeringar', '', 'Avbrutna i förtid', placements.endedEarly);
  for (const { reason, count } of placements.endedEarlyByReason) {
    add('Avbrutna i förtid', REASON_LABELS[reason], 'Antal', count);
  }

  add('Status 90 dagar efter', 'Arbete', 'Antal', outcomes.work);
  add('Status 90 dagar efter', 'Studier', 'Antal', outcomes.studies);
  add('Status 90 dagar efter', 'Arbetsmarknadsprogram', 'Antal', outcomes.programme);
  add('Status 90 dagar efter', 'Inget av dem', 'Antal', outcomes.none);
  add('Status 90 dagar efter', 'Okänd', 'Antal', outcomes.unknown);
  add('Status 90 dagar efter', 'Ej registrerad', 'Antal', outcomes.notRecorded);
  add('Status 90 dagar efter', '', 'Andel i arbete eller studier', outcomes.inWorkOrStudiesShare);

  const groups = (section: string, list: GroupFiguresType[]) => {
    for (const group of list) {
      add(section, group.label, 'Bekräftade placeringar', group.placementsConfirmed);
      add(section, group.label, 'Avslutade placeringar', group.placementsEnded);
      add(section, group.label, 'I arbete eller studier 90 dagar efter', group.inWorkOrStudies);
    }
  };
  groups('Utbildningsnivå', figures.byEducationLevel);
  groups('Svenskanivå', figures.bySwedishLevel);
  groups('Kön', figures.byGender);
  groups('Prioriterad grupp', figures.byPriorityGroup);

  for (const track of figures.tracks) {
    for (const part of [
      ...track.intakes.map((intake) => ({ ...intake, label: `intag ${intake.startDate}` })),
      { ...track, label: 'totalt' },
    ]) {
      const group = `${track.name}, ${part.label}`;
      add('Jobbspår', group, 'Platser', part.places);
      add('Jobbspår', group, 'Antagna', part.filled);
      add('Jobbspår', group, 'Andel tillsatta', part.fillRate);
    }
  }

  return {
    fileName: `nyckeltal-${slug(figures.scopeName)}-${figures.from}-${figures.to}.csv`,
    contentType: CSV_CONTENT_TYPE,
    content: stringify(rows, { delimiter: ';', bom: true, record_delimiter: 'windows' }),
  };
}

function cell(value: Cell): string {
  if (value === null) return SUPPRESSED_CELL;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value).replace('.', ',');
  return value.suppressed || value.value === null ? SUPPRESSED_CELL : String(value.value);
}

/** Free text (names): a leading = + - @ would make Excel run it as a formula. */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** ASCII for the file name: "Värmdö kommun" → "varmdo-kommun". */
function slug(value: string): string {
  const ascii = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, 60) || 'urval';
}

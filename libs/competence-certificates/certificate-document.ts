import escapeHtml from 'escape-html';
import { SWEDISH_TIME_ZONE } from '#libs/calendar';
import { PlacementKind } from '#libs/vocabulary';

/** What a printed kompetensbevis says. */
export interface CertificateContent {
  personName: string;
  kind: PlacementKind;
  openingTitle: string;
  employerName: string;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  endDate: string;
  hoursPerWeek: number | null;
  supervisorName: string | null;
  /** Skill labels, in the order to print. */
  skills: string[];
  issuedAt: Date;
  coachName: string;
  coachOrganisationName: string;
}

/** How the certificate says what the person did: "har genomfört …". */
const KIND_PHRASE: Record<PlacementKind, string> = {
  [PlacementKind.PRAKTIK]: 'praktik',
  [PlacementKind.EXTRATJANST]: 'en extratjänst',
  [PlacementKind.JOBBSPAR]: 'Jobbspår',
  [PlacementKind.ETABLERINGSJOBB]: 'ett etableringsjobb',
};

const LONG_DATE = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: SWEDISH_TIME_ZONE });

/** "1 december 2026" */
export function swedishDate(date: string | Date): string {
  return LONG_DATE.format(typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date);
}

/**
 * The kompetensbevis as a print-ready HTML page in Swedish (A4, one page for a usual skill list): who, which
 * placement at which employer, the period, the skills the employer confirmed, and lines to sign. Every value is
 * escaped; the page loads nothing from elsewhere.
 */
export function certificateHtml(content: CertificateContent): string {
  const text = (value: string) => escapeHtml(value);
  const hours = content.hoursPerWeek ? `, ${content.hoursPerWeek} timmar i veckan` : '';
  const supervisor = content.supervisorName ? `Handledare: ${text(content.supervisorName)}` : 'Handledare';
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Kompetensbevis</title>
<style>
  @page { size: A4; margin: 20mm; }
  body { font-family: "Helvetica Neue", Arial, sans-serif; color: #111; line-height: 1.45; max-width: 170mm; margin: 0 auto; }
  header { border-bottom: 2px solid #111; margin-bottom: 8mm; }
  .issuer { font-size: 10pt; text-transform: uppercase; letter-spacing: 0.08em; margin: 0; }
  h1 { font-size: 26pt; margin: 2mm 0 4mm; }
  h2 { font-size: 13pt; margin-top: 8mm; }
  .name { font-size: 18pt; font-weight: bold; margin: 2mm 0 4mm; }
  ul { columns: 2; padding-left: 5mm; }
  li { break-inside: avoid; margin-bottom: 1mm; }
  .signatures { display: flex; gap: 12mm; margin-top: 20mm; }
  .signatures div { flex: 1; border-top: 1px solid #111; padding-top: 1mm; font-size: 10pt; }
  footer { margin-top: 12mm; font-size: 9pt; color: #444; }
</style>
</head>
<body>
<header>
<p class="issuer">${text(content.coachOrganisationName)}</p>
<h1>Kompetensbevis</h1>
</header>
<p>Härmed intygas att</p>
<p class="name">${text(content.personName)}</p>
<p>har genomfört ${KIND_PHRASE[content.kind]} som <strong>${text(content.openingTitle)}</strong> hos
<strong>${text(content.employerName)}</strong> under perioden ${swedishDate(content.startDate)} –
${swedishDate(content.endDate)}${hours}.</p>
<h2>Kompetenser som personen har visat</h2>
<ul>
${content.skills.map((skill) => `<li>${text(skill)}</li>`).join('\n')}
</ul>
<p>Kompetenserna har bekräftats av ${text(content.employerName)} den ${swedishDate(content.issuedAt)}.</p>
<div class="signatures">
<div>${supervisor}, ${text(content.employerName)}</div>
<div>Arbetsmarknadskonsulent: ${text(content.coachName)}, ${text(content.coachOrganisationName)}</div>
</div>
<footer>Ort och datum: ______________________ · Utfärdat genom Matchbron.</footer>
</body>
</html>
`;
}

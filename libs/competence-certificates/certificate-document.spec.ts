import { PlacementKind } from '#libs/vocabulary';
import { certificateHtml, swedishDate, type CertificateContent } from './certificate-document.js';

const CONTENT: CertificateContent = {
  personName: 'Amina Hassan',
  kind: PlacementKind.PRAKTIK,
  openingTitle: 'Barnskötare',
  employerName: 'Förskolan Solrosen',
  startDate: '2026-09-01',
  endDate: '2026-11-30',
  hoursPerWeek: 16,
  supervisorName: 'Eva Lind',
  skills: ['Barnomsorg', 'Hygienrutiner'],
  issuedAt: new Date('2026-12-01T09:00:00Z'),
  coachName: 'Karin Berg',
  coachOrganisationName: 'Värmdö kommun, AMG',
};

describe('certificateHtml', () => {
  it('names the person, the placement, the period and every confirmed skill, in Swedish', () => {
    const html = certificateHtml(CONTENT);
    expect(html).toContain('<html lang="sv">');
    // Not in the title: browsers make it the file name of a saved PDF and print it in page headers.
    expect(html).toContain('<title>Kompetensbevis</title>');
    expect(html).toContain('<h1>Kompetensbevis</h1>');
    expect(html).toContain('Amina Hassan');
    expect(html).toContain('har genomfört praktik som <strong>Barnskötare</strong>');
    expect(html).toContain('1 september 2026 –\n30 november 2026, 16 timmar i veckan');
    expect(html).toContain('<li>Barnomsorg</li>\n<li>Hygienrutiner</li>');
    expect(html).toContain('den 1 december 2026');
    expect(html).toContain('Handledare: Eva Lind');
    expect(html).toContain('@page { size: A4');
  });

  it('escapes every value, so that no text can add markup or scripts', () => {
    const html = certificateHtml({
      ...CONTENT,
      personName: '<script>alert(1)</script>',
      openingTitle: 'Kock & "kallskänka"',
      skills: ['<img src=x onerror=alert(1)>'],
    });
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Kock &amp; &quot;kallskänka&quot;');
  });

  it('leaves out what is not known and loads nothing from elsewhere', () => {
    const html = certificateHtml({ ...CONTENT, hoursPerWeek: null, supervisorName: null });
    expect(html).toContain('30 november 2026.</p>');
    expect(html).toContain('<div>Handledare, Förskolan Solrosen</div>');
    expect(html).not.toMatch(/src=|href=|url\(/);
  });
});

describe('swedishDate', () => {
  it('writes dates the Swedish way, on the calendar day in Sweden', () => {
    expect(swedishDate('2027-01-05')).toBe('5 januari 2027');
    expect(swedishDate(new Date('2026-12-31T23:30:00Z'))).toBe('1 januari 2027');
  });
});

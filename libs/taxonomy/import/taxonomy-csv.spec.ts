import { parseCsv } from './taxonomy-csv.js';

describe('parseCsv', () => {
  const file = 'test.csv';

  it('reads a header, a BOM, quoted fields with commas and line breaks, and numbers rows by line', () => {
    const rows = parseCsv(
      file,
      '\uFEFFconcept_id,label_sv,extra\nabcd_efg_hij,"Kock, fartyg",x\n\nklmn_opq_rst,"Två\nrader",y\n',
      ['concept_id', 'label_sv'],
    );
    expect(rows.map((row) => [row.line, row.conceptId(), row.text('label_sv')])).toEqual([
      [2, 'abcd_efg_hij', 'Kock, fartyg'],
      [4, 'klmn_opq_rst', 'Två\nrader'],
    ]);
  });

  it('names the file, the line and the column of a bad value', () => {
    const [row] = parseCsv(file, 'concept_id,code,level,flag,note\nabcd_efg_hij,12a,9,yes,\n', [
      'concept_id',
    ]);
    expect(() => row.text('code', /^\d+$/, 'be digits')).toThrow(
      'test.csv, line 2: code must be digits, got "12a"',
    );
    expect(() => row.integer('level', 1, 4)).toThrow(
      'test.csv, line 2: level must be between 1 and 4, got 9',
    );
    expect(() => row.boolean('flag')).toThrow('test.csv, line 2: flag must be true or false, got "yes"');
    expect(() => row.text('note')).toThrow('test.csv, line 2: note is empty');
    expect(row.optional('note')).toBeNull();
    expect(() => parseCsv(file, 'concept_id\nhar mellanslag\n', ['concept_id'])[0].conceptId()).toThrow(
      'must be a JobTech concept id',
    );
  });

  it('refuses an empty file, a missing column and a row of the wrong length, naming the file', () => {
    expect(() => parseCsv(file, '', ['concept_id'])).toThrow('test.csv: the file is empty');
    expect(() => parseCsv(file, 'id,label\n', ['concept_id', 'label', 'level'])).toThrow(
      'test.csv: missing columns concept_id, level (the header has id, label)',
    );
    expect(() => parseCsv(file, 'concept_id,label\nabcd_efg_hij\n', ['concept_id'])).toThrow(
      /^test\.csv: not valid CSV: .*line 2/,
    );
  });
});

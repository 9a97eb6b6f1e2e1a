import { keyFiguresInputProblems, type KeyFiguresInput } from './key-figures.input.js';

const problems = (input: Partial<KeyFiguresInput>) =>
  keyFiguresInputProblems({ from: '2025-01-01', to: '2025-12-31', ...input } as KeyFiguresInput).map(
    (problem) => problem.field,
  );

describe('key figures input', () => {
  it('takes exactly one of organisation and municipality', () => {
    expect(problems({ organisationId: '6f1c1c7e-7f7e-4f57-9d0f-3a3a3a3a3a3a' })).toEqual([]);
    expect(problems({ municipalityCode: '0120' })).toEqual([]);
    expect(problems({})).toEqual(['input.organisationId']);
    expect(problems({ organisationId: 'x', municipalityCode: '0120' })).toEqual(['input.municipalityCode']);
  });

  it('takes a period from one day up to five years, both ends included', () => {
    const scope = { municipalityCode: '0120' };
    expect(problems({ ...scope, from: '2025-03-01', to: '2025-03-01' })).toEqual([]);
    expect(problems({ ...scope, from: '2021-01-01', to: '2025-12-31' })).toEqual([]);
    expect(problems({ ...scope, from: '2021-01-01', to: '2026-01-01' })).toEqual(['input.to']);
    expect(problems({ ...scope, from: '2025-03-02', to: '2025-03-01' })).toEqual(['input.to']);
  });

  it('names every problem at once', () => {
    expect(problems({ from: '2025-03-02', to: '2025-03-01' })).toEqual(['input.organisationId', 'input.to']);
  });
});

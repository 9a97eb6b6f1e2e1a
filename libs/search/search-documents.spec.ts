import { canonicalJson, documentHash } from './search-documents.js';

describe('document content hashes', () => {
  it('do not depend on the order of keys, at any depth', () => {
    const a = {
      id: 'MB-1',
      area: { municipality: null, county: 'Stockholms län' },
      skills: [{ label: 'x', code: null }],
    };
    const b = {
      skills: [{ code: null, label: 'x' }],
      area: { county: 'Stockholms län', municipality: null },
      id: 'MB-1',
    };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(documentHash(a)).toBe(documentHash(b));
  });

  it('see every difference of content, the order of lists included', () => {
    const base = { id: 'MB-1', languageIds: ['a', 'b'], swedishRank: 2 };
    expect(documentHash({ ...base, languageIds: ['b', 'a'] })).not.toBe(documentHash(base));
    expect(documentHash({ ...base, swedishRank: 3 })).not.toBe(documentHash(base));
    expect(documentHash({ id: 'MB-1', languageIds: ['a', 'b'] })).not.toBe(documentHash(base));
    expect(documentHash({ ...base, extra: null })).not.toBe(documentHash(base));
  });

  it('leave out undefined fields, as JSON does', () => {
    expect(canonicalJson({ id: 'MB-1', swedishRank: undefined })).toBe('{"id":"MB-1"}');
  });
});

import { AppConfig } from '#libs/config';
import { PersonalDataCipher } from './personal-data-cipher.js';

function cipherWithKey(byte: number): PersonalDataCipher {
  return new PersonalDataCipher({ personalData: { key: Buffer.alloc(32, byte) } } as AppConfig);
}

describe('PersonalDataCipher', () => {
  const cipher = cipherWithKey(1);

  it('round-trips and never writes the plaintext or the same envelope twice', () => {
    const first = cipher.encrypt('199001011239');
    const second = cipher.encrypt('199001011239');
    expect(first).not.toContain('199001011239');
    expect(first).not.toBe(second);
    expect(cipher.decrypt(first)).toBe('199001011239');
    expect(cipher.decrypt(second)).toBe('199001011239');
  });

  it('refuses an altered envelope and another key', () => {
    const envelope = cipher.encrypt('070-123 45 67');
    const parts = envelope.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    expect(() => cipherWithKey(2).decrypt(envelope)).toThrow();
  });

  it('gives a stable keyed lookup hash that depends on the key', () => {
    expect(cipher.lookupHash('199001011239')).toBe(cipher.lookupHash('199001011239'));
    expect(cipher.lookupHash('199001011239')).not.toBe(cipher.lookupHash('199001011247'));
    expect(cipherWithKey(2).lookupHash('199001011239')).not.toBe(cipher.lookupHash('199001011239'));
  });
});

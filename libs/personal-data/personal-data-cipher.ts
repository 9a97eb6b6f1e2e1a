import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/config';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `matchbron ${purpose}`, 32));
}

/**
 * Encrypts personal data at rest with AES-256-GCM and gives a keyed hash (HMAC-SHA256) for uniqueness and lookup.
 * Both keys are derived from PERSONAL_DATA_KEY, so a leaked hash cannot be brute-forced over all personnummer
 * without the key. Envelope: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
@Injectable()
export class PersonalDataCipher {
  private readonly encryptionKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(config: AppConfig) {
    this.encryptionKey = deriveKey(config.personalData.key, 'personal data encryption v1');
    this.lookupKey = deriveKey(config.personalData.key, 'personal data lookup v1');
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv, { authTagLength: TAG_BYTES });
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the envelope was altered or made with another key. */
  decrypt(envelope: string): string {
    const [version, iv, tag, ciphertext] = envelope.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
      throw new Error('Not a personal-data envelope of a known version');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  encryptOptional(plaintext: string | null | undefined): string | null {
    return plaintext ? this.encrypt(plaintext) : null;
  }

  decryptOptional(envelope: string | null): string | null {
    return envelope === null ? null : this.decrypt(envelope);
  }

  /** Deterministic keyed hash of a normalised value, hex. */
  lookupHash(normalised: string): string {
    return createHmac('sha256', this.lookupKey).update(normalised, 'utf8').digest('hex');
  }
}

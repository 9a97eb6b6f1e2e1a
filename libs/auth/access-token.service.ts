import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '#libs/config';

interface AccessTokenClaims {
  sub: string;
  /** The account's token version when it was issued (users.token_version); absent in tokens from before it: 0. */
  ver?: number;
}

/** Whose a valid token is, and which of the account's token versions it carries. */
export interface TokenHolder {
  userId: string;
  tokenVersion: number;
}

/**
 * Short-lived HS256 bearer tokens. They name the user and the account's token version only: role and organisation
 * are read fresh per request, and a token of an older version (issued before a password change) is refused.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async issue(holder: TokenHolder): Promise<{ token: string; expiresAt: Date }> {
    const ttl = this.config.auth.jwtTtlSeconds;
    const token = await this.jwt.signAsync(
      { sub: holder.userId, ver: holder.tokenVersion } satisfies AccessTokenClaims,
      { expiresIn: ttl },
    );
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** Whose a valid, unexpired token is, or null. */
  async holderOf(token: string): Promise<TokenHolder | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      if (typeof claims.sub !== 'string') return null;
      const version = claims.ver ?? 0;
      return Number.isInteger(version) ? { userId: claims.sub, tokenVersion: version } : null;
    } catch {
      return null;
    }
  }
}

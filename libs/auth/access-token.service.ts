import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '#libs/config';
import type { Principal } from '#libs/access-control';

interface AccessTokenClaims {
  sub: string;
}

/** Short-lived HS256 bearer tokens. They name the user only: role and organisation are read fresh per request. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async issue(principal: Principal): Promise<{ token: string; expiresAt: Date }> {
    const ttl = this.config.auth.jwtTtlSeconds;
    const token = await this.jwt.signAsync({ sub: principal.userId } satisfies AccessTokenClaims, {
      expiresIn: ttl,
    });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** The user id of a valid, unexpired token, or null. */
  async userIdOf(token: string): Promise<string | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      return typeof claims.sub === 'string' ? claims.sub : null;
    } catch {
      return null;
    }
  }
}

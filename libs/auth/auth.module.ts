import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '#libs/config';
import { UsersModule } from '#libs/users';
import { AccessPolicyCheck } from './access-policy.check.js';
import { AccessTokens } from './access-token.service.js';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.service.js';

/** Login, access tokens, and the global deny-by-default guard over every resolver and controller. */
@Module({
  imports: [
    DiscoveryModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: jsonwebtoken otherwise tries the string as a public key first, failing and
        // catching on every request (most of verifying a token's time).
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret)),
        signOptions: { algorithm: 'HS256', issuer: 'matchbron', audience: 'matchbron-api' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'matchbron', audience: 'matchbron-api' },
      }),
    }),
  ],
  providers: [
    AuthService,
    AuthResolver,
    AccessTokens,
    LoginThrottle,
    AccessPolicyCheck,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}

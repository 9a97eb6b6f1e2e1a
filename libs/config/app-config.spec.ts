import { AppConfig, ConfigError } from './app-config.js';

const VALID = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/matchbron',
  MEILI_API_KEY: 'a-scoped-key',
  JWT_SECRET: 'x'.repeat(32),
  PERSONAL_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
};

describe('AppConfig.fromEnvironment', () => {
  it('applies defaults to a minimal valid environment', () => {
    const config = AppConfig.fromEnvironment(VALID);
    expect(config.http.port).toBe(3000);
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'matchbron' });
    expect(config.isProduction).toBe(false);
    expect(config.auth.jwtTtlSeconds).toBe(900);
  });

  it('names every wrong variable, one line each', () => {
    const attempt = () =>
      AppConfig.fromEnvironment({
        ...VALID,
        PORT: 'eighty',
        JWT_SECRET: 'short',
        DATABASE_URL: 'mysql://x',
        MEILI_API_KEY: undefined,
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'PORT must be a whole number',
        'DATABASE_URL must be a postgres:// URL',
        'MEILI_API_KEY is required',
        'JWT_SECRET must be at least 32 characters',
      ]);
    }
  });

  it('treats an empty variable as unset', () => {
    expect(AppConfig.fromEnvironment({ ...VALID, PORT: '' }).http.port).toBe(3000);
  });
});

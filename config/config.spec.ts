import { ConfigError, loadConfig } from '.';

describe('loadConfig', () => {
  it('gives working defaults for a developer machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/matchpunt',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'info',
      BODY_LIMIT: '1mb',
    });
    expect(config.BOOTSTRAP_ADMIN_TOKEN).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem at once, not only the first', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://localhost/x',
        LOG_LEVEL: 'loud',
        BOOTSTRAP_ADMIN_TOKEN: 'short',
        RATE_LIMIT_POINTS: '-1',
        DATABASE_POOL_SIZE: '1',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((problem) => problem.split(':')[0]);
    expect(problems.sort()).toEqual(
      [
        'BOOTSTRAP_ADMIN_TOKEN',
        'DATABASE_POOL_SIZE',
        'DATABASE_URL',
        'LOG_LEVEL',
        'PORT',
        'RATE_LIMIT_POINTS',
      ].sort(),
    );
  });

  it('requires the webhook secret key in production only, and says so with the other problems', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).WEBHOOK_SECRET_KEY).toBeUndefined();
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'eighty' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.sort()).toEqual([
      'PORT: Invalid input: expected number, received NaN',
      'WEBHOOK_SECRET_KEY: required in production',
    ]);
    const key = 'k'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', WEBHOOK_SECRET_KEY: key }).WEBHOOK_SECRET_KEY).toBe(
      key,
    );
  });

  it('treats an empty variable as unset and coerces numbers', () => {
    const config = loadConfig({ PORT: '', RATE_LIMIT_POINTS: '25' });
    expect(config.PORT).toBe(3000);
    expect(config.RATE_LIMIT_POINTS).toBe(25);
  });
});

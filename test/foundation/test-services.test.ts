import { provideTestServices } from '../setup/test-services';

describe('finding PostgreSQL and Redis for the tests', () => {
  it('when the configured services answer, then they are used as they are', async () => {
    const services = await provideTestServices(process.env, () =>
      Promise.reject(new Error('not asked')),
    );
    expect(services.postgresServerUrl).toMatch(/^postgres/);
    await services.stop();
  });

  it('when neither the services nor a Docker engine are there, then it stops at once with one sentence naming what to start', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/matchpunt',
      REDIS_URL: 'redis://127.0.0.1:2',
    };
    const started = Date.now();
    const failure = provideTestServices(env, () => Promise.resolve(false));
    await expect(failure).rejects.toThrow(
      /^PostgreSQL \(postgres:\/\/postgres@127\.0\.0\.1:1\/?\) and Redis \(redis:\/\/127\.0\.0\.1:2\) not reachable and no Docker engine for testcontainers: start them \(README, "Set-up: two commands"\) and run again\.$/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

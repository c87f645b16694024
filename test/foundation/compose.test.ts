import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: unknown; disable?: boolean };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
}

/** `docker compose` where the plugin is there, else Debian's `docker-compose`, else none. */
function composeCommand(): string[] | undefined {
  if (spawnSync('docker', ['compose', 'version']).status === 0) return ['docker', 'compose'];
  if (spawnSync('docker-compose', ['version']).status === 0) return ['docker-compose'];
  return undefined;
}

describe('docker-compose.yml', () => {
  const file = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');

  it('when the docker compose client validates it, then it parses', () => {
    const command = composeCommand();
    if (!command) {
      process.stderr.write(
        'compose.test: no docker compose client here; only the structural checks ran\n',
      );
      return;
    }
    const [bin, ...args] = command;
    const result = spawnSync(bin!, [...args, 'config', '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('when read, then it starts postgres, redis, a one-shot migrate, the api and the worker in order', () => {
    const services = (parse(file, { merge: true }) as { services: Record<string, Service> })
      .services;
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'migrate',
      'postgres',
      'proxy',
      'redis',
      'worker',
    ]);
    expect(services.postgres?.healthcheck?.test).toBeDefined();
    // The load test's own service sets the same (loadtest/local-service.ts).
    expect(services.postgres?.command).toEqual(['postgres', '-c', 'random_page_cost=1.1']);
    expect(services.redis?.healthcheck?.test).toBeDefined();
    expect(services.redis?.command?.join(' ')).toContain('--maxmemory-policy noeviction');
    expect(services.migrate?.depends_on?.postgres?.condition).toBe('service_healthy');
    // The release step: migrations, then the demo region unless SEED_DEMO=false is set.
    expect(services.migrate?.command).toEqual(['node', 'dist/scripts/release.js']);
    expect(services.migrate?.environment?.SEED_DEMO).toBe('${SEED_DEMO:-true}');
    expect(services.migrate?.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
    for (const name of ['api', 'worker']) {
      expect(services[name]?.depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
      });
      expect(services[name]?.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
    }
    expect(services.worker?.command).toEqual(['node', 'dist/workers/index.js']);
    expect(services.api?.command).toEqual(['node', 'dist/src/server.js']);
  });

  it('when api and worker are scaled, then no replica claims a host port and the proxy serves PORT', () => {
    const services = (parse(file, { merge: true }) as { services: Record<string, Service> })
      .services;
    // `--scale api=2` would clash on a fixed host port; only the proxy publishes one.
    for (const name of ['api', 'worker', 'migrate']) expect(services[name]?.ports).toBeUndefined();
    expect(services.proxy?.ports).toEqual(['${PORT:-3000}:3000']);
    const mount = services.proxy?.volumes?.find((volume) => volume.includes('nginx.conf'));
    expect(mount).toBe('./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    const nginx = readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
    // Re-resolved through Docker's DNS, so every replica there is now gets requests.
    expect(nginx).toMatch(/resolver 127\.0\.0\.11/);
    expect(nginx).toMatch(/proxy_pass \$api;/);
    expect(nginx).toMatch(/listen 3000;/);
    // Behind the proxy the API must read the client address from X-Forwarded-For.
    expect(services.api?.environment?.TRUST_PROXY).toContain('uniquelocal');
  });

  it('when the image is built, then it is multi-stage and runs as a non-root user', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(lastStage).toMatch(/^USER node$/m);
    expect(lastStage).toMatch(/npm ci --omit=dev/);
    // The console is built in the build stage (npm run build) and shipped inside dist/.
    expect(dockerfile).toMatch(/^COPY console \.\/console$/m);
    expect(lastStage).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
  });
});

/**
 * The console in a real browser (Debian's Chromium through playwright-core) against the service
 * and a started worker on this test run's database: the must-show flow from proposal to let home,
 * a refused CSV upload, accessibility on every page visited, and the README's screenshots.
 */
import type { Server } from 'node:http';

import type { Browser, Page } from 'playwright-core';
import request from 'supertest';

import {
  builtConsole,
  launchChromium,
  listen,
  openPage,
  screenshot,
  seriousA11yViolations,
  signIn,
  type WatchedPage,
} from '../support/browser';
import { bearer } from '../support/factories';
import {
  createMatchingWorld,
  type MatchingWorld,
  today,
  useAppWithWorker,
  waitUntilSettled,
} from '../support/matching';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { eventually } from '../support/tcp-proxy';
import type { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

describe('the console in a browser', () => {
  let t: TestApp;
  let server: Server;
  let baseUrl: string;
  let browser: Browser;
  let world: MatchingWorld;
  let proposalId: string;
  let unitRef: string;
  let ineligibleRef: string;
  const opened: WatchedPage[] = [];

  beforeAll(() => {
    process.env.CONSOLE_DIR = builtConsole();
  });
  useAppWithWorker((app) => (t = app));

  beforeAll(async () => {
    ({ server, baseUrl } = await listen(t.app));
    browser = await launchChromium();
    world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await request(t.app)
      .post('/api/v1/contingents')
      .set(bearer(world.corporation.token))
      .send({ municipalityCode: world.region.municipalities[0]!.code, year: 2026, pledged: 3 })
      .expect(201);
    // Two clients who fit the home, and one whose maximum rent it exceeds (for "why not").
    for (const overrides of [{}, { readySince: '2026-08-01' }, { maxRent: 300 }]) {
      const created = await request(t.app)
        .post('/api/v1/clients')
        .set(bearer(world.provider.token))
        .send(clientBody(world.region, overrides))
        .expect(201);
      if ('maxRent' in overrides) ineligibleRef = created.body.externalRef as string;
    }
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    const unit = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(world.corporation.token))
      .send(unitBody(world.region, { rent: 600, availableFrom: today() }))
      .expect(201);
    unitRef = unit.body.externalRef as string;
    const proposals = await eventually(
      async () =>
        (
          await request(t.app)
            .get('/api/v1/proposals')
            .query({ unitId: unit.body.id as string, status: 'proposed' })
            .set(bearer(world.matcher.token))
        ).body.items as { id: string }[],
      (items) => items.length > 0,
      15_000,
    );
    proposalId = proposals[0]!.id;
  });

  afterAll(async () => {
    delete process.env.CONSOLE_DIR;
    await browser.close();
    server.close();
  });

  async function page(token: string): Promise<Page> {
    const watched = await openPage(browser, baseUrl);
    opened.push(watched);
    await signIn(watched.page, token);
    return watched.page;
  }

  async function expectAccessible(p: Page, name: string) {
    expect({ page: name, violations: await seriousA11yViolations(p) }).toEqual({
      page: name,
      violations: [],
    });
  }

  afterEach(() => {
    // No CSP violation, no script error, on any page a test opened.
    for (const { errors } of opened.splice(0)) expect(errors).toEqual([]);
  });

  it('when /console is fetched, then it is the page with a strict CSP, hashed assets cached for a year, and client routes fall back to the page', async () => {
    await request(t.app).get('/console').expect(301).expect('Location', '/console/');
    const page = await request(t.app).get('/console/').expect(200);
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(page.text)![1]!;
    const script = await request(t.app).get(asset).expect(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const deep = await request(t.app).get('/console/voorstellen/abc').expect(200);
    expect(deep.text).toBe(page.text);
    await request(t.app).get('/console/assets/missing-0000.js').expect(404);
  });

  it('when a token is wrong, then the sign-in says so next to the field; a good one shows organisation and role, and signing out forgets it', async () => {
    const { page: p, errors } = await openPage(browser, baseUrl);
    await p.goto('/console/');
    await expectAccessible(p, 'aanmelden');
    await screenshot(p, 'aanmelden');
    await p.getByLabel('API-token').fill('mpt_not_a_real_token_000000000000000');
    await p.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(p.locator('[data-field="token"]').textContent()).resolves.toContain('onbekend');
    await p.getByLabel('API-token').fill(world.matcher.token);
    await p.getByRole('button', { name: 'Aanmelden' }).click();
    const who = p.getByTestId('who');
    await expect(who.textContent()).resolves.toContain('matcher');
    expect(p.url()).not.toContain(world.matcher.token);
    expect(await p.evaluate("sessionStorage.getItem('matchpunt.token')")).toBe(world.matcher.token);
    expect(await p.evaluate('localStorage.length')).toBe(0);
    await p.getByRole('button', { name: 'Afmelden' }).click();
    await p.getByLabel('API-token').waitFor();
    expect(await p.evaluate("sessionStorage.getItem('matchpunt.token')")).toBeNull();
    expect(errors).toEqual([]);
  });

  it('when the matcher approves, both sides accept and the corporation records the lease, then the unit shows as let', async () => {
    // The matcher: the queue, the proposal with its breakdown and rules, a why-not, approve.
    const matcher = await page(world.matcher.token);
    await matcher.getByTestId('proposal-queue').waitFor();
    await expectAccessible(matcher, 'wachtrij');
    await screenshot(matcher, 'matcher-wachtrij');
    await matcher.locator(`[data-proposal="${proposalId}"] a`).click();
    await matcher.getByTestId('score-breakdown').first().waitFor();
    for (const criterion of ['location', 'spreiding', 'prikkelarm', 'begeleiding', 'wait']) {
      await expect(
        matcher
          .locator(`[data-testid="score-breakdown"] [data-criterion="${criterion}"] .bar-fill`)
          .first()
          .count(),
      ).resolves.toBe(1);
    }
    await matcher.getByTestId('candidates').waitFor();
    const whyNot = matcher.getByTestId('why-not');
    await whyNot.getByLabel('Cliënt uit de regio').selectOption({ label: ineligibleRef });
    const verdict = whyNot.getByTestId('why-not-result');
    await expect(verdict.textContent()).resolves.toContain('niet toegestaan');
    await expect(verdict.locator('[data-rule="RENT_ABOVE_MAX"].failed').count()).resolves.toBe(1);
    await expectAccessible(matcher, 'voorstel');
    await screenshot(matcher, 'matcher-voorstel');
    await matcher.getByRole('button', { name: 'Goedkeuren (voordragen)' }).click();
    await matcher.getByTestId('proposal-status').filter({ hasText: 'voorgedragen' }).waitFor();

    // The corporation and the provider accept.
    const corporation = await page(world.corporation.token);
    await corporation.getByRole('link', { name: 'Voordrachten' }).click();
    const card = corporation.locator(`li[data-proposal="${proposalId}"]`);
    await card.getByRole('button', { name: 'Accepteren' }).click();
    await card.getByText('U heeft geaccepteerd').waitFor();
    await expectAccessible(corporation, 'voordrachten corporatie');
    await screenshot(corporation, 'corporatie-voordrachten');

    const provider = await page(world.provider.token);
    const providerCard = provider.locator(`li[data-proposal="${proposalId}"]`);
    await providerCard.getByRole('button', { name: 'Accepteren' }).click();
    await providerCard.getByText('geaccepteerd').first().waitFor();
    await expectAccessible(provider, 'voordrachten zorgaanbieder');
    await screenshot(provider, 'zorgaanbieder-voordrachten');

    // The corporation records the lease start; the home is let.
    await corporation.reload();
    await card.getByRole('button', { name: 'Huurcontract vastleggen…' }).click();
    await card.getByLabel('Ingangsdatum huurcontract').fill(today());
    await card.getByRole('button', { name: 'Huurcontract vastleggen' }).click();
    await corporation.locator(`tr[data-proposal="${proposalId}"]`).getByText('geplaatst').waitFor();
    await corporation.getByRole('link', { name: 'Woningen' }).click();
    const row = corporation.locator(`tr[data-unit="${unitRef}"]`);
    await expect(row.getByTestId('unit-status').textContent()).resolves.toBe('verhuurd');
    await expectAccessible(corporation, 'woningen');
    await screenshot(corporation, 'corporatie-woningen');

    const stored = await request(t.app)
      .get(`/api/v1/proposals/${proposalId}`)
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(stored.body).toMatchObject({ status: 'placed', leaseStart: today() });
  });

  it('when a CSV upload has bad rows, then nothing is imported and the refused rows are shown with their columns', async () => {
    const before = await request(t.app)
      .get('/api/v1/units')
      .set(bearer(world.corporation.token))
      .expect(200);
    const corporation = await page(world.corporation.token);
    await corporation.getByRole('link', { name: 'CSV importeren' }).click();
    const municipality = world.region.municipalities[0]!;
    const header =
      'externalRef,type,street,houseNumber,postcode,municipalityCode,neighbourhoodCode,lat,lon,rent,bedrooms,floor,hasLift,wheelchairAccessible,stimulus,furnished,availableFrom,contingentYear';
    const good = `CSV-1,contingent,Markt,1,5911 AB,${municipality.code},${municipality.neighbourhoods[0]},${municipality.lat},${municipality.lon},600,1,0,false,false,low,false,${today()},2026`;
    const badRent = `CSV-2,contingent,Markt,2,5911 AB,${municipality.code},${municipality.neighbourhoods[0]},${municipality.lat},${municipality.lon},duur,1,0,false,false,low,false,${today()},2026`;
    const badType = `CSV-3,villa,Markt,3,5911 AB,${municipality.code},${municipality.neighbourhoods[0]},${municipality.lat},${municipality.lon},600,1,0,false,false,low,false,${today()},2026`;
    await corporation.getByLabel('CSV-bestand').setInputFiles({
      name: 'woningen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, good, badRent, badType].join('\n')),
    });
    await corporation.getByRole('button', { name: 'Importeren' }).click();
    const refused = corporation.getByTestId('import-refused');
    await refused.waitFor();
    await expect(refused.locator('tr[data-line="3"]').textContent()).resolves.toContain('rent');
    await expect(refused.locator('tr[data-line="4"]').textContent()).resolves.toContain('type');
    await expect(refused.locator('tr[data-line="2"]').count()).resolves.toBe(0);
    await expectAccessible(corporation, 'csv-import');
    await screenshot(corporation, 'corporatie-csv-import');
    const after = await request(t.app)
      .get('/api/v1/units')
      .set(bearer(world.corporation.token))
      .expect(200);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });
});

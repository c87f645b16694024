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
import { addDays } from '../../src/shared/time/clock';
import { bearer, createOrganisation } from '../support/factories';
import {
  createMatchingWorld,
  type MatchingWorld,
  today,
  useAppWithWorker,
  waitUntilSettled,
} from '../support/matching';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { eventually } from '../support/tcp-proxy';
import { offerUnit, openProposals, proposalStep } from '../support/workflow';
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
    await provider.getByRole('link', { name: 'Voordrachten' }).click();
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

  it('when the matcher opens the runs, then each shows housed, fit and gain over greedy, and a what-if dry run shows its result beside the current policy', async () => {
    const matcher = await page(world.matcher.token);
    await matcher.getByRole('link', { name: 'Matchingsrondes' }).click();
    await matcher.getByTestId('runs').waitFor();
    await expect(matcher.getByTestId('runs').locator('tbody tr').count()).resolves.toBeGreaterThan(
      0,
    );
    await matcher.getByLabel('Maximale afstand (km)').fill('5');
    await matcher.getByRole('button', { name: 'Proefronde starten' }).click();
    const result = matcher.getByTestId('what-if-result');
    await result.waitFor({ timeout: 30_000 });
    await expect(result.locator('thead').textContent()).resolves.toContain('Wat als');
    await expect(
      result
        .getByRole('row', { name: /Gehuisvest/ })
        .first()
        .textContent(),
    ).resolves.toMatch(/\d/);
    await expectAccessible(matcher, 'rondes');
    await screenshot(matcher, 'matcher-rondes');
  });

  it('when a corporation adds a home with a bad field, then the error stands next to that field; once fixed, the matcher rejects its proposal with a note, and a manual proposal breaking a rule needs override and a second matcher', async () => {
    const corporation = await page(world.corporation.token);
    await corporation.getByRole('link', { name: 'Woning toevoegen' }).click();
    const municipality = world.region.municipalities[0]!;
    await corporation.getByLabel('Eigen referentie').fill('FORM-1');
    await corporation.getByLabel('Beschikbaar vanaf').fill(today());
    await corporation.getByLabel('Straat').fill('Markt');
    await corporation.getByLabel('Huisnummer').fill('7');
    await corporation.getByLabel('Postcode').fill('not a postcode');
    await corporation.getByLabel('Gemeente').selectOption(municipality.code);
    await corporation.getByLabel('Wijk of buurt').selectOption(municipality.neighbourhoods[0]!);
    await corporation.getByLabel('Breedtegraad').fill(String(municipality.lat + 0.004));
    await corporation.getByLabel('Lengtegraad').fill(String(municipality.lon + 0.004));
    await corporation.getByLabel('Kale huur (€ per maand)').fill('610');
    await corporation.getByLabel('Prikkels in de omgeving').selectOption('low');
    await corporation.getByRole('button', { name: 'Woning toevoegen' }).click();
    const postcodeError = corporation.locator('[data-field="address.postcode"]');
    await postcodeError.waitFor();
    await expect(corporation.getByLabel('Postcode').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expectAccessible(corporation, 'woning toevoegen');
    await screenshot(corporation, 'corporatie-woning-toevoegen');
    await corporation.getByLabel('Postcode').fill('5911 AC');
    await corporation.getByRole('button', { name: 'Woning toevoegen' }).click();
    await corporation.locator('tr[data-unit="FORM-1"]').waitFor();

    const units = await request(t.app)
      .get('/api/v1/units')
      .query({ externalRef: 'FORM-1' })
      .set(bearer(world.corporation.token))
      .expect(200);
    const unitId = units.body.items[0].id as string;
    const [proposal] = await eventually(
      async () =>
        (
          await request(t.app)
            .get('/api/v1/proposals')
            .query({ unitId, status: 'proposed' })
            .set(bearer(world.matcher.token))
        ).body.items as { id: string }[],
      (items) => items.length > 0,
      15_000,
    );

    const matcher = await page(world.matcher.token);
    await matcher.locator(`[data-proposal="${proposal!.id}"] a`).click();
    await matcher.getByRole('button', { name: 'Afwijzen…' }).click();
    await matcher.getByLabel('Reden').selectOption('other');
    const note = matcher.getByLabel('Toelichting');
    await expect(note.getAttribute('required')).resolves.toBe('');
    await note.fill('Dubbel aangeboden');
    await matcher.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    await matcher.getByTestId('proposal-status').filter({ hasText: 'afgewezen' }).waitFor();

    // The home is free again; the client whose maximum rent it exceeds may have it only by override.
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    await matcher.goto('/console/voorstellen/nieuw');
    await matcher.getByLabel('Woning').selectOption(unitId);
    await matcher.getByLabel('Cliënt').selectOption({ label: ineligibleRef });
    await matcher.getByLabel('Onderbouwing').fill('Huur wordt bijgepast');
    await matcher.getByRole('button', { name: 'Voorstel maken' }).click();
    await matcher.locator('[data-field="override"]').waitFor();
    await expectAccessible(matcher, 'handmatig voorstel');
    await screenshot(matcher, 'matcher-handmatig-voorstel');
    await matcher.getByLabel('Harde regels overschrijven').check();
    await matcher.getByRole('button', { name: 'Voorstel maken' }).click();
    await matcher.getByText('een tweede matcher (een andere token) moet het').waitFor();
    await matcher.getByRole('button', { name: 'Goedkeuren (voordragen)' }).click();
    await matcher.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
    await expect(matcher.getByTestId('proposal-status').textContent()).resolves.toBe('voorgesteld');
  });

  it('when a provider registers a client, then the form says no name, BSN or diagnosis is asked, a refused field is marked, and the list shows whether the client is matchable', async () => {
    const provider = await page(world.provider.token);
    await provider.getByTestId('clients').waitFor();
    await expectAccessible(provider, 'clienten');
    await screenshot(provider, 'zorgaanbieder-clienten');
    await provider.getByRole('link', { name: 'Cliënt aanmelden' }).click();
    await provider.getByText('Geen naam, BSN, geboortedatum of diagnose.').waitFor();
    await provider.getByLabel('Eigen referentie (geen naam of BSN)').fill('FORM-C-1');
    await provider.getByLabel('Klaar om uit te stromen sinds').fill('2026-10-01');
    await provider.getByLabel('Maximale huur (€ per maand)').fill('-5');
    await provider
      .getByLabel('Gemeente van binding')
      .selectOption(world.region.municipalities[0]!.code);
    await provider.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    await provider.locator('[data-field="maxRent"]').waitFor();
    await expectAccessible(provider, 'client aanmelden');
    await screenshot(provider, 'zorgaanbieder-client-aanmelden');
    await provider.getByLabel('Maximale huur (€ per maand)').fill('700');
    await provider.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    const row = provider.locator('tr[data-client="FORM-C-1"]');
    await row.waitFor();
    // No consent given in the form: stored, but not matched.
    await expect(row.getByTestId('matchable').textContent()).resolves.toContain('geen toestemming');

    await provider.getByRole('link', { name: 'Dekking' }).click();
    await provider.getByTestId('coverage').waitFor();
    await expectAccessible(provider, 'dekking');
  });

  it('when the queue and a proposal are opened on a tablet, then the page does not widen beyond the screen and stays accessible', async () => {
    const { page: tablet, errors } = await openPage(browser, baseUrl, { width: 820, height: 1180 });
    await signIn(tablet, world.matcher.token);
    await tablet.getByRole('heading', { name: 'Voorstellen om te beoordelen' }).waitFor();
    const widths = '[document.documentElement.scrollWidth, document.documentElement.clientWidth]';
    const [queueWidth, screenWidth] = await tablet.evaluate<number[]>(widths);
    expect(queueWidth).toBeLessThanOrEqual(screenWidth!);
    await tablet.goto(`/console/voorstellen/${proposalId}`);
    await tablet.getByTestId('candidates').waitFor();
    const [pageWidth, width] = await tablet.evaluate<number[]>(widths);
    expect(pageWidth).toBeLessThanOrEqual(width!);
    await expectAccessible(tablet, 'voorstel op tablet');
    await screenshot(tablet, 'tablet-voorstel');
    expect(errors).toEqual([]);
  });

  it('when a placement is past its 3-month check-in, then the provider records it under Nazorg, and the gemeente sees its overview with protected small numbers and a CSV download', async () => {
    // Last: this places the world's last waiting client, whom the tablet test shows as a candidate.
    // A home let about three months and ten days ago: its 3-month check-in is due.
    const unitId = await offerUnit(t.app, world);
    const [proposal] = await eventually(
      () => openProposals(t.app, world, { unitId }),
      (items) => items.length > 0,
      15_000,
    );
    const id = proposal!.id;
    await proposalStep(t.app, world.matcher.token, id, 'approve').expect(200);
    await proposalStep(t.app, world.corporation.token, id, 'accept').expect(200);
    await proposalStep(t.app, world.provider.token, id, 'accept').expect(200);
    const leaseStart = addDays(today(), -100);
    await proposalStep(t.app, world.corporation.token, id, 'placement', { leaseStart }).expect(200);
    const due = await request(t.app)
      .get('/api/v1/checkins')
      .query({ status: 'due' })
      .set(bearer(world.provider.token))
      .expect(200);
    const checkin = (due.body.items as { id: string; placementId: string; months: number }[]).find(
      (item) => item.months === 3,
    );
    expect(checkin).toBeDefined();

    const provider = await page(world.provider.token);
    await provider.getByRole('link', { name: 'Nazorg' }).click();
    const row = provider.locator(`tr[data-checkin="${checkin!.id}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('te doen');
    // A date in the future is refused next to the field, before anything is sent.
    await row.getByLabel('Ja').check();
    await row.getByLabel('Datum gesprek').fill(addDays(today(), 1));
    await row.getByRole('button', { name: 'Vastleggen' }).click();
    await row.locator('[data-field="date"]').waitFor();
    await expectAccessible(provider, 'nazorg');
    await screenshot(provider, 'nazorg');
    await row.getByLabel('Datum gesprek').fill(today());
    await row.getByRole('button', { name: 'Vastleggen' }).click();
    await row.waitFor({ state: 'detached' });
    const placement = await request(t.app)
      .get(`/api/v1/placements/${checkin!.placementId}`)
      .set(bearer(world.provider.token))
      .expect(200);
    expect(
      (placement.body.checkins as { id: string; stablyHoused: boolean | null }[]).find(
        (item) => item.id === checkin!.id,
      ),
    ).toMatchObject({ status: 'done', stablyHoused: true, recordedOn: today() });

    // The gemeente of the first municipality: its overview for this year, small numbers hidden.
    const municipality = world.region.municipalities[0]!;
    const gemeente = await createOrganisation(t.runtime.dataSource, 'gemeente', {
      regionCode: world.region.code,
      municipalityCodes: [municipality.code],
    });
    const viewer = await page(gemeente.token);
    const overview = viewer.getByTestId('report-overview');
    await overview.waitFor();
    await expect(viewer.getByLabel('Jaar').inputValue()).resolves.toBe(today().slice(0, 4));
    // The test region names its municipalities "Gemeente <digits of the code>".
    await expect(viewer.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      municipality.code.slice(2),
    );
    await expect(overview.locator('abbr.protected').count()).resolves.toBeGreaterThan(0);
    await expect(overview.locator('[data-table="runs"]').count()).resolves.toBe(0);
    await expect(
      overview.locator('[data-table="placements"] svg rect').count(),
    ).resolves.toBeGreaterThan(0);
    await expectAccessible(viewer, 'gemeente-overzicht');
    await screenshot(viewer, 'gemeente-overzicht');
    const [download] = await Promise.all([
      viewer.waitForEvent('download'),
      viewer.getByRole('button', { name: 'Uitstroom als CSV downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `placements-${municipality.code}-${today().slice(0, 4)}.csv`,
    );
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          resolve(Buffer.concat(chunks).toString('utf8'));
        });
        stream.on('error', reject);
      }, reject);
    });
    expect(csv).toContain(
      'municipalityCode,targetGroup,contingent,omklap,skaeveHuis,doorstroom,total',
    );
    expect(csv).toContain('<5');
  });
});

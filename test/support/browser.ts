import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import type { Express } from 'express';
import { type Browser, chromium, type Page } from 'playwright-core';

import { buildConsole } from '../../src/shared/console/build-console';

const ROOT = path.join(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * The README's screenshots are rewritten only when asked (`UPDATE_SCREENSHOTS=1 npm test`), so an
 * ordinary test run leaves the working tree clean; otherwise they go to a temporary folder.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.join(ROOT, 'docs', 'console')
  : path.join(os.tmpdir(), 'matchpunt-screenshots');

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const file = path.join(folder, name);
      return statSync(file).isDirectory() ? filesUnder(file) : [file];
    });
}

/**
 * The console built from the current sources, in a folder named by their digest (built once per
 * change of the sources, shared by the test files of a run).
 */
export function builtConsole(): string {
  const digest = createHash('sha256');
  const sources = [
    ...filesUnder(path.join(ROOT, 'console', 'src')).filter((file) => !/\.spec\.tsx?$/.test(file)),
    path.join(ROOT, 'console', 'index.html'),
    path.join(ROOT, 'console', 'vite.config.ts'),
    path.join(ROOT, 'package-lock.json'),
  ];
  for (const file of sources) digest.update(path.relative(ROOT, file)).update(readFileSync(file));
  const folder = path.join(os.tmpdir(), `matchpunt-console-${digest.digest('hex').slice(0, 16)}`);
  if (!existsSync(path.join(folder, 'index.html'))) buildConsole(folder);
  return folder;
}

/** The app listening on a loopback port, for the browser. */
export async function listen(app: Express): Promise<{ baseUrl: string; server: Server }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, server };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and page errors so far (a CSP violation shows here). */
  errors: string[];
}

/** A fresh page (its own session storage) that records every error the console logs. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1280, height: 900 },
): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'nl-NL' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    // A refused API call (4xx) is logged by the browser; those are expected and shown in the page.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

export async function signIn(page: Page, token: string): Promise<void> {
  await page.goto('/console/');
  await page.getByLabel('API-token').fill(token);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical violations on the page as it is now. axe is evaluated through
 * the DevTools protocol, so the page's CSP (which allows no injected script) stays as it is.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, as it runs in the page (this file is compiled without the DOM's types).
  const violations = await page.evaluate<AxeViolation[]>(
    'axe.run(document).then((result) => result.violations)',
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

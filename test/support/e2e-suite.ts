// The set-up every browser spec shares: one server and one browser for the spec file, contexts that
// are closed for it, signing in on a fresh context, and filling a GOV.UK date input with today.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, newContext, signIn, startE2eServer, type E2eServer } from './e2e-server.ts';

export interface E2eSuiteOptions {
  /** Close the contexts a test made when it ends (default: keep them until the spec file ends). */
  readonly closeContextsAfterEach?: boolean;
}

export interface ContextOptions {
  readonly javaScriptEnabled?: boolean;
}

export interface SignInOptions extends ContextOptions {
  /** The demo password unless given. */
  readonly password?: string;
}

export interface E2eSuite {
  /** The server (available from the spec's own beforeAll on). */
  readonly server: E2eServer;
  readonly browser: Browser;
  /** A new context (its own cookies) with the server's base URL, closed by the suite. */
  newContext(options?: ContextOptions): Promise<BrowserContext>;
  /** A page in a new context, not signed in. */
  newPage(options?: ContextOptions): Promise<Page>;
  /** A page in a new context that went to `path`, was sent to sign in (or was there) and signed in as `username`. */
  signedIn(username: string, path?: string, options?: SignInOptions): Promise<Page>;
}

/**
 * Registers the hooks that start the server and the browser before the spec file's tests and close
 * them (and every context the suite made) after; call it once, at the top of the spec file.
 */
export function useE2eSuite(options: E2eSuiteOptions = {}): E2eSuite {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const closeContexts = async (): Promise<void> => {
    for (const context of contexts.splice(0)) await context.close();
  };

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });
  if (options.closeContextsAfterEach === true) afterEach(closeContexts);
  afterAll(async () => {
    await closeContexts();
    await browser?.close();
    await server?.close();
  });

  const suite: E2eSuite = {
    get server() {
      if (server === undefined) throw new Error('the e2e server is not started yet (use it in a hook or a test)');
      return server;
    },
    get browser() {
      if (browser === undefined) throw new Error('the browser is not launched yet (use it in a hook or a test)');
      return browser;
    },
    newContext: async (contextOptions = {}) => {
      const context = await newContext(suite.browser, suite.server.baseUrl, contextOptions);
      contexts.push(context);
      return context;
    },
    newPage: async (contextOptions = {}) => (await suite.newContext(contextOptions)).newPage(),
    signedIn: async (username, path = '/sign-in', { password, ...contextOptions } = {}) => {
      const page = await suite.newPage(contextOptions);
      await page.goto(path);
      await signIn(page, username, password);
      return page;
    },
  };
  return suite;
}

export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/** Today's date in London (the service's time zone), as a person would type it: "3", "7", "2026". */
export function londonToday(): DateParts {
  return londonDaysFromToday(0);
}

/**
 * The date `days` calendar days after today in London (negative for before), as a person would type
 * it. Counted from London's date, not UTC's: between midnight and 1am in summer they differ.
 */
export function londonDaysFromToday(days: number): DateParts {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date());
  const part = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = parts.find((p) => p.type === type)?.value;
    if (value === undefined) throw new Error(`no ${type} in today's date`);
    return Number(value);
  };
  // Calendar arithmetic on the London date itself (a UTC midnight only carries the day, month and year).
  const date = new Date(Date.UTC(part('year'), part('month') - 1, part('day') + days));
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
}

/**
 * Fills a GOV.UK date input: `field` is either "#id" (the inputs #id-day, #id-month and #id-year) or
 * the name of the fieldset (its legend) holding inputs labelled Day, Month and Year. Today unless a
 * date is given.
 */
export async function fillDate(page: Page, field: string, date: DateParts = londonToday()): Promise<void> {
  if (field.startsWith('#')) {
    await page.fill(`${field}-day`, date.day);
    await page.fill(`${field}-month`, date.month);
    await page.fill(`${field}-year`, date.year);
    return;
  }
  const fieldset = page.getByRole('group', { name: field });
  await fieldset.getByLabel('Day').fill(date.day);
  await fieldset.getByLabel('Month').fill(date.month);
  await fieldset.getByLabel('Year').fill(date.year);
}

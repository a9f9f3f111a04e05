import type { Browser, Locator, Page } from 'playwright-core';
import { newVisitor } from './browser.js';
import { SEED_PASSWORD } from './seed-world.js';

/** A browser tab on the console, with the script errors it met (there should be none). */
export interface ConsoleTab {
  readonly page: Page;
  readonly scriptErrors: string[];
  /** What the browser printed as errors in its console, refused requests included. */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/** Opens the console in a fresh browser profile whose preferred language is `locale`. */
export async function openConsole(browser: Browser, baseUrl: string, locale: 'nl-NL' | 'en-US'): Promise<ConsoleTab> {
  const context = await newVisitor(browser, baseUrl, locale);
  const page = await context.newPage();
  const scriptErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto('/');
  return { page, scriptErrors, consoleErrors, close: () => context.close() };
}

/** Fills the login form in whichever language it shows, and waits for the console to open. */
export async function logIn(page: Page, username: string, password = SEED_PASSWORD): Promise<void> {
  await page.getByLabel(/^(Gebruikersnaam|Username)$/).fill(username);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Aanmelden|Log in)$/ }).click();
  await page.getByRole('navigation', { name: /^(Hoofdnavigatie|Main navigation)$/ }).waitFor();
}

/** A console tab already logged in as `username`. */
export async function consoleAs(browser: Browser, baseUrl: string, username: string, locale: 'nl-NL' | 'en-US' = 'nl-NL'): Promise<ConsoleTab> {
  const tab = await openConsole(browser, baseUrl, locale);
  await logIn(tab.page, username);
  return tab;
}

/** The text of each body row of the table named `label`, once its rows have loaded. */
export async function rowNames(page: Page, label: string): Promise<string[]> {
  const table = page.getByRole('table', { name: label });
  await table.locator('tbody tr:not(.skeleton-row)').first().waitFor();
  await table.and(page.locator('[aria-busy="true"]')).waitFor({ state: 'detached' });
  return table.locator('tbody tr th[scope="row"]').allTextContents();
}

/**
 * The layout shifts of the page since it started loading that the user did not cause, summed
 * as the browser's Cumulative Layout Shift sums them. Runs in the page.
 */
const LAYOUT_SHIFT_TOTAL = `new Promise((resolve) => {
  new PerformanceObserver((list, observer) => {
    observer.disconnect();
    resolve(list.getEntries().filter((entry) => !entry.hadRecentInput).reduce((sum, entry) => sum + entry.value, 0));
  }).observe({ type: 'layout-shift', buffered: true });
  // With no shift at all the observer is never called: answer 0 once the buffered ones had their turn.
  setTimeout(() => resolve(0), 100);
})`;

/** The page's layout shift so far (CLS); below 0.01 nothing visibly jumped. */
export async function layoutShift(page: Page): Promise<number> {
  return page.evaluate<number>(LAYOUT_SHIFT_TOTAL);
}

/** Where the element ends on the page, in CSS pixels from the top: elements on one line end alike. */
export async function bottomOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('the element is not visible');
  return box.y + box.height;
}

import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { consoleAs, openConsole, type ConsoleTab } from './console-page.js';

type Locale = 'nl-NL' | 'en-US';

/**
 * The browser of one test file and every console tab it opened, so that an uncaught script
 * error on any page fails the file, whichever step met it.
 */
export class ConsoleBrowser {
  private readonly tabs: ConsoleTab[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
  ) {}

  static async launch(baseUrl: string): Promise<ConsoleBrowser> {
    return new ConsoleBrowser(await launchBrowser(), baseUrl);
  }

  /** A tab on the login page, in a fresh browser profile whose preferred language is `locale`. */
  async open(locale: Locale): Promise<ConsoleTab> {
    return this.keep(await openConsole(this.browser, this.baseUrl, locale));
  }

  /** A tab already logged in as `username`. */
  async tabAs(username: string, locale: Locale = 'nl-NL'): Promise<ConsoleTab> {
    return this.keep(await consoleAs(this.browser, this.baseUrl, username, locale));
  }

  /** Closes the browser; answers the uncaught script errors its tabs met (there should be none). */
  async close(): Promise<string[]> {
    await this.browser.close();
    return this.tabs.flatMap((tab) => tab.scriptErrors);
  }

  private keep(tab: ConsoleTab): ConsoleTab {
    this.tabs.push(tab);
    return tab;
  }
}

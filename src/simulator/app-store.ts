/** An app as the device holds it. */
export interface HeldApp {
  readonly bundleId: string;
  readonly version: string;
  readonly name: string;
  /** Bytes of the downloaded .ipa; `undefined` when the simulator did not download it. */
  readonly size: number | undefined;
  /** How many times InstallApplication installed it, the first install included. */
  readonly installs: number;
}

/** What an install brings along. */
export interface AppInstall {
  readonly bundleId: string;
  readonly version: string;
  readonly name: string;
  readonly size: number | undefined;
}

/**
 * The managed apps on a device, by bundle id. Every install of an app that is already there
 * counts as a reinstall: renewals must never cause one.
 */
export class AppStore {
  readonly #apps = new Map<string, HeldApp>();
  #reinstalls = 0;

  /** Installs or replaces the app; true when it was already installed. */
  install(app: AppInstall): boolean {
    const existing = this.#apps.get(app.bundleId);
    if (existing) this.#reinstalls++;
    this.#apps.set(app.bundleId, { ...app, installs: (existing?.installs ?? 0) + 1 });
    return existing !== undefined;
  }

  get(bundleId: string): HeldApp | undefined {
    return this.#apps.get(bundleId);
  }

  list(): HeldApp[] {
    return [...this.#apps.values()];
  }

  /** Installs of apps that were already installed, over the device's life. */
  get reinstalls(): number {
    return this.#reinstalls;
  }
}

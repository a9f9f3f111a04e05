/** A file in a multipart form. */
export interface FormFile {
  readonly field: string;
  readonly fileName: string;
  readonly content: Uint8Array;
}

/** An API answer other than the one the demo expected. */
export class DemoApiError extends Error {
  override readonly name = 'DemoApiError';

  constructor(
    message: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(message);
  }
}

/**
 * The public API as the console uses it: logs in (session cookie plus CSRF token) and sends
 * JSON or multipart requests under `/api/v1`. The demo builds its whole world through it.
 */
export class DemoApi {
  #cookie = '';
  #csrfToken = '';

  private constructor(private readonly baseUrl: string) {}

  static async login(baseUrl: string, username: string, password: string): Promise<DemoApi> {
    const api = new DemoApi(baseUrl);
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const session = await expectStatus<{ csrfToken: string }>(response, 200, `log in as ${username}`);
    api.#cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    api.#csrfToken = session.csrfToken;
    return api;
  }

  get<T>(path: string): Promise<T> {
    return this.#send<T>('GET', path, undefined, 200);
  }

  /** A binary answer, e.g. an enrollment profile. */
  async bytes(path: string): Promise<Uint8Array> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { headers: { cookie: this.#cookie } });
    if (response.status !== 200) {
      const text = await response.text();
      throw new DemoApiError(`GET ${path}: expected HTTP 200, got ${response.status}: ${text.slice(0, 500)}`, response.status, text);
    }
    return new Uint8Array(await response.arrayBuffer());
  }

  post<T>(path: string, body: object, status = 201): Promise<T> {
    return this.#send<T>('POST', path, JSON.stringify(body), status);
  }

  /** A multipart form: text fields first, then files, as browsers send them. */
  upload<T>(path: string, fields: Readonly<Record<string, string>>, files: readonly FormFile[], status = 201): Promise<T> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const file of files) form.append(file.field, new Blob([file.content]), file.fileName);
    return this.#send<T>('POST', path, form, status);
  }

  async #send<T>(method: 'GET' | 'POST', path: string, body: string | FormData | undefined, status: number): Promise<T> {
    const headers: Record<string, string> = { cookie: this.#cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.#csrfToken;
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body });
    return expectStatus<T>(response, status, `${method} ${path}`);
  }
}

async function expectStatus<T>(response: Response, status: number, what: string): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new DemoApiError(`${what}: expected HTTP ${status}, got ${response.status}: ${text.slice(0, 500)}`, response.status, text);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

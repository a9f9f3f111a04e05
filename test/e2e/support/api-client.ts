/** An answer of the API that was not the expected success. */
export class UnexpectedAnswer extends Error {
  override readonly name = 'UnexpectedAnswer';
}

/** A file for a multipart upload. */
export interface UploadFile {
  readonly field: string;
  readonly fileName: string;
  readonly content: Uint8Array;
}

/**
 * Seeds a test server through its public API, as the CLI or a CI job would: logs in like the
 * console (session cookie plus CSRF token) and sends JSON or multipart requests.
 */
export class ApiClient {
  private cookie = '';
  private csrfToken = '';

  private constructor(private readonly baseUrl: string) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = await expectStatus<{ csrfToken: string }>(response, 200);
    client.cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    client.csrfToken = body.csrfToken;
    return client;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path, undefined, 200);
  }

  /** GETs a file (e.g. an enrollment profile) as bytes. */
  async bytes(path: string): Promise<Uint8Array> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { headers: { cookie: this.cookie } });
    if (response.status !== 200) throw new UnexpectedAnswer(`${response.url}: expected 200, got ${response.status}: ${await response.text()}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  post<T>(path: string, body: object, status = 201): Promise<T> {
    return this.send<T>('POST', path, JSON.stringify(body), status);
  }

  /** Sends a multipart form: text fields first, then files, as browsers do. */
  upload<T>(path: string, fields: Readonly<Record<string, string>>, files: readonly UploadFile[], status = 201): Promise<T> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const file of files) form.append(file.field, new Blob([file.content]), file.fileName);
    return this.send<T>('POST', path, form, status);
  }

  private async send<T>(method: string, path: string, body: string | FormData | undefined, status: number): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    return expectStatus<T>(await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body }), status);
  }
}

async function expectStatus<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new UnexpectedAnswer(`${response.url}: expected ${status}, got ${response.status}: ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

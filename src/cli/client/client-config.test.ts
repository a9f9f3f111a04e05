import { describe, expect, it } from 'vitest';
import { CLIENT_EXIT } from './cli-error.js';
import { resolveClientConfig } from './client-config.js';

const env = { PROVISIO_SERVER: 'https://env.example.com', PROVISIO_TOKEN: 'prv_from_environment' };

describe('resolveClientConfig', () => {
  it('takes the server and token from the environment', () => {
    const config = resolveClientConfig({}, env);
    expect(config.serverUrl.href).toBe('https://env.example.com/');
    expect(config.token).toBe('prv_from_environment');
    expect(config.verbose).toBe(false);
  });

  it('lets flags win over the environment', () => {
    const config = resolveClientConfig({ server: 'http://flag.example.com:8080', token: 'prv_from_flag', verbose: true }, env);
    expect(config.serverUrl.href).toBe('http://flag.example.com:8080/');
    expect(config.token).toBe('prv_from_flag');
    expect(config.verbose).toBe(true);
  });

  it('keeps a path prefix, so the API resolves below it', () => {
    const config = resolveClientConfig({ server: 'https://example.com/provisio?x=1#top' }, env);
    expect(config.serverUrl.href).toBe('https://example.com/provisio/');
    expect(new URL('api/v1/apps', config.serverUrl).href).toBe('https://example.com/provisio/api/v1/apps');
  });

  it.each([
    [{}, {}, /no server given: pass --server URL or set PROVISIO_SERVER/],
    [{ server: 'https://x.example.com' }, {}, /no API token given: pass --token TOKEN or set PROVISIO_TOKEN/],
    [{ server: '  ', token: 't' }, {}, /no server given/],
    [{ server: 'provisio.example.com', token: 't' }, {}, /is not a URL/],
    [{ server: 'ftp://provisio.example.com', token: 't' }, {}, /must start with http:\/\/ or https:\/\//],
    [{ server: 'https://user:secret@provisio.example.com', token: 't' }, {}, /must not hold credentials/],
  ])('refuses %j as a usage error', (flags, environment, message) => {
    expect(() => resolveClientConfig(flags, environment)).toThrow(message);
    expect(() => resolveClientConfig(flags, environment)).toThrow(expect.objectContaining({ exitCode: CLIENT_EXIT.usage }));
  });
});

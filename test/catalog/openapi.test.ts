import { expect, it } from 'vitest';
import { forEachCatalogApp } from './harness.js';

const CATALOG_OPERATIONS = [
  'GET /api/v1/apps',
  'POST /api/v1/apps',
  'GET /api/v1/apps/{id}',
  'GET /api/v1/apps/{id}/versions',
  'POST /api/v1/apps/{id}/versions/{versionId}/retire',
  'GET /api/v1/profiles',
  'POST /api/v1/profiles',
  'GET /api/v1/profiles/{id}',
  'GET /api/v1/profiles/{id}/download',
  'DELETE /api/v1/profiles/{id}',
  'GET /api/v1/devices',
  'GET /api/v1/devices/{id}',
];

interface FormSchema {
  properties: Record<string, { type?: string; format?: string }>;
  required?: string[];
}

interface Operation {
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: FormSchema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

forEachCatalogApp((context) => {
  it('documents every catalog route, with multipart file fields as binary', async () => {
    const response = await context.app().inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json<{ paths: Record<string, Record<string, Operation>> }>();
    const operation = (name: string) => {
      const [method = '', path = ''] = name.split(' ');
      return document.paths[path]?.[method.toLowerCase()];
    };
    for (const name of CATALOG_OPERATIONS) {
      expect(operation(name), name).toBeDefined();
      expect(operation(name)?.security, name).toBeDefined();
      expect(Object.keys(operation(name)?.responses ?? {}), name).toEqual(expect.arrayContaining(['4XX', '5XX']));
    }
    const upload = operation('POST /api/v1/apps')?.requestBody?.content['multipart/form-data']?.schema;
    expect(upload?.properties.ipa).toMatchObject({ type: 'string', format: 'binary' });
    expect(upload?.properties.profile).toMatchObject({ type: 'string', format: 'binary' });
    expect(upload?.required).toEqual(expect.arrayContaining(['og', 'ipa']));
    expect(Object.keys(operation('GET /api/v1/profiles/{id}/download')?.responses['200']?.content ?? {})).toEqual([
      'application/x-apple-aspen-mobileprovision',
    ]);
  });
});

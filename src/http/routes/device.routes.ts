import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { DeviceCatalogService } from '../../services/catalog/index.js';
import { callerOf } from '../auth.js';
import { idParams, pageOf, presentPage } from '../schemas.js';
import { deviceDetailSchema, deviceListQuery, deviceSchema, presentDevice, presentDeviceDetail } from './device.dto.js';

const tags = ['Devices'];

/** Enrolled devices, read-only: list and detail with installed apps and profiles. */
export function deviceRoutes(devices: DeviceCatalogService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/devices',
      {
        config: { permission: 'devices:read' },
        schema: {
          tags,
          summary: 'Devices in scope, most recently seen first',
          querystring: deviceListQuery,
          response: { 200: pageOf(deviceSchema) },
        },
      },
      async (request) => {
        const { og, holdingProfile, ...filters } = request.query;
        const query = { ...filters, ogId: og, holdingProfileUuid: holdingProfile };
        return presentPage(await devices.list(callerOf(request), query, request.query), presentDevice);
      },
    );
    app.get(
      '/devices/:id',
      {
        config: { permission: 'devices:read' },
        schema: {
          tags,
          summary: 'One device with the apps and profiles it reported',
          params: idParams,
          response: { 200: deviceDetailSchema },
        },
      },
      async (request) => presentDeviceDetail(await devices.get(callerOf(request), request.params.id)),
    );
    done();
  };
}

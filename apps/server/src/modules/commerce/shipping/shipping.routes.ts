import {
  CountryParams,
  PublicShippingRates,
  ShippingRate,
  ShippingRateBody,
  ShippingRatesQuery,
  ShippingZone,
  ShippingZoneBody,
  ShippingZoneList,
  TaxRate,
  TaxRateBody,
  TaxRateList,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ShippingService } from './shipping.service.ts';

const tags = ['admin'];
const IdParams = z.object({ id: z.uuid() });

/** `/api/admin/shipping/*` and `/api/admin/tax-rates` for admins; `/api/shipping/rates` for checkout. */
export const shippingRoutes =
  (d: { shipping: ShippingService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const preHandler = d.requireAdmin;
    const s = d.shipping;
    app.get(
      '/shipping/rates',
      { schema: { tags: ['shop'], querystring: ShippingRatesQuery, response: { 200: PublicShippingRates } } },
      async (req) => s.publicRates(req.query.country, req.query.currency),
    );
    app.get(
      '/admin/shipping/zones',
      { preHandler, schema: { tags, response: { 200: ShippingZoneList } } },
      async () => s.zones(),
    );
    app.post(
      '/admin/shipping/zones',
      { preHandler, schema: { tags, body: ShippingZoneBody, response: { 201: ShippingZone } } },
      async (req, reply) => reply.code(201).send(await s.createZone(req.body)),
    );
    app.put(
      '/admin/shipping/zones/:id',
      {
        preHandler,
        schema: { tags, params: IdParams, body: ShippingZoneBody, response: { 200: ShippingZone } },
      },
      async (req) => s.updateZone(req.params.id, req.body),
    );
    app.delete(
      '/admin/shipping/zones/:id',
      { preHandler, schema: { tags, params: IdParams } },
      async (req, reply) => {
        await s.deleteZone(req.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/admin/shipping/zones/:id/rates',
      {
        preHandler,
        schema: { tags, params: IdParams, body: ShippingRateBody, response: { 201: ShippingRate } },
      },
      async (req, reply) => reply.code(201).send(await s.createRate(req.params.id, req.body)),
    );
    app.put(
      '/admin/shipping/rates/:id',
      {
        preHandler,
        schema: { tags, params: IdParams, body: ShippingRateBody, response: { 200: ShippingRate } },
      },
      async (req) => s.updateRate(req.params.id, req.body),
    );
    app.delete(
      '/admin/shipping/rates/:id',
      { preHandler, schema: { tags, params: IdParams } },
      async (req, reply) => {
        await s.deleteRate(req.params.id);
        return reply.code(204).send();
      },
    );
    app.get('/admin/tax-rates', { preHandler, schema: { tags, response: { 200: TaxRateList } } }, async () =>
      s.taxRates(),
    );
    app.put(
      '/admin/tax-rates/:country',
      { preHandler, schema: { tags, params: CountryParams, body: TaxRateBody, response: { 200: TaxRate } } },
      async (req) => s.putTax(req.params.country, req.body),
    );
    app.delete(
      '/admin/tax-rates/:country',
      { preHandler, schema: { tags, params: CountryParams } },
      async (req, reply) => {
        await s.deleteTax(req.params.country);
        return reply.code(204).send();
      },
    );
  };

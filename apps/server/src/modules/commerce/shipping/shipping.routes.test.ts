import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => t?.close());

const rate = { name: 'Standard', currency: 'PKR', baseMinor: 25_000, minDays: 3, maxDays: 5 };

describe('/api/admin/shipping', () => {
  it('is for admins only', async () => {
    expect((await new Client(t.app).get('/api/admin/shipping/zones')).statusCode).toBe(401);
    const { client } = await signedIn(t, 'student');
    expect((await client.get('/api/admin/shipping/zones')).statusCode).toBe(404);
    expect(
      (await client.post('/api/admin/shipping/zones', { name: 'X', countries: ['PK'] })).statusCode,
    ).toBe(404);
    expect((await client.get('/api/admin/tax-rates')).statusCode).toBe(404);
    expect(
      (
        await client.request('PUT', '/api/admin/tax-rates/PK', {
          name: 'GST',
          rateBasisPoints: 1,
          inclusive: true,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('keeps zones with their rates, and checkout reads the rates of a country', async () => {
    const zone = await admin.post('/api/admin/shipping/zones', {
      name: 'Nordics',
      countries: ['se', 'NO', 'SE'],
    });
    expect([zone.statusCode, zone.json().countries]).toEqual([201, ['SE', 'NO']]);
    const id = zone.json().id;
    const standard = await admin.post(`/api/admin/shipping/zones/${id}/rates`, {
      ...rate,
      currency: 'USD',
      baseMinor: 1_500,
    });
    expect(standard.statusCode).toBe(201);
    await admin.post(`/api/admin/shipping/zones/${id}/rates`, {
      ...rate,
      name: 'Off',
      currency: 'USD',
      active: false,
    });
    const pub = (await new Client(t.app).get('/api/shipping/rates?country=no&currency=USD')).json();
    expect(pub.rates.map((r: { name: string; baseMinor: number }) => [r.name, r.baseMinor])).toEqual([
      ['Standard', 1_500],
    ]);
    expect((await new Client(t.app).get('/api/shipping/rates?country=NO&currency=PKR')).json().rates).toEqual(
      [],
    );
    expect((await new Client(t.app).get('/api/shipping/rates?country=NOR&currency=USD')).statusCode).toBe(
      400,
    );

    const renamed = await admin.request('PUT', `/api/admin/shipping/zones/${id}`, {
      name: 'Norway',
      countries: ['NO'],
    });
    expect([renamed.json().name, renamed.json().rates.length]).toEqual(['Norway', 2]);
    const edited = await admin.request('PUT', `/api/admin/shipping/rates/${standard.json().id}`, {
      ...rate,
      currency: 'USD',
      baseMinor: 1_800,
    });
    expect(edited.json().baseMinor).toBe(1_800);
    expect(
      (await admin.request('DELETE', `/api/admin/shipping/rates/${standard.json().id}`)).statusCode,
    ).toBe(204);
    expect((await admin.request('DELETE', `/api/admin/shipping/zones/${id}`)).statusCode).toBe(204);
    const zones = (await admin.get('/api/admin/shipping/zones')).json().items;
    expect(zones.some((z: { id: string }) => z.id === id)).toBe(false);
    expect((await admin.request('DELETE', `/api/admin/shipping/zones/${id}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/admin/shipping/zones/${randomUUID()}/rates`, rate)).statusCode).toBe(404);
  });

  it('serves the countries no zone names from a `*` zone', async () => {
    const rest = (await admin.post('/api/admin/shipping/zones', { name: 'World', countries: ['*'] })).json();
    await admin.post(`/api/admin/shipping/zones/${rest.id}/rates`, {
      ...rate,
      currency: 'USD',
      name: 'Intl',
    });
    const named = (
      await admin.post('/api/admin/shipping/zones', { name: 'Iceland', countries: ['IS'] })
    ).json();
    await admin.post(`/api/admin/shipping/zones/${named.id}/rates`, {
      ...rate,
      currency: 'USD',
      name: 'Local',
    });
    const names = async (country: string) =>
      (await new Client(t.app).get(`/api/shipping/rates?country=${country}&currency=USD`))
        .json()
        .rates.map((r: { name: string }) => r.name);
    expect(await names('IS')).toEqual(['Local']);
    expect(await names('BR')).toEqual(['Intl']);
  });

  it('answers 400 for bad zones and rates', async () => {
    for (const body of [
      { name: '', countries: ['PK'] },
      { name: 'X', countries: [] },
      { name: 'X', countries: ['Pakistan'] },
    ]) {
      expect((await admin.post('/api/admin/shipping/zones', body)).statusCode, JSON.stringify(body)).toBe(
        400,
      );
    }
    const id = (await admin.post('/api/admin/shipping/zones', { name: 'Z', countries: ['ZZ'] })).json().id;
    for (const body of [
      { ...rate, baseMinor: -1 },
      { ...rate, currency: 'EUR' },
      { ...rate, minDays: 5, maxDays: 2 },
      { ...rate, baseMinor: 1.5 },
      { ...rate, zoneId: id },
    ]) {
      const res = await admin.post(`/api/admin/shipping/zones/${id}/rates`, body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([
        400,
        'validation_failed',
      ]);
    }
  });
});

describe('/api/admin/tax-rates', () => {
  it('sets, lists and removes a country’s tax rate', async () => {
    const put = await admin.request('PUT', '/api/admin/tax-rates/qa', {
      name: 'VAT',
      rateBasisPoints: 500,
      inclusive: false,
    });
    expect(put.json()).toMatchObject({ country: 'QA', rateBasisPoints: 500, inclusive: false });
    await admin.request('PUT', '/api/admin/tax-rates/QA', {
      name: 'VAT',
      rateBasisPoints: 700,
      inclusive: true,
    });
    const list = (await admin.get('/api/admin/tax-rates')).json().items;
    expect(list.filter((r: { country: string }) => r.country === 'QA')).toMatchObject([
      { rateBasisPoints: 700, inclusive: true },
    ]);
    for (const body of [
      { name: 'VAT', rateBasisPoints: 10_001, inclusive: true },
      { name: 'VAT', rateBasisPoints: 5 },
    ])
      expect((await admin.request('PUT', '/api/admin/tax-rates/QA', body)).statusCode).toBe(400);
    expect(
      (
        await admin.request('PUT', '/api/admin/tax-rates/QAT', {
          name: 'V',
          rateBasisPoints: 1,
          inclusive: true,
        })
      ).statusCode,
    ).toBe(400);
    expect((await admin.request('DELETE', '/api/admin/tax-rates/QA')).statusCode).toBe(204);
    expect((await admin.request('DELETE', '/api/admin/tax-rates/QA')).statusCode).toBe(404);
  });
});

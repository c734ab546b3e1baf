import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, studioCourse } from '../../test/catalog.ts';
import { cookieHeader, waitFor } from '../../test/clients.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { FILES } from '../../test/media.ts';
import { multipartBody } from '../../test/multipart.ts';

let t: TestApp;
let port = 0;
const serverSockets: Socket[] = [];
beforeAll(async () => {
  t = await createTestApp();
  t.app.server.on('connection', (s: Socket) => serverSockets.push(s));
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => t?.close());

/** What Node does when a request takes longer than REQUEST_TIMEOUT_SECONDS to arrive. */
const requestTimeout = () =>
  Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });

/** Send `head` and the first part of `body`, let the server's timeout strike, then send the rest. */
async function slowRequest(head: string, body: Buffer): Promise<string> {
  const before = serverSockets.length;
  const client = connect(port, '127.0.0.1');
  let answer = '';
  client.on('data', (d) => {
    answer += String(d);
  });
  const closed = new Promise<void>((r) => client.on('close', () => r()));
  client.write(head);
  client.write(body.subarray(0, 10));
  const socket = await waitFor(() => serverSockets[before], { what: 'the server side of the connection' });
  await new Promise((r) => setTimeout(r, 100));
  t.app.server.emit('clientError', requestTimeout(), socket);
  if (!client.destroyed) client.write(body.subarray(10));
  await Promise.race([closed, waitFor(() => (answer.includes('\r\n\r\n{') ? true : undefined))]);
  client.destroy();
  return answer;
}

describe('long uploads', () => {
  it('keeps receiving an upload past the whole-request timeout', async () => {
    const owner = await signedIn(t, 'instructor');
    const { section } = await studioCourse(owner.client);
    const lesson = (
      await owner.client.post(`/api/studio/sections/${section.id}/lessons`, { title: 'Slides', type: 'pdf' })
    ).json();
    const { payload, contentType } = multipartBody([
      { name: 'file', filename: 'slides.pdf', data: FILES.pdf },
    ]);
    const answer = await slowRequest(
      `POST /api/studio/lessons/${lesson.id}/file HTTP/1.1\r\nHost: localhost:3000\r\n` +
        `Content-Type: ${contentType}\r\nContent-Length: ${payload.length}\r\n` +
        `Cookie: ${cookieHeader(owner.client)}\r\nX-CSRF-Token: ${owner.client.csrf}\r\n\r\n`,
      payload,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('"fileName":"slides.pdf"');
  });

  it('still times out any other slow request with 408', async () => {
    const body = Buffer.from(JSON.stringify({ email: 'someone@example.test', password: 'x'.repeat(20) }));
    const answer = await slowRequest(
      'POST /api/auth/login HTTP/1.1\r\nHost: localhost:3000\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${body.length}\r\n\r\n`,
      body,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('malformed multipart bodies', () => {
  /** Bodies that break busboy's framing: it fails them with a plain Error, which must not be a 500. */
  const bodies: { what: string; contentType: string; payload: string }[] = [
    { what: 'an empty boundary', contentType: 'multipart/form-data; boundary=', payload: '' },
    {
      what: 'a body cut short',
      contentType: 'multipart/form-data; boundary=xyz',
      payload: '--xyz\r\nContent-Dis',
    },
    {
      what: 'a part that never ends',
      contentType: 'multipart/form-data; boundary=xyz',
      payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
    },
  ];

  it('answers 400 validation_failed on a buffered upload and on a streamed one', async () => {
    const owner = await signedIn(t, 'instructor');
    const { section } = await studioCourse(owner.client);
    const lesson = (
      await owner.client.post(`/api/studio/sections/${section.id}/lessons`, { title: 'Slides', type: 'pdf' })
    ).json();
    for (const url of ['/api/account/avatar', `/api/studio/lessons/${lesson.id}/file`]) {
      for (const b of bodies) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          payload: b.payload,
          headers: {
            'content-type': b.contentType,
            cookie: cookieHeader(owner.client),
            'x-csrf-token': owner.client.csrf ?? '',
          },
        });
        expect({ url, what: b.what, status: res.statusCode, code: res.json().error?.code }).toEqual({
          url,
          what: b.what,
          status: 400,
          code: 'validation_failed',
        });
      }
    }
  });
});

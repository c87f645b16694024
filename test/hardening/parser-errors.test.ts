import net from 'node:net';

import { loadConfig } from '../../config';
import { type RunningApi, startApi } from '../../src/server';
import { freePort } from '../support/processes';

/** Sends raw bytes and returns the whole answer once the server closes the connection. */
async function rawExchange(port: number, request: string): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.write(request, 'latin1');
  await closed;
  return answer;
}

function parseAnswer(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

/**
 * Requests Node's HTTP parser refuses before Express sees them. They run against the API as
 * `npm start` runs it (startApi), since the server, not the app, answers them.
 */
describe("Node's own refusals", () => {
  let api: RunningApi;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    api = await startApi(loadConfig({ ...process.env, PORT: String(port), HOST: '127.0.0.1' }));
  });
  afterAll(() => api.stop());

  it.each([
    [
      'a query string over 16 KB',
      431,
      'headers_too_large',
      `GET /api/v1/units?q=${'x'.repeat(17 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    ],
    [
      'a control character in a header',
      400,
      'malformed_request',
      'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\n\r\n',
    ],
    ['a request line that is not HTTP', 400, 'malformed_request', 'HELLO\u0000 / WORLD\r\n\r\n'],
  ])('when %s arrives, then %i problem+json', async (_what, status, code, request) => {
    const answer = parseAnswer(await rawExchange(port, request));
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body)).toEqual({
      type: `urn:matchpunt:problem:${code}`,
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code,
      errors: [],
      requestId: answer.headers['x-request-id'],
    });
  });
});

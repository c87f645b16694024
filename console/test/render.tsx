import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';

import { SessionProvider } from '../src/session/session';

export interface Answer {
  status?: number;
  body: unknown;
}

/**
 * A component in a signed-in session whose API answers come from `answers` (by method and path,
 * e.g. `GET /api/v1/units`); `requests` records what the component sent.
 */
export function renderSignedIn(
  ui: ReactElement,
  answers: Record<string, Answer | ((body: unknown) => Answer)>,
  me: unknown = {
    tokenId: '00000000-0000-4000-8000-000000000001',
    role: 'matcher',
    organisation: {
      id: '00000000-0000-4000-8000-000000000002',
      name: 'Transferpunt Test',
      kind: 'matchingspunt',
      regionCode: 'test',
      municipalityCodes: ['GM0001'],
      createdAt: '2026-01-01T00:00:00Z',
    },
  },
) {
  const requests: { method: string; path: string; body: unknown; headers: Headers }[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const request = input as Request;
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const body: unknown = text && text.startsWith('{') ? JSON.parse(text) : text;
    requests.push({ method: request.method, path: url.pathname, body, headers: request.headers });
    const key = `${request.method} ${url.pathname}`;
    const found = key === 'GET /api/v1/me' ? { body: me } : answers[key];
    const answer = typeof found === 'function' ? found(body) : found;
    if (!answer) throw new Error(`no answer for ${key}`);
    const status = answer.status ?? 200;
    return new Response(JSON.stringify(answer.body), {
      status,
      headers: {
        'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
      },
    });
  };
  sessionStorage.setItem('matchpunt.token', 'mpt_test');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <SessionProvider fetch={fetch} signIn={() => <p>aanmelden</p>}>
          {ui}
        </SessionProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, requests };
}

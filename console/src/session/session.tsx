import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

import { type Api, ApiProblem, createApi, must, type Schemas } from '../api/client';

/** The token lives in this tab's session storage only: never in a URL, never in local storage. */
const TOKEN_KEY = 'matchpunt.token';

export type Me = Schemas['Me'];
export type Role = Me['role'];

interface Session {
  api: Api;
  me: Me;
  signOut: () => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}

export function readToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/**
 * Signs in with a token (checked against `GET /api/v1/me` before it is kept) and provides the
 * session to the pages; without one it shows the sign-in form.
 */
export function SessionProvider(props: {
  fetch?: typeof globalThis.fetch;
  signIn: (signIn: (token: string) => Promise<void>) => ReactNode;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => readToken());
  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    queryClient.clear();
  }, [queryClient]);
  const api = useMemo(
    () => createApi({ token: readToken, onUnauthenticated: signOut, fetch: props.fetch }),
    [signOut, props.fetch],
  );
  const me = useQuery({
    queryKey: ['me', token],
    enabled: token !== null,
    queryFn: async () => must(await api.GET('/api/v1/me')),
  });

  const signIn = useCallback(
    async (candidate: string) => {
      const probe = createApi({
        token: () => candidate,
        onUnauthenticated: () => undefined,
        fetch: props.fetch,
      });
      const result = await probe.GET('/api/v1/me');
      if (result.response.status === 401) {
        throw new ApiProblem(401, {
          code: 'unauthenticated',
          detail: 'Deze token is onbekend of ingetrokken.',
          errors: [{ path: 'token', message: 'Deze token is onbekend of ingetrokken.' }],
        });
      }
      queryClient.setQueryData(['me', candidate], must(result));
      sessionStorage.setItem(TOKEN_KEY, candidate);
      setToken(candidate);
    },
    [props.fetch, queryClient],
  );

  if (token === null) return <>{props.signIn(signIn)}</>;
  if (me.isPending) return <p role="status">Aanmelden…</p>;
  if (me.isError) {
    return (
      <div role="alert">
        <p>Aanmelden lukte niet: {me.error.message}</p>
        <button type="button" onClick={signOut}>
          Opnieuw aanmelden
        </button>
      </div>
    );
  }
  return (
    <SessionContext.Provider value={{ api, me: me.data, signOut }}>
      {props.children}
    </SessionContext.Provider>
  );
}

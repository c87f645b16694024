import { useState } from 'react';

import { ApiProblem } from '../api/client';
import { Field, ProblemMessage } from '../ui/Field';

/** The sign-in form: an API token, kept in this tab's session storage only. */
export function SignIn(props: { signIn: (token: string) => Promise<void> }) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main className="sign-in">
      <h1>matchpunt</h1>
      <p>Meld je aan met de API-token van je organisatie.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setProblem(null);
          props
            .signIn(token.trim())
            .catch((error: unknown) => {
              setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, undefined));
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        <Field
          label="API-token"
          name="token"
          problem={problem}
          hint="De token blijft alleen in dit tabblad bewaard en verdwijnt bij afmelden of sluiten."
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="off"
              required
              value={token}
              onChange={(event) => {
                setToken(event.target.value);
              }}
            />
          )}
        </Field>
        <ProblemMessage problem={problem} shown={['token']} />
        <button type="submit" disabled={busy || token.trim() === ''}>
          {busy ? 'Aanmelden…' : 'Aanmelden'}
        </button>
      </form>
    </main>
  );
}

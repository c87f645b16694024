import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

import { useSession } from '../session/session';
import { label, ROLE_LABELS } from '../ui/labels';

export interface NavItem {
  to: string;
  label: string;
}

/** The frame of every page: who is signed in, the role's pages, and signing out. */
export function AppShell(props: { nav: NavItem[]; children: ReactNode }) {
  const { me, signOut } = useSession();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Naar de inhoud
      </a>
      <header className="top-bar">
        <span className="brand">matchpunt</span>
        <nav aria-label="Hoofdmenu">
          <ul>
            {props.nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who" data-testid="who">
          <span>{me.organisation.name}</span>
          <span className="role">{label(ROLE_LABELS, me.role)}</span>
          <button type="button" onClick={signOut}>
            Afmelden
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}

import type { ReactElement } from 'react';
import { Navigate, Route, Routes } from 'react-router';

import { UnitCsvImport } from './corporation/UnitCsvImport';
import { UnitForm } from './corporation/UnitForm';
import { UnitList } from './corporation/UnitList';
import { AppShell, type NavItem } from './layout/AppShell';
import { ManualProposal } from './matcher/ManualProposal';
import { MatchingRuns } from './matcher/MatchingRuns';
import { ProposalPage } from './matcher/ProposalPage';
import { ProposalQueue } from './matcher/ProposalQueue';
import { PartyProposals } from './party/PartyProposals';
import { ClientForm } from './provider/ClientForm';
import { ClientList } from './provider/ClientList';
import { Checkins } from './provider/Checkins';
import { Coverage } from './provider/Coverage';
import { type Role, useSession } from './session/session';
import { ReportOverviewPage } from './viewer/ReportOverview';

interface Page {
  path: string;
  element: ReactElement;
  /** In the main menu under this name; pages without one are reached through links. */
  nav?: string;
}

/** The pages of each role; a new page is one more entry here. */
export const PAGES: Record<Role, Page[]> = {
  matcher: [
    { path: '/voorstellen', element: <ProposalQueue />, nav: 'Voorstellen' },
    { path: '/voorstellen/nieuw', element: <ManualProposal /> },
    { path: '/voorstellen/:id', element: <ProposalPage /> },
    { path: '/rondes', element: <MatchingRuns />, nav: 'Matchingsrondes' },
    { path: '/overzicht', element: <ReportOverviewPage />, nav: 'Overzicht' },
  ],
  corporation: [
    { path: '/woningen', element: <UnitList />, nav: 'Woningen' },
    { path: '/woningen/import', element: <UnitCsvImport /> },
    { path: '/woningen/nieuw', element: <UnitForm /> },
    { path: '/woningen/:id', element: <UnitForm /> },
    { path: '/voordrachten', element: <PartyProposals party="corporation" />, nav: 'Voordrachten' },
  ],
  provider: [
    { path: '/clienten', element: <ClientList />, nav: 'Cliënten' },
    { path: '/clienten/nieuw', element: <ClientForm /> },
    { path: '/clienten/:id', element: <ClientForm /> },
    { path: '/voordrachten', element: <PartyProposals party="provider" />, nav: 'Voordrachten' },
    { path: '/dekking', element: <Coverage />, nav: 'Dekking' },
    { path: '/nazorg', element: <Checkins />, nav: 'Nazorg' },
  ],
  viewer: [{ path: '/overzicht', element: <ReportOverviewPage />, nav: 'Overzicht' }],
  admin: [],
};

export function App() {
  const { me } = useSession();
  const pages = PAGES[me.role];
  const nav: NavItem[] = pages.flatMap((page) =>
    page.nav ? [{ to: page.path, label: page.nav }] : [],
  );
  const home = nav[0]?.to;
  return (
    <AppShell nav={nav}>
      <Routes>
        {pages.map((page) => (
          <Route key={page.path} path={page.path} element={page.element} />
        ))}
        <Route
          path="*"
          element={
            home ? (
              <Navigate to={home} replace />
            ) : (
              <p>
                Voor de rol {me.role} heeft de console nog geen pagina's; gebruik de API (
                <a href="/docs/">/docs</a>).
              </p>
            )
          }
        />
      </Routes>
    </AppShell>
  );
}

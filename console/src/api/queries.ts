import { useQuery } from '@tanstack/react-query';

import { useSession } from '../session/session';
import { allPages, must, type Schemas } from './client';

export type Unit = Schemas['Unit'];
export type Client = Schemas['Client'];
export type ProposalView = Schemas['ProposalView'];
export type MatcherProposal = Schemas['Proposal'];
/** A matcher's proposal in a list: without the hard rules' results (the single read has them). */
export type MatcherProposalListItem = Schemas['ProposalListItem'];
export type Municipality = Schemas['Municipality'];

const REFERENCE_STALE_MS = 10 * 60_000;

/** The region's municipalities by code (names for codes everywhere). */
export function useMunicipalities() {
  const { api, me } = useSession();
  const regionCode = me.organisation.regionCode ?? undefined;
  return useQuery({
    queryKey: ['municipalities', regionCode],
    staleTime: REFERENCE_STALE_MS,
    queryFn: async () => {
      // One answer with every municipality of the region (no paging).
      const { items } = must(
        await api.GET('/api/v1/municipalities', { params: { query: { regionCode } } }),
      );
      return new Map(items.map((municipality) => [municipality.code, municipality]));
    },
  });
}

export function municipalityName(
  municipalities: Map<string, Municipality> | undefined,
  code: string,
): string {
  return municipalities?.get(code)?.name ?? code;
}

export function useReasons() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['reasons'],
    staleTime: REFERENCE_STALE_MS,
    queryFn: async () => must(await api.GET('/api/v1/reference/reasons')),
  });
}

/** Every unit the signed-in organisation may see (a corporation: its own; a matcher: its area). */
export function useAllUnits() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['units', 'all'],
    queryFn: async () => {
      const items = await allPages(async (cursor) =>
        must(await api.GET('/api/v1/units', { params: { query: { limit: 500, cursor } } })),
      );
      return items;
    },
  });
}

/** Every client the signed-in organisation may see (a provider: its own; a matcher: its area). */
export function useAllClients() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['clients', 'all'],
    queryFn: async () =>
      allPages(async (cursor) =>
        must(await api.GET('/api/v1/clients', { params: { query: { limit: 500, cursor } } })),
      ),
  });
}

export function byId<T extends { id: string }>(items: T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((item) => [item.id, item]));
}

export function useUnit(id: string | undefined) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['unit', id],
    enabled: id !== undefined,
    queryFn: async () =>
      must(await api.GET('/api/v1/units/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useClient(id: string | undefined) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['client', id],
    enabled: id !== undefined,
    queryFn: async () =>
      must(await api.GET('/api/v1/clients/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** "Ifmatch" header for a step on a version the user saw. */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

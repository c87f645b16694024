import { type Api, must, type Schemas } from '../api/client';
import { ifMatch } from '../api/queries';
import type { ReasonInput } from './ReasonForm';

export type Step = 'approve' | 'reject' | 'accept' | 'decline' | 'cancel' | 'placement';

/**
 * Takes a workflow step on the version the user saw (`If-Match`): a stale page gets 412 rather
 * than overruling a decision it has not seen.
 */
export async function takeStep(
  api: Api,
  proposal: { id: string; version: number },
  step: Step,
  body?: ReasonInput | { leaseStart: string },
): Promise<Schemas['ProposalView']> {
  // One call for every step: the paths differ only in the step's name.
  const path = `/api/v1/proposals/{id}/${step}` as '/api/v1/proposals/{id}/reject';
  return must<Schemas['ProposalView']>(
    await api.POST(path, {
      params: { path: { id: proposal.id } },
      headers: ifMatch(proposal.version),
      body: (body ?? {}) as { reason: 'other' },
    }),
  );
}

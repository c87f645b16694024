import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderSignedIn } from '../../test/render';
import { ProposalQueue, queueOrder } from './ProposalQueue';

const unit = (id: string, municipalityCode: string, type: string, street: string) => ({
  id,
  externalRef: `U-${id}`,
  type,
  status: 'proposed',
  address: { street, houseNumber: '1', postcode: '5911 AB', municipalityCode },
});
const client = (id: string, targetGroup: string) => ({ id, externalRef: `C-${id}`, targetGroup });
const proposal = (
  id: string,
  unitId: string,
  clientId: string,
  deadline: string | null,
  createdAt: string,
) => ({
  id,
  unitId,
  clientId,
  deadline,
  createdAt,
  score: 0.5,
  status: 'proposed',
  awaitingSecondMatcher: false,
});

describe('queueOrder', () => {
  it('puts the nearest deadline first, no deadline last, and the oldest first among equals', () => {
    const items = [
      { id: 'none-new', deadline: null, createdAt: '2026-03-02' },
      { id: 'late', deadline: '2026-05-01', createdAt: '2026-01-01' },
      { id: 'none-old', deadline: null, createdAt: '2026-03-01' },
      { id: 'soon-new', deadline: '2026-04-01', createdAt: '2026-02-02' },
      { id: 'soon-old', deadline: '2026-04-01', createdAt: '2026-02-01' },
    ];
    expect([...items].sort(queueOrder).map((item) => item.id)).toEqual([
      'soon-old',
      'soon-new',
      'late',
      'none-old',
      'none-new',
    ]);
  });
});

describe('ProposalQueue', () => {
  const answers = {
    'GET /api/v1/proposals': {
      body: {
        items: [
          proposal('p1', 'u1', 'c1', null, '2026-01-01T00:00:00Z'),
          proposal('p2', 'u2', 'c2', '2026-02-01', '2026-01-05T00:00:00Z'),
          proposal('p3', 'u3', 'c3', null, '2026-01-02T00:00:00Z'),
        ],
        nextCursor: null,
      },
    },
    'GET /api/v1/units': {
      body: {
        items: [
          unit('u1', 'GM0001', 'contingent', 'Kerkstraat'),
          unit('u2', 'GM0002', 'omklap', 'Markt'),
          unit('u3', 'GM0001', 'skaeve_huis', 'Veld'),
        ],
        nextCursor: null,
      },
    },
    'GET /api/v1/clients': {
      body: {
        items: [client('c1', 'bw'), client('c2', 'vo'), client('c3', 'mo')],
        nextCursor: null,
      },
    },
    'GET /api/v1/municipalities': {
      body: {
        items: [
          { code: 'GM0001', name: 'Venlo' },
          { code: 'GM0002', name: 'Venray' },
        ],
        nextCursor: null,
      },
    },
  };

  const streets = () =>
    within(screen.getByTestId('proposal-queue'))
      .getAllByRole('link')
      .map((link) => link.textContent);

  it('lists the proposals by deadline, then age, and filters by municipality, unit type and target group', async () => {
    renderSignedIn(<ProposalQueue />, answers);
    await screen.findByTestId('proposal-queue');
    expect(streets()).toEqual(['Markt 1', 'Kerkstraat 1', 'Veld 1']);

    await userEvent.selectOptions(screen.getByLabelText('Gemeente'), 'Venlo');
    expect(streets()).toEqual(['Kerkstraat 1', 'Veld 1']);
    await userEvent.selectOptions(screen.getByLabelText('Woningtype'), 'Skaeve Huse');
    expect(streets()).toEqual(['Veld 1']);
    await userEvent.selectOptions(screen.getByLabelText('Doelgroep'), 'Beschermd wonen');
    expect(screen.queryByTestId('proposal-queue')).toBeNull();
    expect(screen.getByText('Geen voorstellen met deze filters.')).toBeTruthy();
  });

  it('says so when nothing waits', async () => {
    renderSignedIn(<ProposalQueue />, {
      ...answers,
      'GET /api/v1/proposals': { body: { items: [], nextCursor: null } },
    });
    expect(await screen.findByText('Er wachten geen voorstellen op beoordeling.')).toBeTruthy();
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderSignedIn } from '../../test/render';
import { ApiProblem } from '../api/client';
import { ReasonForm } from './ReasonForm';

const reasons = {
  'GET /api/v1/reference/reasons': {
    body: {
      matcher: [
        { code: 'better_alternative', description: 'A better pair is available.' },
        { code: 'other', description: 'Another reason, given in a short note.' },
      ],
      corporation: [],
      provider: [],
      system: [],
    },
  },
};

describe('ReasonForm', () => {
  it("asks a note only for 'other', and sends it with the reason", async () => {
    const sent: unknown[] = [];
    renderSignedIn(
      <ReasonForm
        party="matcher"
        submitLabel="Afwijzen"
        problem={null}
        busy={false}
        onSubmit={(input) => sent.push(input)}
      />,
      reasons,
    );
    const reason = await screen.findByLabelText('Reden');
    await screen.findByRole('option', { name: 'Er is een betere combinatie' });
    await userEvent.selectOptions(reason, 'better_alternative');
    expect(screen.queryByLabelText('Toelichting')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Afwijzen' }));
    await userEvent.selectOptions(reason, 'other');
    await userEvent.type(screen.getByLabelText('Toelichting'), 'Dubbel voorstel');
    await userEvent.click(screen.getByRole('button', { name: 'Afwijzen' }));
    expect(sent).toEqual([
      { reason: 'better_alternative' },
      { reason: 'other', note: 'Dubbel voorstel' },
    ]);
  });

  it('shows the API’s message next to the field it names', async () => {
    const problem = new ApiProblem(422, {
      code: 'validation_failed',
      detail: 'The body is invalid.',
      errors: [{ path: 'note', message: 'Reason other needs a note.' }],
    });
    renderSignedIn(
      <ReasonForm
        party="matcher"
        submitLabel="Afwijzen"
        problem={problem}
        busy={false}
        onSubmit={() => undefined}
      />,
      reasons,
    );
    await screen.findByRole('option', { name: 'Andere reden (toelichting verplicht)' });
    await userEvent.selectOptions(screen.getByLabelText('Reden'), 'other');
    const note = screen.getByLabelText('Toelichting');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (note.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain('Reason other needs a note.');
    expect(screen.getByLabelText('Reden').getAttribute('aria-invalid')).toBe('false');
  });
});

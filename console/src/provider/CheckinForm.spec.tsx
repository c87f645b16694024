import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiProblem } from '../api/client';
import { type CheckinInput, CheckinForm, validateCheckin } from './CheckinForm';

const TODAY = '2026-11-30';

function renderForm(problem: ApiProblem | null = null) {
  const sent: CheckinInput[] = [];
  render(
    <CheckinForm
      label="Nazorg C-1"
      today={TODAY}
      busy={false}
      problem={problem}
      onSubmit={(input) => sent.push(input)}
    />,
  );
  return sent;
}

describe('CheckinForm', () => {
  it('sends nothing until yes or no is chosen, and marks the choice', async () => {
    const sent = renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(sent).toEqual([]);
    const group = screen.getByRole('group', { name: 'Stabiel gehuisvest' });
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Kies ja of nee.').getAttribute('data-field')).toBe('stablyHoused');

    await userEvent.click(screen.getByLabelText('Nee'));
    await userEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(sent).toEqual([{ date: TODAY, stablyHoused: false }]);
  });

  it('refuses a date in the future or none, next to the date field', async () => {
    const sent = renderForm();
    await userEvent.click(screen.getByLabelText('Ja'));
    const date = screen.getByLabelText('Datum gesprek');
    await userEvent.clear(date);
    await userEvent.type(date, '2026-12-01');
    await userEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(sent).toEqual([]);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('De datum ligt in de toekomst.')).toBeTruthy();
    expect(validateCheckin({ date: '', stablyHoused: true }, TODAY)?.errors).toEqual([
      { path: 'date', message: 'Vul de datum van het gesprek in.' },
    ]);
    expect(validateCheckin({ date: TODAY, stablyHoused: true }, TODAY)).toBeNull();
  });

  it("shows the API's message next to the field it names", () => {
    renderForm(
      new ApiProblem(422, {
        code: 'validation_failed',
        detail: 'The request is invalid.',
        errors: [{ path: 'date', message: 'must be on or after the lease start' }],
      }),
    );
    const date = screen.getByLabelText('Datum gesprek');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText('must be on or after the lease start');
    expect(date.getAttribute('aria-describedby')).toContain(message.id);
  });
});

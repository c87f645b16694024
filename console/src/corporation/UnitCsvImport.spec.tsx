import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderSignedIn } from '../../test/render';
import { refusedRows, UnitCsvImport } from './UnitCsvImport';

describe('refusedRows', () => {
  it('groups the problems by line and column, in line order, leaving out the rest', () => {
    expect(
      refusedRows([
        { path: 'lines[4].type', message: 'unknown type' },
        { path: 'lines[3].rent', message: 'not a number' },
        { path: 'lines[3].postcode', message: 'not a postcode' },
        { path: 'lines[7]', message: 'too long' },
        { path: 'columns', message: 'too many' },
      ]),
    ).toEqual([
      {
        line: 3,
        problems: [
          { column: 'rent', message: 'not a number' },
          { column: 'postcode', message: 'not a postcode' },
        ],
      },
      { line: 4, problems: [{ column: 'type', message: 'unknown type' }] },
      { line: 7, problems: [{ column: '(regel)', message: 'too long' }] },
    ]);
  });
});

describe('UnitCsvImport', () => {
  it('sends the file as text/csv and shows every refused row', async () => {
    const { requests } = renderSignedIn(<UnitCsvImport />, {
      'POST /api/v1/units/import': {
        status: 422,
        body: {
          code: 'validation_failed',
          detail: 'Some rows are invalid.',
          errors: [{ path: 'lines[2].rent', message: 'Expected a number.' }],
        },
      },
    });
    const file = new File(['externalRef,rent\nX,duur\n'], 'woningen.csv', { type: 'text/csv' });
    await userEvent.upload(await screen.findByLabelText('CSV-bestand'), file);
    await userEvent.click(screen.getByRole('button', { name: 'Importeren' }));
    const refused = await screen.findByTestId('import-refused');
    expect(within(refused).getByText('Expected a number.')).toBeTruthy();
    const upload = requests.find((r) => r.path === '/api/v1/units/import');
    expect(upload?.headers.get('Content-Type')).toBe('text/csv');
    expect(upload?.body).toBe('externalRef,rent\nX,duur\n');
  });
});

import { render, screen } from '@testing-library/react';

import { BarChart } from './ReportOverview';
import { exactCount, ReportCell } from './ReportCell';

describe('ReportCell', () => {
  it('shows a count Dutch-style, a share as a percentage, a year as it is and an empty cell as a dash', () => {
    const { container } = render(
      <table>
        <tbody>
          <tr>
            <td data-testid="count">
              <ReportCell value={1234} />
            </td>
            <td data-testid="share">
              <ReportCell value={0.75} as="share" />
            </td>
            <td data-testid="empty">
              <ReportCell value={null} />
            </td>
            <td data-testid="year">
              <ReportCell value={2026} as="plain" />
            </td>
          </tr>
        </tbody>
      </table>,
    );
    expect(screen.getByTestId('count').textContent).toBe('1.234');
    expect(screen.getByTestId('share').textContent).toBe('75%');
    expect(screen.getByTestId('empty').textContent).toBe('—');
    expect(screen.getByTestId('year').textContent).toBe('2026');
    expect(container.querySelector('abbr')).toBeNull();
  });

  it('shows a protected count as it came, and says what it means', () => {
    render(
      <p>
        <span data-testid="small">
          <ReportCell value="<5" />
        </span>
        <span data-testid="hidden">
          <ReportCell value="x" />
        </span>
      </p>,
    );
    const small = screen.getByTestId('small').querySelector('abbr');
    expect(small?.firstChild?.textContent).toBe('<5');
    expect(small?.getAttribute('title')).toBe('minder dan 5 (klein aantal, afgeschermd)');
    expect(small?.textContent).toContain('minder dan 5');
    const hidden = screen.getByTestId('hidden').querySelector('abbr');
    expect(hidden?.firstChild?.textContent).toBe('x');
    expect(hidden?.getAttribute('title')).toContain('niet te herleiden');
    expect(exactCount('<5')).toBeNull();
    expect(exactCount('x')).toBeNull();
    expect(exactCount(7)).toBe(7);
  });

  it('draws no bar for a protected count in a chart, only its sign', () => {
    const { container } = render(
      <BarChart
        title="Uitstroom"
        column="total"
        rows={[
          { targetGroup: 'bw', total: 10 },
          { targetGroup: 'mo', total: '<5' },
          { targetGroup: 'vo', total: 5 },
        ]}
      />,
    );
    const groups = [...container.querySelectorAll('svg g')];
    expect(groups.map((g) => g.querySelectorAll('rect').length)).toEqual([2, 1, 2]);
    expect(groups.map((g) => g.querySelectorAll('rect')[1]?.getAttribute('width'))).toEqual([
      '200',
      undefined,
      '100',
    ]);
    expect(groups[1]?.textContent).toContain('<5');
  });
});

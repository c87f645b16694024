import { formatCount, formatScore } from '../ui/format';

const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/**
 * One figure of a report. For a gemeente the API hides small counts: `<5` (fewer than the
 * threshold, zero included) and `x` (hidden so that a small count cannot be worked out); those
 * are shown as they came, with what they mean for a screen reader (hidden text) and on hover.
 */
export function ReportCell(props: {
  value: number | string | null | undefined;
  /** `share`: a fraction shown as a percentage; `plain`: a number as it is (a year). */
  as?: 'share' | 'plain';
}) {
  const { value } = props;
  if (value === null || value === undefined) return <>—</>;
  if (typeof value === 'number') {
    if (props.as === 'share') return <>{percent.format(value)}</>;
    if (props.as === 'plain') return <>{value}</>;
    return <>{Number.isInteger(value) ? formatCount(value) : formatScore(value)}</>;
  }
  if (value.startsWith('<')) {
    const meaning = `minder dan ${value.slice(1)} (klein aantal, afgeschermd)`;
    return (
      <abbr className="protected" title={meaning}>
        {value}
        <span className="visually-hidden"> ({meaning})</span>
      </abbr>
    );
  }
  if (value === 'x') {
    const meaning = 'verborgen, zodat een klein aantal niet te herleiden is';
    return (
      <abbr className="protected" title={meaning}>
        x<span className="visually-hidden"> ({meaning})</span>
      </abbr>
    );
  }
  return <>{value}</>;
}

/** The number of a figure, or null when it is hidden or empty (no bar for it). */
export function exactCount(value: number | string | null | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

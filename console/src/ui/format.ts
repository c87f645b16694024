const decimal = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatScore = (value: number) => decimal.format(value);
export const formatEuro = (value: number) => euro.format(value);
export const formatCount = (value: number) => whole.format(value);
/** A `YYYY-MM-DD` date or an ISO timestamp, as a Dutch date. */
export const formatDate = (value: string | null | undefined) =>
  value ? dateFormat.format(new Date(value.length === 10 ? `${value}T12:00:00` : value)) : '—';
export const formatTime = (value: string | null | undefined) =>
  value ? timeFormat.format(new Date(value)) : '—';
export const formatSigned = (value: number, format: (n: number) => string = formatCount) =>
  `${value > 0 ? '+' : ''}${format(value)}`;

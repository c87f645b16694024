/**
 * An organisation's own reference for a unit or a client (`externalRef`) must be opaque: a case
 * number, not something that points to a person. Names, birth dates, BSNs and diagnoses have been
 * sent as references; these rules refuse the forms they take (docs/privacy.md, "References").
 * They cannot recognise every name, which is why a reference must also carry a number.
 */

const SEPARATOR = '[._/-]';

/** Words that announce personal data: "geb." (geboren), BSN, diagnosis. Case-insensitive. */
const MARKER_WORDS =
  /(?<![A-Za-z])(geb|geboren|geboortedatum|born|dob|bsn|sofi|diagnose|diagnosis|dx|dsm|icd)(?![A-Za-z])/i;

/** Lower-case Dutch name particles as their own part: `Jan.de.Vries`. */
const NAME_PARTICLES = /(?:^|[._/-])(van|de|der|den|ter|ten|het)(?=[._/-]|$)/;

/**
 * ICD-10 codes with a subcategory (`F20.0`, `Z59.0`), and the mental and behavioural chapter
 * (`F00`–`F99`) on its own: the diagnoses of this service's clients.
 */
const DIAGNOSIS_CODES = [
  /(?<![A-Za-z0-9])[A-Za-z]\d{2}\.\d{1,2}(?!\d)/,
  /(?<![A-Za-z0-9])[Ff]\d{2}(?![A-Za-z0-9])/,
];

const isDay = (value: number) => value >= 1 && value <= 31;
const isMonth = (value: number) => value >= 1 && value <= 12;
const isBirthYear = (value: number) => value >= 1900 && value <= 2099;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `14-03-1985`, `14.3.85`, `1985-03-14`, `19850314`, `14031985`. */
export function containsDate(value: string): boolean {
  const dayFirst = new RegExp(
    `(?<!\\d)(\\d{1,2})${SEPARATOR}(\\d{1,2})${SEPARATOR}(\\d{4}|\\d{2})(?!\\d)`,
    'g',
  );
  for (const [, day, month] of value.matchAll(dayFirst)) {
    if (isDay(Number(day)) && isMonth(Number(month))) return true;
  }
  const yearFirst = new RegExp(
    `(?<!\\d)(\\d{4})${SEPARATOR}(\\d{1,2})${SEPARATOR}(\\d{1,2})(?!\\d)`,
    'g',
  );
  for (const [, year, month, day] of value.matchAll(yearFirst)) {
    if (isBirthYear(Number(year)) && isMonth(Number(month)) && isDay(Number(day))) return true;
  }
  for (const [run] of value.matchAll(/(?<!\d)\d{8}(?!\d)/g)) {
    const [a, b, c] = [run.slice(0, 2), run.slice(2, 4), run.slice(4)].map(Number) as [
      number,
      number,
      number,
    ];
    if (isBirthYear(c) && isCalendarDate(c, b, a)) return true;
    const [year, month, day] = [run.slice(0, 4), run.slice(4, 6), run.slice(6)].map(Number) as [
      number,
      number,
      number,
    ];
    if (isBirthYear(year) && isCalendarDate(year, month, day)) return true;
  }
  return false;
}

/** The elfproef a BSN passes; an eight-digit BSN (issued before 2007) has a leading zero dropped. */
function passesElfproef(digits: string): boolean {
  const nine = digits.padStart(9, '0');
  const values = Array.from(nine, Number);
  const sum = values.slice(0, 8).reduce((total, digit, i) => total + digit * (9 - i), 0);
  return sum > 0 && (sum - (values[8] ?? 0)) % 11 === 0;
}

/**
 * Eight or nine digits that pass the elfproef, written together or in groups (`123456782`,
 * `1234.56.782`, `123-456-782`, `12345678`): a BSN, whatever the sender meant by it.
 */
export function containsBsn(value: string): boolean {
  for (const [chain] of value.matchAll(/(?<!\d)\d+(?:[ ._/-]\d+)*(?!\d)/g)) {
    const groups = chain.split(/[ ._/-]/);
    for (let start = 0; start < groups.length; start++) {
      let digits = '';
      for (let end = start; end < groups.length && digits.length < 9; end++) {
        digits += groups[end] ?? '';
        if ((digits.length === 8 || digits.length === 9) && passesElfproef(digits)) return true;
      }
    }
  }
  return false;
}

/** Why `value` is not an opaque reference, or undefined when it is one. */
export function identifyingPart(value: string): string | undefined {
  if (!/\d/.test(value)) return 'a reference needs a number: use your case number, never a name';
  if (MARKER_WORDS.test(value)) return 'names a birth date, BSN or diagnosis; use your case number';
  if (NAME_PARTICLES.test(value)) return 'looks like a name; use your case number';
  if (containsDate(value)) return 'looks like a date; use your case number, never a birth date';
  if (containsBsn(value)) return 'looks like a BSN; use your case number, never a BSN';
  if (DIAGNOSIS_CODES.some((pattern) => pattern.test(value))) {
    return 'looks like a diagnosis code; use your case number';
  }
  return undefined;
}

import { label, RULE_LABELS } from '../ui/labels';

export interface RuleResult {
  code: string;
  message: string;
  passed: boolean;
}

/** Every hard rule of a pair: passed (✓) or failed (✗), failures first. */
export function HardRules(props: { rules: RuleResult[]; title?: string }) {
  const rules = [...props.rules].sort((a, b) => Number(a.passed) - Number(b.passed));
  const failed = rules.filter((rule) => !rule.passed).length;
  return (
    <section className="hard-rules" aria-label={props.title ?? 'Harde regels'}>
      <h3>{props.title ?? 'Harde regels'}</h3>
      <p>
        {failed === 0
          ? `Alle ${rules.length} harde regels zijn voldaan.`
          : `${failed} van de ${rules.length} harde regels zijn niet voldaan.`}
      </p>
      <ul>
        {rules.map((rule) => (
          <li key={rule.code} className={rule.passed ? 'passed' : 'failed'} data-rule={rule.code}>
            <span aria-hidden="true">{rule.passed ? '✓' : '✗'}</span>{' '}
            <span className="visually-hidden">{rule.passed ? 'voldaan:' : 'niet voldaan:'}</span>{' '}
            {label(RULE_LABELS, rule.code)}
          </li>
        ))}
      </ul>
    </section>
  );
}

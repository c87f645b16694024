import { CRITERIA, CRITERION_LABELS, type Criterion } from '../ui/labels';
import { formatScore } from '../ui/format';

/** The score of a pair, and a bar per criterion (every criterion scores 0–1, higher is better). */
export function ScoreBreakdown(props: {
  breakdown: Record<Criterion, number>;
  score: number;
  caption?: string;
}) {
  return (
    <table className="score-breakdown" data-testid="score-breakdown">
      <caption>
        {props.caption ?? 'Score'}: <strong>{formatScore(props.score)}</strong>
      </caption>
      <thead>
        <tr>
          <th scope="col">Criterium</th>
          <th scope="col">Score (0–1)</th>
        </tr>
      </thead>
      <tbody>
        {CRITERIA.map((criterion) => {
          const value = props.breakdown[criterion];
          return (
            <tr key={criterion} data-criterion={criterion}>
              <th scope="row">{CRITERION_LABELS[criterion]}</th>
              <td>
                <span className="bar" aria-hidden="true">
                  <span
                    className="bar-fill"
                    style={{ width: `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%` }}
                  />
                </span>
                <span className="bar-value">{formatScore(value)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

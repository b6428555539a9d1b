import { describe, expect, it } from 'vitest';
import { verdictSentence } from '../../sim-core/cli/compare-report.ts';
import type { Difference, MetricComparison } from '../../sim-core/run/compare.ts';

function metric(id: string, unit: MetricComparison['unit'], metricName: string, scope: MetricComparison['scope'] = 'overall', name?: string): MetricComparison {
  return { id, unit, metric: metricName, scope, name, values: [], differences: [] };
}
const diff = (mean: number, halfWidth: number, verdict: Difference['verdict']): Difference =>
  ({ scenario: 1, mean, halfWidth, unpairedHalfWidth: 2 * halfWidth, pairs: 5, verdict, significant: verdict === 'lower' || verdict === 'higher' });

describe('verdict sentences', () => {
  it('reads like the issue asks: size ± half-width, direction, significance', () => {
    expect(verdictSentence(metric('overall.latency.p99', 'ms', 'latency.p99'), diff(-240, 30, 'lower'), 'B')).toBe("B's overall p99 is 240 ms ± 30 ms lower: significant");
    expect(verdictSentence(metric('endpoints.transfer.latency.mean', 'ms', 'latency.mean', 'endpoint', 'transfer'), diff(1.29, 0.18, 'higher'), 'C'))
      .toBe("C's transfer mean latency is 1.29 ms ± 0.18 ms higher: significant");
    expect(verdictSentence(metric('cost.monthly', 'usd', 'monthly', 'cost'), diff(12, 40, 'noDifference'), 'B')).toBe('no significant difference in monthly cost (B − A: +$12.00 ± $40.00)');
    expect(verdictSentence(metric('cost.monthly', 'usd', 'monthly', 'cost'), diff(-1234.5, 56.78, 'lower'), 'B')).toBe("B's monthly cost is $1,234.50 ± $56.78 lower: significant");
    expect(verdictSentence(metric('overall.sloShare', 'ratio', 'sloShare'), diff(-0.0009, 0.0013, 'noDifference'), 'B'))
      .toBe('no significant difference in overall share within SLO (B − A: -0.09 pp ± 0.13 pp)');
    expect(verdictSentence(metric('overall.errorRate', 'ratio', 'errorRate'), diff(0, 0, 'identical'), 'B')).toBe('overall error rate: identical in every replication');
    expect(verdictSentence(metric('overall.throughput', 'perSecond', 'throughput'), { ...diff(1, NaN, 'undetermined'), pairs: 1 }, 'B'))
      .toBe('overall throughput: cannot tell with 1 paired replication holding a value');
  });

  it('a difference that is the same in every pair (a fixed bill) is stated exactly, without ± 0', () => {
    expect(verdictSentence(metric('cost.monthly', 'usd', 'monthly', 'cost'), diff(70.08, 0, 'higher'), 'B')).toBe("B's monthly cost is $70.08 higher in every replication");
  });
});

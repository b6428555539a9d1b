import { describe, expect, it } from 'vitest';
import { assumptionLedger } from '../../sim-core/case-study/assumption-ledger.ts';

const FILE = `archsim: 1
name: t                       # source: "a single Node.js application server"
components:
  # assumption: one app server; the text names
  #   no count beyond "single"
  app:
    kind: service
    replicas: 1               # source: "built on a single Node.js
                              #   application server"
    operations:
      read: { cpu: lognormal(p50=1ms, p99=9ms) }   # assumption: CPU per read, calibrated
    # a plain comment, not a tag
    workers: 4                # assumption: "#" inside quotes is text
  note: "has # inside"        # source: "x"
`;

describe('assumption ledger', () => {
  const ledger = assumptionLedger(FILE);

  it('finds every tag with the path and value of its line', () => {
    expect(ledger.map((e) => [e.kind, e.path, e.value, e.line])).toEqual([
      ['source', 'name', 't', 2],
      ['assumption', 'components.app', '', 4],
      ['source', 'components.app.replicas', '1', 8],
      ['assumption', 'components.app.operations.read', '{ cpu: lognormal(p50=1ms, p99=9ms) }', 11],
      ['assumption', 'components.app.workers', '4', 13],
      ['source', 'components.note', '"has # inside"', 14],
    ]);
  });

  it('joins continuation lines that start in the same column', () => {
    expect(ledger[1].text).toBe('one app server; the text names no count beyond "single"');
    expect(ledger[2].text).toBe('"built on a single Node.js application server"');
  });

  it('ignores comments without a tag', () => {
    expect(ledger.some((e) => e.text.includes('plain comment'))).toBe(false);
  });
});

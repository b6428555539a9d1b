import { describe, expect, it } from 'vitest';
import { describeExample } from '../../renderer/library/describe-example.ts';

describe('describeExample', () => {
  it('takes the title, the first comment paragraph and the counts', () => {
    const text = '# A bank.\n# Two lines.\n#\n# More.\narchsim: 1\nname: Bank\nworkload: { users: 50000 }\ncomponents: { a: {}, b: {} }\n';
    const e = describeExample('bank.yaml', text);
    expect(e).toMatchObject({ id: 'bank', title: 'Bank', summary: 'A bank. Two lines.', components: 2, workload: '50,000 users' });
  });

  it('tolerates a file that does not parse', () => {
    const e = describeExample('x.yaml', '# Broken\na: [\n');
    expect(e).toMatchObject({ id: 'x', title: 'x', summary: 'Broken', components: 0, workload: '' });
  });
});

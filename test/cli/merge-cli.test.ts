import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archsim, withoutWallSeconds, writeMmc } from './study-cli-helpers.ts';

/** A study of 2 points × 2 replications: tasks 0–3, dealt to 3 shards as {0, 3}, {1}, {2}. */
const STUDY = ['sweep', 'mmc.yaml', '--vary', 'workload.arrivals=60/s..120/s:2', '--replications', '2', '--workers', '1'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archsim-merge-'));
  writeMmc(dir, 'mmc.yaml', { workers: 2 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('archsim sweep --shard and archsim merge', () => {
  it('seed 7: merging the shards prints and writes what the unsharded sweep does, wall time aside', () => {
    const whole = archsim(dir, ...STUDY, '--json', 'whole.json');
    expect(whole.status).toBe(0);
    for (const i of [1, 2, 3]) {
      const shard = archsim(dir, ...STUDY, '--shard', `${i}/3`, '--json', `out-${i}.json`);
      expect(shard.stderr).toBe('');
      expect(shard.status).toBe(0);
      expect(shard.stdout).toContain(`shard ${i}/3: ran ${i === 1 ? 2 : 1} of the study's 4 tasks`);
    }
    const merged = archsim(dir, 'merge', 'out-3.json', 'out-1.json', 'out-2.json', '--json', 'merged.json');
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
    expect(withoutWallSeconds(readFileSync(join(dir, 'merged.json'), 'utf8'))).toEqual(withoutWallSeconds(readFileSync(join(dir, 'whole.json'), 'utf8')));
    const wallLine = /^ {2}wall time .*$/m;
    expect(merged.stdout.replace(wallLine, '')).toBe(whole.stdout.replace(wallLine, ''));
  });

  it('names missing shards and refuses other studies and files that are not JSON, with exit 2', () => {
    const missing = archsim(dir, 'merge', 'out-1.json');
    expect(missing.stderr).toContain('archsim merge: missing shards 2–3 of 3: merge needs the file of every shard');
    const other = JSON.parse(readFileSync(join(dir, 'out-2.json'), 'utf8')) as { study: { scenario: { run: { seed: number } } } };
    other.study.scenario.run.seed = 8;
    writeFileSync(join(dir, 'other-2.json'), JSON.stringify(other));
    const mismatch = archsim(dir, 'merge', 'out-1.json', 'other-2.json', 'out-3.json');
    expect(mismatch.stderr).toContain('other-2.json is from a different study than out-1.json: the seed differs (7 vs 8)');
    writeFileSync(join(dir, 'broken.json'), '{ "kind": ');
    const broken = archsim(dir, 'merge', 'broken.json');
    expect(broken.stderr).toContain('broken.json is not JSON');
    for (const o of [missing, mismatch, broken]) {
      expect(o.status).toBe(2);
      expect(o.stderr).not.toContain('internal error');
    }
  });
});

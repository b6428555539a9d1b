import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../sim-core/cli/cli-io.ts';
import { main } from '../../sim-core/cli/main.ts';

/** An io that records what is printed; `failStdout` makes every stdout write throw. */
function recordingIo(env: Record<string, string> = {}, failStdout = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => {
      if (failStdout) throw new Error('stdout exploded');
      out.push(t);
    },
    stderr: (t) => void err.push(t),
    stderrIsTTY: false,
    env,
    now: () => 0,
  };
  return { io, out, err };
}

describe('main turns what a command throws into an exit code', () => {
  it('reports an unexpected exception as an internal error (exit 1) in one line, without a stack', async () => {
    const { io, err } = recordingIo({}, true);
    expect(await main(['--help'], io)).toBe(1);
    const text = err.join('');
    expect(text).toBe('archsim: internal error: stdout exploded — this is a bug, please report it with the scenario and command.\n');
  });

  it('adds the stack trace with ARCHSIM_DEBUG=1', async () => {
    const { io, err } = recordingIo({ ARCHSIM_DEBUG: '1' }, true);
    expect(await main(['--help'], io)).toBe(1);
    expect(err.join('')).toMatch(/\n\s+at /);
  });

  it('reports bad input with exit 2 and a hint, on stderr only', async () => {
    const { io, out, err } = recordingIo();
    expect(await main(['validate'], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toBe("archsim validate: missing <scenario> argument\nRun 'archsim validate --help' for usage.\n");
  });
});

import { readFileSync } from 'node:fs';
import { mergeShards, type ShardInput } from '../run/merge.ts';
import { BadInputError, EXIT_OK } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { describeFsError } from './fs-error.ts';
import { MERGE_HELP } from './help.ts';
import { helpHint, jsonTarget, parseFlags } from './parse-flags.ts';
import { stableJson } from './stable-json.ts';
import { formatSweepReport } from './sweep-report.ts';
import { assertWritable, writeFileAtomic } from './write-file-atomic.ts';

/** `archsim merge <shard files...> [--json FILE]`: the shards of one sweep → its result, as the unsharded sweep prints and writes it. */
export async function commandMerge(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('merge', args, {
    json: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(MERGE_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new BadInputError('archsim merge: missing the shard files (written by archsim sweep … --shard i/n --json FILE)', helpHint('merge'));
  const jsonFile = jsonTarget('merge', values.json, assertWritable);

  const inputs: ShardInput[] = positionals.map((name) => ({ name, data: readJson(name) }));
  const { result, errors } = mergeShards(inputs);
  if (!result) throw new BadInputError(errors.map((e) => `archsim merge: ${e}`).join('\n'));

  if (jsonFile === '-') io.stdout(stableJson(result));
  else if (jsonFile !== undefined) writeFileAtomic(jsonFile, stableJson(result));
  if (jsonFile !== '-' && !values.quiet) io.stdout(formatSweepReport(result));
  return EXIT_OK;
}

function readJson(name: string): unknown {
  let text: string;
  try {
    text = readFileSync(name, 'utf8');
  } catch (e) {
    throw new BadInputError(`archsim merge: cannot read '${name}': ${describeFsError(e)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new BadInputError(`archsim merge: ${name} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

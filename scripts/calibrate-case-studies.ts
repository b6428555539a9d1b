/**
 * Re-calibrates the case studies' "before" scenarios from the `calibration:` block of each
 * case-study.yaml (docs/decisions/0013): `archsim calibrate <before> --target … --free … --out
 * <before>`, in place, so the file's header records the fit. Slow (tens of simulations each).
 *
 *   npm run calibrate:case-studies [-- slug ...] [-- --max-evals N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseStudySchema } from '../sim-core/case-study/case-study-schema.ts';
import { readYamlFile } from '../sim-core/case-study/read-yaml-file.ts';
import { processIo } from '../sim-core/cli/cli-io.ts';
import { CASE_STUDIES_DIR } from '../sim-core/cli/command-replay.ts';
import { main } from '../sim-core/cli/main.ts';

const args = process.argv.slice(2);
const maxEvalsAt = args.indexOf('--max-evals');
const maxEvals = maxEvalsAt >= 0 ? args.splice(maxEvalsAt, 2)[1] : '30';
const slugs = args.length > 0 ? args : ['payfinity', 'payments-platform', 'fintech-edge', 'fintech-connect', 'fintechflow'];

for (const slug of slugs) {
  const dir = join(CASE_STUDIES_DIR, slug);
  const { value: study, errors } = readYamlFile(readFileSync(join(dir, 'case-study.yaml'), 'utf8'), caseStudySchema);
  if (!study) throw new Error(`${slug}: ${JSON.stringify(errors)}`);
  if (!study.calibration) {
    console.log(`${slug}: no calibration block; skipped`);
    continue;
  }
  const file = join(dir, study.scenarios[study.calibration.scenario]);
  const argv = ['calibrate', file, '--out', file, '--max-evals', maxEvals];
  for (const [path, value] of Object.entries(study.calibration.targets)) argv.push('--target', `${path}=${value}`);
  for (const pattern of study.calibration.free) argv.push('--free', pattern);
  console.log(`${slug}: archsim ${argv.join(' ')}`);
  const code = await main(argv, processIo());
  if (code !== 0) process.exit(code);
}

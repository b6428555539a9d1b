import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { planCost, type CostPlan } from '../cost/cost-plan.ts';
import { applyPriceOverrides, parsePriceList, type PriceList } from '../cost/price-list.ts';
import { formatPath, type Problem, type ScenarioError } from '../model/errors.ts';
import type { Scenario } from '../model/schema.ts';
import { locate } from '../model/source-map.ts';
import { protectDistributionText } from '../model/yaml-protect.ts';
import { BadInputError } from './cli-error.ts';
import { describeFsError } from './fs-error.ts';
import { formatScenarioErrors } from './scenario-errors.ts';

/** The price list used when a scenario names none (or gives only inline overrides). */
export const BUNDLED_PRICE_LIST = fileURLToPath(new URL('../../scenarios/prices/aws-us-east-1.yaml', import.meta.url));

/**
 * The Node side of the cost model: reads the price list a scenario names (`prices: file.yaml`,
 * relative to the scenario file) or the bundled one, applies inline overrides
 * (`prices: { m6i.large: $0.09/h }`) and resolves every component's price. The pure parts live
 * in sim-core/cost; this only reads files. Every problem is a BadInputError (exit 2) naming the
 * file, line and path — in the price list or in the scenario.
 */
export function loadCostPlan(scenarioFile: string, scenario: Pick<Scenario, 'prices' | 'components'> & Partial<Pick<Scenario, 'endpoints'>>): CostPlan {
  const listFile = typeof scenario.prices === 'string' ? resolve(dirname(scenarioFile), scenario.prices) : BUNDLED_PRICE_LIST;
  let list = readPriceList(listFile, typeof scenario.prices === 'string' ? scenario.prices : listFile);
  const problems: Problem[] = [];
  if (typeof scenario.prices === 'object') {
    const applied = applyPriceOverrides(list, scenario.prices);
    list = applied.list;
    problems.push(...applied.problems);
  }
  const { plan, problems: planProblems } = planCost(scenario.components, list, egressEntries(scenario.endpoints ?? {}));
  problems.push(...planProblems);
  if (problems.length > 0 || !plan) throw new BadInputError(formatScenarioErrors(scenarioFile, locateIn(scenarioFile, problems)).trimEnd());
  return plan;
}

/** The components endpoints with a `responseSize` enter through: they bill data out to users. */
function egressEntries(endpoints: Scenario['endpoints']): Set<string> {
  return new Set(Object.values(endpoints).filter((e) => e.responseSize !== undefined).map((e) => e.call.split('.')[0]));
}

/** Reads and checks a price list file; `shownAs` is the name its errors carry. */
export function readPriceList(file: string, shownAs: string): PriceList {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new BadInputError(`archsim: cannot read price list '${shownAs}': ${describeFsError(e)}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    throw new BadInputError(`${shownAs}${pos ? `:${pos.line}:${pos.col}` : ''}: ${e.message.split('\n')[0]}`);
  }
  const { list, problems } = parsePriceList(doc.toJS());
  if (problems.length > 0 || !list) {
    const errors = problems.map((p) => toError(p, locate(doc, lines, p.segments, p.atKey)));
    throw new BadInputError(formatScenarioErrors(shownAs, errors).trimEnd());
  }
  return list;
}

/** Problems found in a scenario after loading, with the line and column where the file has them. */
function locateIn(scenarioFile: string, problems: readonly Problem[]): ScenarioError[] {
  let doc: ReturnType<typeof parseDocument> | undefined;
  const lines = new LineCounter();
  try {
    doc = parseDocument(protectDistributionText(readFileSync(scenarioFile, 'utf8')), { lineCounter: lines });
  } catch {
    doc = undefined; // positions are a convenience: report the paths alone
  }
  return problems.map((p) => toError(p, doc && doc.errors.length === 0 ? locate(doc, lines, p.segments, p.atKey) : undefined));
}

function toError(p: Problem, pos: { line: number; column: number } | undefined): ScenarioError {
  const path = formatPath(p.segments);
  return pos ? { path, message: p.message, line: pos.line, column: pos.column } : { path, message: p.message };
}

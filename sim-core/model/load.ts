import { LineCounter, parseDocument, type Document } from 'yaml';
import type { CompiledModel } from './compiled.ts';
import { compile } from './compile.ts';
import { formatPath, parsePath, sortErrors, type PathSegment, type Problem, type ScenarioError } from './errors.ts';
import { applyOverrides } from './overrides.ts';
import { checkReferences } from './references.ts';
import type { Scenario } from './schema.ts';
import { locate } from './source-map.ts';
import { validateScenario } from './validate.ts';
import { protectDistributionText, restoreDistributionText } from './yaml-protect.ts';

export interface LoadOptions {
  /** Shown with syntax errors; not needed to tell YAML from JSON (JSON is read as YAML 1.2). */
  fileName?: string;
  /** `path=value` overrides (`--set`), applied before validation. */
  overrides?: readonly string[];
}

interface Source {
  doc: Document;
  lines: LineCounter;
  data: unknown;
  overridden: { segments: PathSegment[]; text: string }[];
}

/**
 * Text (YAML or JSON) → validated Scenario. Never throws: every problem is a ScenarioError
 * with its path and, where the file has it, its line and column; sorted by line.
 */
export function loadScenario(text: string, opts: LoadOptions = {}): { scenario?: Scenario; errors: ScenarioError[] } {
  const { source, errors } = readSource(text, opts);
  if (!source) return { errors };
  const { scenario, problems } = validateScenario(source.data);
  errors.push(...problems.map((p) => locateProblem(p, source)));
  if (problems.length > 0) {
    // References and call cycles are checked on the raw data too, so one run shows them all.
    errors.push(...checkReferences(source.data).map((p) => locateProblem(p, source)));
    return { errors: sortErrors(errors) };
  }
  return errors.length > 0 ? { errors: sortErrors(errors) } : { scenario, errors: [] };
}

/** Text → Scenario → CompiledModel, with the same error reporting for compile errors. */
export function loadModel(text: string, opts: LoadOptions = {}): { scenario?: Scenario; model?: CompiledModel; errors: ScenarioError[] } {
  const { source, errors } = readSource(text, opts);
  if (!source) return { errors };
  const { scenario, problems } = validateScenario(source.data);
  if (!scenario || problems.length > 0 || errors.length > 0) {
    errors.push(...problems.map((p) => locateProblem(p, source)));
    errors.push(...checkReferences(source.data).map((p) => locateProblem(p, source)));
    return { errors: sortErrors(errors) };
  }
  const { model, errors: compileErrors } = compile(scenario);
  const located = compileErrors.map((e) => {
    const segments = parsePath(e.path);
    return segments ? locateProblem({ segments, message: e.message }, source) : e;
  });
  if (!model || located.length > 0) return { scenario, errors: sortErrors(located) };
  return { scenario, model, errors: [] };
}

function readSource(text: string, opts: LoadOptions): { source?: Source; errors: ScenarioError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(protectDistributionText(text), { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const where = opts.fileName ? `${opts.fileName}: ` : '';
    return {
      errors: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        // yaml appends " at line L, column C:" and a code excerpt; we report those as fields.
        const message = `${where}${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
        return pos ? { path: '', message, line: pos.line, column: pos.col } : { path: '', message };
      }),
    };
  }
  const { data, errors, paths } = applyOverrides(restoreDistributionText(doc.toJS()), opts.overrides ?? []);
  return { source: { doc, lines, data, overridden: paths }, errors };
}

/** Add the line and column; a problem under a `--set` path says so instead. */
function locateProblem(p: Problem, source: Source): ScenarioError {
  const path = formatPath(p.segments);
  const override = source.overridden.findLast((o) => o.segments.every((s, i) => String(p.segments[i]) === String(s)));
  if (override) return { path, message: `${p.message} (from --set ${override.text})` };
  const pos = locate(source.doc, source.lines, p.segments, p.atKey);
  return pos ? { path, message: p.message, line: pos.line, column: pos.column } : { path, message: p.message };
}

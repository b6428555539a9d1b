import { LineCounter, parseDocument } from 'yaml';
import type * as z from 'zod';
import { formatPath, sortErrors, type PathSegment, type ScenarioError } from '../model/errors.ts';
import { locate } from '../model/source-map.ts';
import { protectDistributionText, restoreDistributionText } from '../model/yaml-protect.ts';

/**
 * Text (YAML or JSON) → data checked against a zod schema, for the small files that sit beside
 * scenarios (case-study manifests, migrations). Never throws: every problem is a ScenarioError
 * with its path and, where the file has it, line and column — the same shape scenario errors
 * have, so the CLI prints them the same way.
 */
export function readYamlFile<S extends z.ZodType>(text: string, schema: S): { value?: z.output<S>; errors: ScenarioError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(protectDistributionText(text), { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return pos ? { path: '', message, line: pos.line, column: pos.col } : { path: '', message };
      }),
    };
  }
  const data: unknown = restoreDistributionText(doc.toJS());
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data as z.output<S>, errors: [] };
  const errors = result.error.issues.map((issue): ScenarioError => {
    const segments = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    const atKey = issue.code === 'unrecognized_keys';
    const path = formatPath(atKey ? [...segments, issue.keys[0]] : segments);
    const message = atKey ? `unknown field '${issue.keys[0]}'` : issue.message;
    const pos = locate(doc, lines, atKey ? [...segments, issue.keys[0]] : segments, atKey);
    return pos ? { path, message, line: pos.line, column: pos.column } : { path, message };
  });
  return { errors: sortErrors(errors) };
}

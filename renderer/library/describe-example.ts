import { parse } from 'yaml';

export interface LibraryEntry {
  /** The file's base name without extension: `monolith`. */
  id: string;
  fileName: string;
  /** The scenario's `name`, else the id. */
  title: string;
  /** The header comment's first paragraph, without the `#`s. */
  summary: string;
  components: number;
  /** `50,000 users` or `3000/s`. */
  workload: string;
  text: string;
}

/** A library card's facts from an example's text (pure; tolerant of a file that does not parse). */
export function describeExample(fileName: string, text: string): LibraryEntry {
  const id = fileName.replace(/\.(ya?ml|json)$/i, '');
  let data: { name?: unknown; components?: Record<string, unknown>; workload?: { users?: unknown; arrivals?: unknown } } = {};
  try {
    data = (parse(text) as typeof data) ?? {};
  } catch {
    // shown with what the comment says
  }
  const users = data.workload?.users;
  const arrivals = data.workload?.arrivals;
  const workload = typeof users === 'number' ? `${users.toLocaleString('en-US')} users` : arrivals !== undefined ? `${String(arrivals)} arrivals` : '';
  return {
    id,
    fileName,
    title: typeof data.name === 'string' ? data.name : id,
    summary: headerParagraph(text),
    components: data.components ? Object.keys(data.components).length : 0,
    workload,
    text,
  };
}

function headerParagraph(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const m = line.match(/^#\s?(.*)$/);
    if (!m) break;
    if (m[1].trim() === '') {
      if (lines.length > 0) break;
      continue;
    }
    lines.push(m[1].trim());
  }
  return lines.join(' ');
}

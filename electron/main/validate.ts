/** Runtime checks of IPC payloads: the renderer is sandboxed, but main trusts no argument's type. */
import type { ExportFileRequest, ExportPdfRequest, SaveFileRequest } from '../ipc-contract.ts';

export function expectString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
  return value;
}

/** A file name without directories (dialogs get it as the default name only). */
export function safeFileName(value: unknown, what: string): string {
  const name = expectString(value, what).split(/[\\/]/).pop() ?? '';
  return name === '' || name === '.' || name === '..' ? 'untitled' : name;
}

export function expectSaveRequest(value: unknown): SaveFileRequest {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    text: expectString(v.text, 'text'),
    suggestedName: safeFileName(v.suggestedName, 'suggestedName'),
    ...(v.path === undefined ? {} : { path: expectString(v.path, 'path') }),
  };
}

export function expectExportRequest(value: unknown): ExportFileRequest {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof v.data !== 'string' && !(v.data instanceof Uint8Array)) throw new TypeError('data must be a string or bytes');
  return { data: v.data, suggestedName: safeFileName(v.suggestedName, 'suggestedName'), mime: expectString(v.mime, 'mime') };
}

export function expectPdfRequest(value: unknown): ExportPdfRequest {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return { html: expectString(v.html, 'html'), suggestedName: safeFileName(v.suggestedName, 'suggestedName') };
}

/**
 * The HTML report as PDF: load the self-contained HTML in a hidden, sandboxed window with
 * JavaScript off (from a temp file, not a data: URL, so size is no issue), printToPDF, clean up.
 */
import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hardenWebContents, secureWebPreferences } from './security.ts';

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'archsim-pdf-'));
  const file = join(dir, 'report.html');
  const win = new BrowserWindow({ show: false, webPreferences: { ...secureWebPreferences(), javascript: false } });
  try {
    hardenWebContents(win.webContents);
    await writeFile(file, html, 'utf8');
    await win.loadFile(file);
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

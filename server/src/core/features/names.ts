import type { DocumentAnalysis } from '../types';

/** How a document is named to the reader: its file name, without folders. */
export function documentFileName(key: string): string {
  const last = key.split(/[\\/]/).pop() ?? key;
  try { return decodeURIComponent(last); } catch { return last; }
}

/** A short label: the file's leading number (seeds are "003_…") or its name, and the title. */
export function documentLabel(document: DocumentAnalysis, maximumTitle = 40): string {
  const fileName = documentFileName(document.path);
  const prefix = /^(\d+)_/.exec(fileName)?.[1] ?? fileName.replace(/\.(txt|md)$/i, '');
  const title = document.metadata.title;
  if (!title) return prefix;
  return `${prefix} ${title.length > maximumTitle ? `${title.slice(0, maximumTitle - 1).trimEnd()}…` : title}`;
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(value);
}

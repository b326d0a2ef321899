// Timeline export: the events (all, or those the webview's filters keep) as JSON or CSV, written where the user chooses.
import * as vscode from 'vscode';
import type { TimelineResponse } from '../../../server/src/protocol';
import type { ExportFormat } from './messages';
import { calendarDateInWords, periodOf } from '../../../server/src/core/features/date-words';

const fileNameOf = (uri: string) => decodeURIComponent(uri.replace(/^.*\//, ''));

/** The first and last day a timeline date covers; empty when it names no period. */
function periodDays(date: string): { from: string; to: string } {
  const period = periodOf(date);
  if (!period) return { from: '', to: '' };
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(period.start), to: day(period.end - 86_400_000) };
}

interface ExportedEvent {
  /** The date in words, as the timeline labels it. */
  when: string;
  /** The first and last day of the period the date covers (YYYY-MM-DD), for sorting and filtering. */
  from: string;
  to: string;
  granularity: string;
  approximate: boolean;
  dateText: string;
  document: string;
  uri: string;
  line: number;
  character: number;
  text: string;
  entities: string[];
}

function exportedEvents(timeline: TimelineResponse, indexes: readonly number[] | null): ExportedEvent[] {
  // The document's title as the article gives it (the label is shortened for rows), else its file name.
  const titles = new Map(timeline.documents.map((document) => [document.uri, document.title ?? fileNameOf(document.uri)]));
  const events = indexes ? indexes.map((index) => timeline.events[index]).filter((event) => event !== undefined) : timeline.events;
  return events.map((event) => ({
    when: event.when, ...periodDays(event.date), granularity: event.granularity, approximate: event.approximate, dateText: event.dateText,
    document: titles.get(event.uri) ?? fileNameOf(event.uri), uri: event.uri, line: event.line + 1, character: event.character + 1,
    text: event.text.replace(/\s+/g, ' ').trim(), entities: event.entities.map((id) => timeline.entityNames[id] ?? id),
  }));
}

export function timelineToJson(timeline: TimelineResponse, indexes: readonly number[] | null): string {
  const undated = timeline.documents.filter((document) => !document.date)
    .map(({ uri, title }) => ({ uri, title: title ?? fileNameOf(uri) }));
  const documents = timeline.documents.filter((document) => document.date)
    .map(({ uri, title, date, dateSource }) => ({ uri, title: title ?? fileNameOf(uri), published: calendarDateInWords(date!), date, dateSource }));
  return JSON.stringify({ exported: new Date().toISOString(), documents, undated, events: exportedEvents(timeline, indexes) }, null, 2) + '\n';
}

const CSV_COLUMNS: Array<keyof ExportedEvent> = ['when', 'from', 'to', 'granularity', 'approximate', 'dateText', 'document', 'uri', 'line', 'character', 'text', 'entities'];

/** RFC 4180: every field quoted, quotes doubled, CRLF line ends (what spreadsheets expect). */
export function timelineToCsv(timeline: TimelineResponse, indexes: readonly number[] | null): string {
  const quote = (value: unknown) => `"${(Array.isArray(value) ? value.join('; ') : String(value)).replaceAll('"', '""')}"`;
  const rows = exportedEvents(timeline, indexes).map((event) => CSV_COLUMNS.map((column) => quote(event[column])).join(','));
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** Asks where to save, writes the file; returns the chosen uri or undefined when the user cancelled. */
export async function saveTimeline(timeline: TimelineResponse, format: ExportFormat, indexes: readonly number[] | null): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: `Export Timeline as ${format.toUpperCase()}`,
    saveLabel: 'Export',
    defaultUri: folder ? vscode.Uri.joinPath(folder, `timeline.${format}`) : undefined,
    filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] },
  });
  if (!target) return undefined;
  const text = format === 'json' ? timelineToJson(timeline, indexes) : timelineToCsv(timeline, indexes);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const count = indexes ? indexes.length : timeline.events.length;
  void vscode.window.showInformationMessage(`Exported ${count} timeline events to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}

// Tree rows open their source at the spot: a 'vscode.open' command with the range selected.
import * as vscode from 'vscode';
import type { SourceLocation } from '../../../server/src/protocol';

export function toRange(location: SourceLocation): vscode.Range {
  return new vscode.Range(location.line, location.character, location.endLine, location.endCharacter);
}

export function openLocationCommand(location: SourceLocation, title: string): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection: toRange(location), preview: true };
  return { command: 'vscode.open', title, arguments: [vscode.Uri.parse(location.uri), options] };
}

/** "002 Counter-ISIL…" → the same, shortened for a tree row. */
export function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

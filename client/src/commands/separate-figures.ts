import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SEPARATE_FIGURES_COMMAND, SEPARATE_FIGURES_EDIT_REQUEST, type SeparateFiguresEditParams } from '../../../server/src/protocol';
import { applyServerEdit } from './apply-edit';

/** "These are different measures…" in a figure's hover: records in the corrections file that its group is not one measure. */
export function registerSeparateFigures(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand(SEPARATE_FIGURES_COMMAND, (uri: string, offset: number) => {
    const params: SeparateFiguresEditParams = { uri, offset };
    return applyServerEdit(client, SEPARATE_FIGURES_EDIT_REQUEST, params, 'separate the figures');
  }));
}

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIGURE_GROUPS_REQUEST, SEPARATE_FIGURES_COMMAND, SEPARATE_FIGURES_EDIT_REQUEST, type FigureGroupView, type FigureGroupsResponse,
  type SeparateFiguresEditParams } from '../../../server/src/protocol';
import { applyServerEdit } from './apply-edit';

type Member = FigureGroupView['members'][number];
interface MemberItem extends vscode.QuickPickItem { member: Member }

/**
 * "These are different measures…" in a figure's hover: the user picks, among the group's members, those that
 * measure something else; the corrections file records that each picked one is apart from each one left.
 */
export function registerSeparateFigures(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand(SEPARATE_FIGURES_COMMAND, async (uri: string, offset: number) => {
    const group = await groupAt(client, uri, offset);
    if (!group) return applyServerEdit(client, SEPARATE_FIGURES_EDIT_REQUEST, { uri, offset } satisfies SeparateFiguresEditParams, 'separate the figures');
    const items: MemberItem[] = group.members.map((member) => ({ member, label: member.text,
      description: `${member.label} · ${member.date ?? 'undated'}`, detail: `line ${member.line + 1}` }));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, ignoreFocusOut: true,
      title: `${group.measure}: which figures measure something else?`,
      placeHolder: 'Pick the figures that leave the group (the others stay together)' });
    if (!picked?.length) return false;
    const leaving = [...new Map(picked.map(({ member }) => [`${member.uri}\u0000${member.text}`, { uri: member.uri, text: member.text }])).values()];
    const params: SeparateFiguresEditParams = { uri, offset, leaving };
    return applyServerEdit(client, SEPARATE_FIGURES_EDIT_REQUEST, params, 'separate the figures');
  }));
}

/** The group holding the figure at `offset` of `uri`, read from the Figures view's request; undefined when there is none. */
async function groupAt(client: LanguageClient, uri: string, offset: number): Promise<FigureGroupView | undefined> {
  const { groups } = await client.sendRequest<FigureGroupsResponse>(FIGURE_GROUPS_REQUEST, {});
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri)
    ?? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const at = document.positionAt(offset);
  return groups.find((group) => group.members.some((member) => member.uri === uri && member.line === at.line && member.character === at.character));
}

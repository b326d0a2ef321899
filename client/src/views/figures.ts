// The Figures view: every figure group the index found (what is measured, whether the sources agree), expanding to
// each source's value and date; a row opens its source at the figure.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIGURE_GROUPS_REQUEST, type FigureGroupView, type FigureGroupsResponse } from '../../../server/src/protocol';
import { openLocationCommand, shorten } from './locations';
import { calendarDateInWords, calendarDatesInText } from '../../../server/src/core/features/date-words';
import { ServerTree } from './server-tree';

export const FIGURES_VIEW_ID = 'corroborate.figures';

type Member = FigureGroupView['members'][number];
type FigureNode = { kind: 'group'; group: FigureGroupView } | { kind: 'member'; group: FigureGroupView; member: Member };

const VERDICTS: Record<FigureGroupView['verdict'], { icon: string; color: string; text: string }> = {
  consistent: { icon: 'pass', color: 'testing.iconPassed', text: 'consistent' },
  'changed-over-time': { icon: 'history', color: 'charts.blue', text: 'changed over time' },
  conflict: { icon: 'warning', color: 'problemsWarningIcon.foreground', text: 'conflict' },
  'cannot-tell': { icon: 'question', color: 'charts.yellow', text: "can't tell (dates missing)" },
};
const VERDICT_ORDER: Array<FigureGroupView['verdict']> = ['conflict', 'cannot-tell', 'changed-over-time', 'consistent'];

export class FiguresTreeProvider extends ServerTree<FigureNode, FigureGroupsResponse, FigureGroupView[]> {
  constructor(client: LanguageClient, log: vscode.LogOutputChannel) {
    super(client, log, FIGURE_GROUPS_REQUEST, 'Figures', (response) => response.groups, []);
  }

  async getChildren(node?: FigureNode): Promise<FigureNode[]> {
    if (node?.kind === 'member') return [];
    if (node?.kind === 'group') {
      const members = [...node.group.members].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.label.localeCompare(b.label));
      return members.map((member) => ({ kind: 'member', group: node.group, member }));
    }
    const groups = await this.load();
    return [...groups]
      .sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || a.measure.localeCompare(b.measure))
      .map((group) => ({ kind: 'group', group }));
  }

  getTreeItem(node: FigureNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const { group } = node;
      const verdict = VERDICTS[group.verdict];
      const sources = new Set(group.members.map((member) => member.uri)).size;
      const item = new vscode.TreeItem(group.measure, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `figure-group:${group.id}`;
      const independent = group.independentSources < sources ? ` (${group.independentSources} independent)` : '';
      item.description = `${sources} source${sources === 1 ? '' : 's'}${independent} · ${verdict.text}`;
      item.iconPath = new vscode.ThemeIcon(verdict.icon, new vscode.ThemeColor(verdict.color));
      item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(group.measure)}** · ${verdict.text}\n\n${escapeMarkdown(calendarDatesInText(group.reason))}`);
      item.contextValue = `figureGroup.${group.verdict}`;
      return item;
    }
    const { member } = node;
    const item = new vscode.TreeItem(shorten(member.text, 60), vscode.TreeItemCollapsibleState.None);
    item.id = `figure-member:${node.group.id}:${member.uri}:${member.line}:${member.character}`;
    const date = member.date ? calendarDateInWords(member.date) : 'date unset';
    item.description = [shorten(member.label, 40), date, member.speaker ? `said by ${member.speaker}` : ''].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('symbol-number');
    item.tooltip = new vscode.MarkdownString([`**${escapeMarkdown(member.text)}** (${member.value.toLocaleString('en')})`,
      `${escapeMarkdown(member.label)} · ${date}`, member.speaker ? `said by ${escapeMarkdown(member.speaker)}` : '']
      .filter(Boolean).join('\n\n'));
    item.resourceUri = vscode.Uri.parse(member.uri);
    item.command = openLocationCommand(member, 'Open the source at the figure');
    item.contextValue = 'figure';
    return item;
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

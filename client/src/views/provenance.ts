// The Provenance view: the documents grouped into independent sources (copies, same publisher, same byline, same
// agency), each document with what it credits and the documents it shares text with; a passage row opens the
// shared text in the other document, its child opens it here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PROVENANCE_REQUEST, type ProvenanceDocumentView, type ProvenanceGroupView, type ProvenancePassageView, type ProvenanceResponse, type ProvenanceStoryView } from '../../../server/src/protocol';
import { openLocationCommand, shorten } from './locations';
import { ServerTree } from './server-tree';

export const PROVENANCE_VIEW_ID = 'corroborate.provenance';

type Shared = ProvenanceDocumentView['shared'][number];
type ProvenanceNode =
  | { kind: 'story'; story: ProvenanceStoryView }
  | { kind: 'group'; group: ProvenanceGroupView; scope: string }
  | { kind: 'document'; group: ProvenanceGroupView; scope: string; document: ProvenanceDocumentView }
  | { kind: 'credit'; document: ProvenanceDocumentView; credit: ProvenanceDocumentView['credits'][number] }
  | { kind: 'shared'; document: ProvenanceDocumentView; shared: Shared }
  | { kind: 'passage'; document: ProvenanceDocumentView; shared: Shared; passage: ProvenancePassageView; index: number }
  | { kind: 'here'; document: ProvenanceDocumentView; passage: ProvenancePassageView; index: number; otherUri: string };

const REASONS: Record<string, string> = {
  'shared-text': 'copied text', 'same-publisher': 'same publisher', 'same-byline': 'same byline', 'same-agency': 'same agency',
};
const CREDITS: Record<string, string> = {
  byline: 'byline', publisher: 'publisher', agency: 'wire copy of', reporting: 'with reporting by', contributed: 'contributed', statement: 'statement',
};

export class ProvenanceTreeProvider extends ServerTree<ProvenanceNode, ProvenanceResponse, ProvenanceResponse> {
  constructor(client: LanguageClient, log: vscode.LogOutputChannel) {
    super(client, log, PROVENANCE_REQUEST, 'Provenance', (response) => response, { groups: [], stories: [] });
  }

  async getChildren(node?: ProvenanceNode): Promise<ProvenanceNode[]> {
    if (!node) {
      const { groups, stories } = await this.load();
      // Per story when the folder holds several: copies and credits matter among reports of one event.
      if (stories.length > 1) {
        return [...stories].sort((a, b) => b.documents - a.documents || a.title.localeCompare(b.title)).map((story) => ({ kind: 'story', story }));
      }
      return groupNodes(groups, 'workspace');
    }
    switch (node.kind) {
      case 'story': return groupNodes(node.story.groups, node.story.id);
      case 'group': return node.group.documents.map((document) => ({ kind: 'document', group: node.group, scope: node.scope, document }));
      case 'document': return [
        ...node.document.credits.map((credit) => ({ kind: 'credit' as const, document: node.document, credit })),
        ...node.document.shared.map((shared) => ({ kind: 'shared' as const, document: node.document, shared })),
      ];
      case 'shared': return node.shared.passages.map((passage, index) => ({ kind: 'passage', document: node.document, shared: node.shared, passage, index }));
      case 'passage': return [{ kind: 'here', document: node.document, passage: node.passage, index: node.index, otherUri: node.shared.uri }];
      default: return [];
    }
  }

  getTreeItem(node: ProvenanceNode): vscode.TreeItem {
    switch (node.kind) {
      case 'story': {
        const { story } = node;
        const item = new vscode.TreeItem(shorten(story.title, 70), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `provenance-story:${story.id}`;
        const sources = story.groups.length;
        item.description = `${story.documents} document${story.documents === 1 ? '' : 's'} · ${sources} independent source${sources === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('library');
        return item;
      }
      case 'group': {
        const { group } = node;
        const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `provenance-group:${node.scope}:${group.id}`;
        const reasons = [...new Set(group.links.map((link) => REASONS[link.reason] ?? link.reason))];
        item.description = `${group.documents.length} document${group.documents.length === 1 ? '' : 's'}${reasons.length ? ` · ${reasons.join(', ')}` : ' · independent'}`;
        item.iconPath = new vscode.ThemeIcon(group.documents.length > 1 ? 'copy' : 'file');
        item.tooltip = new vscode.MarkdownString([`**${escapeMarkdown(group.label)}**: one source`,
          ...group.links.map((link) => `- ${escapeMarkdown(labelOf(group, link.uri))} and ${escapeMarkdown(labelOf(group, link.otherUri))}: ${REASONS[link.reason] ?? link.reason} (${escapeMarkdown(link.detail)})`)].join('\n'));
        item.contextValue = 'provenanceGroup';
        return item;
      }
      case 'document': {
        const { document } = node;
        const hasChildren = document.credits.length + document.shared.length > 0;
        const item = new vscode.TreeItem(shorten(document.label, 60), hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `provenance-document:${node.scope}:${node.group.id}:${document.uri}`;
        const credited = document.credits.filter((credit) => credit.kind !== 'byline' && credit.kind !== 'publisher' && credit.name).map((credit) => credit.name);
        item.description = [document.shared.length ? `shares text with ${document.shared.length}` : '', credited.length ? `credits ${credited.join(', ')}` : ''].filter(Boolean).join(' · ');
        item.resourceUri = vscode.Uri.parse(document.uri);
        item.iconPath = vscode.ThemeIcon.File;
        item.command = { command: 'vscode.open', title: 'Open the document', arguments: [vscode.Uri.parse(document.uri)] };
        item.contextValue = 'provenanceDocument';
        return item;
      }
      case 'credit': {
        const { credit } = node;
        const item = new vscode.TreeItem(`${CREDITS[credit.kind] ?? credit.kind}: ${credit.name ?? credit.text}`, vscode.TreeItemCollapsibleState.None);
        item.id = `provenance-credit:${node.document.uri}:${credit.kind}:${credit.line}:${credit.character}:${credit.name}`;
        item.description = credit.agency ? 'news agency' : '';
        item.iconPath = new vscode.ThemeIcon(credit.agency ? 'radio-tower' : credit.kind === 'statement' ? 'megaphone' : 'person');
        if (credit.text) item.command = openLocationCommand(credit, 'Open the document at the credit');
        return item;
      }
      case 'shared': {
        const { shared } = node;
        const words = shared.passages.reduce((sum, passage) => sum + passage.words, 0);
        const item = new vscode.TreeItem(`shares text with ${shorten(shared.label, 50)}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `provenance-shared:${node.document.uri}:${shared.uri}`;
        item.description = `${shared.passages.length} passage${shared.passages.length === 1 ? '' : 's'}, ${words} words${shared.passages.every((passage) => passage.quoted) ? ' · quoted speech only' : ''}`;
        item.iconPath = new vscode.ThemeIcon('link');
        return item;
      }
      case 'passage': {
        const { passage } = node;
        const item = new vscode.TreeItem(shorten(passage.text, 70), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `provenance-passage:${node.document.uri}:${node.shared.uri}:${node.index}`;
        item.description = `${passage.verbatim ? 'verbatim' : `edited, ${Math.round(passage.similarity * 100)}% alike`}${passage.quoted ? ' · quoted' : ''}`;
        item.tooltip = new vscode.MarkdownString(`${escapeMarkdown(passage.text)}\n\nOpens the same passage in ${escapeMarkdown(node.shared.label)}.`);
        item.iconPath = new vscode.ThemeIcon(passage.quoted ? 'quote' : 'files');
        item.command = openLocationCommand(passage.there, 'Open the shared passage in the other document');
        return item;
      }
      case 'here': {
        const item = new vscode.TreeItem(`here, line ${node.passage.here.line + 1}`, vscode.TreeItemCollapsibleState.None);
        item.id = `provenance-here:${node.document.uri}:${node.otherUri}:${node.index}`;
        item.iconPath = new vscode.ThemeIcon('go-to-file');
        item.command = openLocationCommand(node.passage.here, 'Open the passage in this document');
        return item;
      }
    }
  }
}

/** Groups of several documents first: those are where counting sources goes wrong. */
function groupNodes(groups: readonly ProvenanceGroupView[], scope: string): ProvenanceNode[] {
  return [...groups].sort((a, b) => b.documents.length - a.documents.length || a.id.localeCompare(b.id)).map((group) => ({ kind: 'group', group, scope }));
}

function labelOf(group: ProvenanceGroupView, uri: string): string {
  return group.documents.find((document) => document.uri === uri)?.label ?? uri;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

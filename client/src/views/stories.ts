// The Stories view (issue 15): the folder's documents grouped into stories, each with its title and date span,
// expanding to its documents (an approximate date marked so); a row opens the document. A document's context
// menu moves it to another story or splits it off, through an edit of the corrections file the user applies.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STORIES_REQUEST, STORY_CORRECTION_EDIT_REQUEST, type StoriesResponse, type StoryCorrectionEditParams,
  type StoryDocumentView, type StoryListItem } from '../../../server/src/protocol';
import { applyServerEdit } from '../commands/apply-edit';
import { openLocationCommand, shorten } from './locations';
import { ServerTree } from './server-tree';

export const STORIES_VIEW_ID = 'corroborate.stories';
export const MOVE_TO_STORY_COMMAND = 'corroborate.moveToStory';
export const SPLIT_FROM_STORY_COMMAND = 'corroborate.splitFromStory';

type StoryNode = { kind: 'story'; story: StoryListItem } | { kind: 'document'; story: StoryListItem; document: StoryDocumentView };

export class StoriesTreeProvider extends ServerTree<StoryNode, StoriesResponse, StoryListItem[]> {
  constructor(client: LanguageClient, log: vscode.LogOutputChannel) {
    super(client, log, STORIES_REQUEST, 'Stories', (response) => response.stories, []);
  }

  stories(): Promise<StoryListItem[]> {
    return this.load();
  }

  async getChildren(node?: StoryNode): Promise<StoryNode[]> {
    if (!node) {
      const stories = await this.load();
      return [...stories].sort((a, b) => b.documents.length - a.documents.length || a.title.localeCompare(b.title))
        .map((story) => ({ kind: 'story', story }));
    }
    if (node.kind === 'story') {
      return [...node.story.documents].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.label.localeCompare(b.label))
        .map((document) => ({ kind: 'document', story: node.story, document }));
    }
    return [];
  }

  getTreeItem(node: StoryNode): vscode.TreeItem {
    if (node.kind === 'story') {
      const { story } = node;
      const item = new vscode.TreeItem(shorten(story.title, 70), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `story:${story.id}`;
      const count = `${story.documents.length} document${story.documents.length === 1 ? '' : 's'}`;
      item.description = story.dateSpan ? `${count} · ${spanText(story.dateSpan)}` : `${count} · no stated dates`;
      item.tooltip = new vscode.MarkdownString().appendText(`${story.title}\n\n${item.description}`);
      item.iconPath = new vscode.ThemeIcon('library');
      return item;
    }
    const { document } = node;
    const item = new vscode.TreeItem(shorten(document.label, 56), vscode.TreeItemCollapsibleState.None);
    item.id = `story-document:${node.story.id}:${document.uri}`;
    item.description = document.date ? (document.approximate ? `about ${document.date}, from its story` : document.date) : 'date unknown';
    item.tooltip = `${document.title ?? document.label}${document.date ? ` (${item.description})` : ''}`;
    item.iconPath = new vscode.ThemeIcon('file-text');
    item.contextValue = 'story.document';
    item.command = openLocationCommand(document, 'Open the document');
    return item;
  }
}

function spanText(span: { start: string; end: string }): string {
  return span.start === span.end ? span.start : `${span.start} – ${span.end}`;
}

/** "Move to another story…" and "Split off as its own story" on a document row. */
export function registerStoryCorrections(context: vscode.ExtensionContext, client: LanguageClient, stories: StoriesTreeProvider): void {
  const documentOf = (node: unknown): StoryNode | null => (node && typeof node === 'object' && (node as StoryNode).kind === 'document' ? node as StoryNode : null);
  context.subscriptions.push(
    vscode.commands.registerCommand(MOVE_TO_STORY_COMMAND, async (node?: unknown) => {
      const row = documentOf(node);
      if (row?.kind !== 'document') return false;
      const others = (await stories.stories()).filter((story) => story.id !== row.story.id && story.documents.length);
      const picked = await vscode.window.showQuickPick(others.map((story) => ({ label: shorten(story.title, 80),
        description: `${story.documents.length} document${story.documents.length === 1 ? '' : 's'}`, story })),
      { title: `Move ${row.document.label} to another story`, placeHolder: 'The story it belongs to' });
      if (!picked) return false;
      const params: StoryCorrectionEditParams = { uri: row.document.uri, to: picked.story.documents[0].uri };
      return applyServerEdit(client, STORY_CORRECTION_EDIT_REQUEST, params, 'move the document to that story');
    }),
    vscode.commands.registerCommand(SPLIT_FROM_STORY_COMMAND, (node?: unknown) => {
      const row = documentOf(node);
      if (row?.kind !== 'document') return false;
      const params: StoryCorrectionEditParams = { uri: row.document.uri };
      return applyServerEdit(client, STORY_CORRECTION_EDIT_REQUEST, params, 'split the document off as a story of its own');
    }),
  );
}

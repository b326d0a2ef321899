// The Entities view: people, organizations, places and other names across the sources, with mention counts,
// expanding to each mention (document and text); a row opens the mention.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ENTITIES_REQUEST, type EntitiesResponse, type EntityView } from '../../../server/src/protocol';
import { openLocationCommand, shorten } from './locations';
import { ServerTree } from './server-tree';

export const ENTITIES_VIEW_ID = 'corroborate.entities';

type EntityType = EntityView['type'];
type Mention = EntityView['mentions'][number];
type EntityNode =
  | { kind: 'type'; type: EntityType; entities: EntityView[] }
  | { kind: 'entity'; entity: EntityView }
  | { kind: 'mention'; entity: EntityView; mention: Mention; index: number };

const TYPES: Array<{ type: EntityType; label: string; icon: string }> = [
  { type: 'person', label: 'People', icon: 'person' },
  { type: 'organization', label: 'Organizations', icon: 'organization' },
  { type: 'place', label: 'Places', icon: 'location' },
  { type: 'other', label: 'Other', icon: 'symbol-misc' },
];

export class EntitiesTreeProvider extends ServerTree<EntityNode, EntitiesResponse, EntityView[]> {
  constructor(client: LanguageClient, log: vscode.LogOutputChannel) {
    super(client, log, ENTITIES_REQUEST, 'Entities', (response) => response.entities, []);
  }

  async getChildren(node?: EntityNode): Promise<EntityNode[]> {
    if (!node) {
      const entities = await this.load();
      return TYPES.map(({ type }) => ({ kind: 'type' as const, type, entities: entities.filter((entity) => entity.type === type) }))
        .filter((typeNode) => typeNode.entities.length > 0);
    }
    if (node.kind === 'type') {
      return [...node.entities]
        .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
        .map((entity) => ({ kind: 'entity', entity }));
    }
    if (node.kind === 'entity') return node.entity.mentions.map((mention, index) => ({ kind: 'mention', entity: node.entity, mention, index }));
    return [];
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    if (node.kind === 'type') {
      const type = TYPES.find((candidate) => candidate.type === node.type)!;
      const item = new vscode.TreeItem(type.label, node.type === 'other' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `entity-type:${node.type}`;
      item.description = String(node.entities.length);
      item.iconPath = new vscode.ThemeIcon(type.icon);
      return item;
    }
    if (node.kind === 'entity') {
      const { entity } = node;
      const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `entity:${entity.id}`;
      const mentions = entity.mentions.length;
      item.description = `${mentions} mention${mentions === 1 ? '' : 's'} · ${entity.documents} document${entity.documents === 1 ? '' : 's'}`;
      const lines = [`**${entity.name}** — ${entity.type}`];
      if (entity.titles.length) lines.push(`Titles: ${entity.titles.join(', ')}`);
      const aliases = entity.aliases.filter((alias) => alias !== entity.name);
      if (aliases.length) lines.push(`Also written: ${aliases.join(', ')}`);
      item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
      item.contextValue = `entity.${entity.type}`;
      return item;
    }
    const { mention } = node;
    // The mention in its words, highlighted; where it is, beside it.
    const item = new vscode.TreeItem({ label: mention.context.text, highlights: [mention.context.highlight] }, vscode.TreeItemCollapsibleState.None);
    item.id = `entity-mention:${node.entity.id}:${node.index}`;
    item.description = `${shorten(mention.label, 32)} · line ${mention.line + 1}`;
    item.tooltip = `${mention.label}, line ${mention.line + 1}: ${mention.context.text}`;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.command = openLocationCommand(mention, 'Open the mention');
    return item;
  }
}

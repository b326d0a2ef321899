import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/**
 * A tree view over one server request: the answer is fetched when the tree is first expanded and again after
 * each refresh (the index changed). A failed request shows an empty tree and is logged.
 */
export abstract class ServerTree<Node, Answer, Data> implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: Promise<Data> | null = null;

  constructor(private readonly client: LanguageClient, private readonly log: vscode.LogOutputChannel,
    private readonly request: string, private readonly viewName: string, private readonly pick: (answer: Answer) => Data,
    private readonly empty: Data) {}

  refresh(): void {
    this.data = null;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  protected load(): Promise<Data> {
    this.data ??= this.client.sendRequest<Answer>(this.request).then(this.pick, (error: unknown) => {
      this.log.error(`${this.viewName} view: ${this.request} failed: ${error instanceof Error ? error.message : String(error)}`);
      return this.empty;
    });
    return this.data;
  }

  abstract getChildren(node?: Node): Promise<Node[]>;
  abstract getTreeItem(node: Node): vscode.TreeItem;
}

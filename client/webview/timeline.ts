// Runs inside the timeline webview: renders what the panel sends, asks it to reveal clicked sentences.
import type { FromWebview, ToWebview } from '../src/timeline/messages';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; getState(): unknown; setState(state: unknown): void };
const vscode = acquireVsCodeApi();

window.addEventListener('error', (event) => vscode.postMessage({ type: 'error', message: String(event.message) }));
window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data.type === 'timeline') render(event.data);
});

function render({ timeline, focusUri }: Extract<ToWebview, { type: 'timeline' }>): void {
  const labels = new Map(timeline.documents.map((document) => [document.uri, document.label]));
  const list = document.getElementById('timeline-events')!;
  list.replaceChildren(...timeline.events.map((event) => {
    const item = document.createElement('li');
    item.className = `timeline-event${event.approximate ? ' approximate' : ''}${event.uri === focusUri ? ' focused' : ''}`;
    item.dataset.path = event.uri;
    item.dataset.date = event.date;
    const date = document.createElement('span');
    date.className = 'date';
    date.textContent = event.date;
    const source = document.createElement('span');
    source.className = 'source';
    source.textContent = labels.get(event.uri) ?? event.uri;
    const sentence = document.createElement('a');
    sentence.className = 'sentence';
    sentence.href = '#';
    sentence.textContent = event.text;
    sentence.addEventListener('click', (click) => {
      click.preventDefault();
      vscode.postMessage({ type: 'reveal', uri: event.uri, line: event.line, character: event.character });
    });
    item.append(date, source, sentence);
    return item;
  }));
  const undated = timeline.documents.filter((source) => !source.date);
  document.getElementById('timeline-undated')!.replaceChildren(...undated.map((source) => {
    const item = document.createElement('li');
    item.textContent = source.label;
    return item;
  }));
  document.getElementById('timeline-summary')!.textContent =
    `${timeline.events.length} dated events in ${timeline.documents.length} documents (${undated.length} undated)`;
}

vscode.postMessage({ type: 'ready' });

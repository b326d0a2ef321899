import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createProtocolConnection, SocketMessageReader, SocketMessageWriter } from 'vscode-languageserver-protocol/node';
import { sliceBudget } from '../../server/src/lsp/scheduler';

/** Keeps this thread busy, as a step of the view build does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* working */ }
}

test('work in slices lets a request that arrived during a slice be handled before the next slice', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-slices-'));
  const address = path.join(folder, 'socket');
  const listener = net.createServer();
  const accepted = new Promise<net.Socket>((resolve) => listener.once('connection', resolve));
  listener.listen(address);
  const clientSocket = net.connect(address);
  const serverSocket = await accepted;
  const server = createProtocolConnection(new SocketMessageReader(serverSocket), new SocketMessageWriter(serverSocket));
  let slices = 0;
  let sentDuringSlice = -1;
  let handledBeforeSlice = -1;
  server.onRequest('corroborate-test/ping', () => { handledBeforeSlice = slices; return 'pong'; });
  server.listen();
  const reply = new Promise<string>((resolve) => { let read = ''; clientSocket.on('data', (chunk) => { read += String(chunk); if (read.includes('pong')) resolve(read); }); });
  try {
    // The client is this thread: it writes the request's bytes at the start of slice 2, as another process would
    // while the slice runs (the library's own writer would wait for a turn of the event loop).
    const pause = sliceBudget();
    const request = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'corroborate-test/ping' });
    while (slices < 12 && handledBeforeSlice < 0) {
      slices++;
      if (slices === 2) { sentDuringSlice = slices; clientSocket.write(`Content-Length: ${Buffer.byteLength(request)}\r\n\r\n${request}`); }
      busy(20);
      const turn = pause();
      if (turn) await turn;
    }
    assert.match(await reply, /"result":"pong"/);
    // Written during slice 2 and read once it ends: handled before slice 3 starts.
    assert.equal(handledBeforeSlice, sentDuringSlice, `sent during slice ${sentDuringSlice}, handled after slice ${handledBeforeSlice}`);
  } finally {
    server.dispose();
    clientSocket.destroy();
    serverSocket.destroy();
    listener.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

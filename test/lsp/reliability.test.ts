import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidOpenTextDocumentNotification, DocumentSymbolRequest, HoverRequest, InitializeRequest, ShowMessageNotification, ShutdownRequest,
  type DocumentSymbol, type Hover, type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { ServerProcess, copyOfSeeds } from './server-process';
import { SEEDS, repoRoot, seedPath } from '../support/repo';

const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;

async function errorOf(request: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await request;
  } catch (error) {
    return error as { code: number; message: string };
  }
  throw new Error('the request got a result instead of an error');
}

/** Line and character of the `occurrence`-th `needle`, lines split at CRLF, LF and lone CR. */
function positionIn(text: string, needle: string) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

test('before initialize a request gets ServerNotInitialized and didOpen is dropped without a crash; after shutdown requests are refused', async () => {
  const folder = copyOfSeeds();
  const server = new ServerProcess();
  after(() => { if (server.child.exitCode === null) server.child.kill(); });
  const uri = pathToFileURL(path.join(folder, SEEDS.kerry)).toString();
  const text = fs.readFileSync(path.join(folder, SEEDS.kerry), 'utf8');
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'corroborate-source', version: 1, text } });
  const early = await errorOf(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }));
  assert.equal(early.code, SERVER_NOT_INITIALIZED);
  await server.initialize(folder);
  const again = await errorOf(server.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} }));
  assert.equal(again.code, INVALID_REQUEST);
  await server.diagnosticsFor(uri);
  const hover = await server.hover(uri, positionIn(text, 'Kerry'));
  assert.ok(hover, 'the server works once initialized');
  await server.connection.sendRequest(ShutdownRequest.type);
  const late = await errorOf(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }));
  assert.equal(late.code, INVALID_REQUEST);
  await server.connection.sendNotification('exit');
  assert.equal(await server.exited, 0);
  assert.doesNotMatch(server.stderr.join(''), /TypeError|Error:/);
  fs.rmSync(folder, { recursive: true, force: true });
});

for (const [label, inlayHints] of [['a string', 'yes'], ['a list', []]] as const) {
  test(`inlayHints given as ${label} is refused with a message naming the setting`, async () => {
    const folder = copyOfSeeds();
    const server = new ServerProcess({ inlayHints });
    const messages: ShowMessageParams[] = [];
    server.connection.onNotification(ShowMessageNotification.type, (message) => { messages.push(message); });
    after(() => { if (server.child.exitCode === null) server.child.kill(); });
    await server.initialize(folder);
    // Settings are read (and checked) before the first diagnostics go out.
    await server.diagnosticsFor(pathToFileURL(path.join(folder, SEEDS.kerry)).toString());
    assert.deepEqual(messages.map((message) => message.message),
      ['Corroborate settings: corroborate.inlayHints must be an object such as { "dates": true, "speakers": true }. Using the defaults for those.']);
    assert.equal(await server.shutdown(), 0);
    fs.rmSync(folder, { recursive: true, force: true });
  });
}

test('a lone-CR article gets its title and noise lines, and hovers at the ranges of the same article with LF endings', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cr-'));
  const lf = fs.readFileSync(seedPath(SEEDS.kerry), 'utf8').replace(/\r\n|\r/g, '\n');
  const cr = lf.replace(/\n/g, '\r');
  fs.writeFileSync(path.join(folder, 'lf.txt'), lf);
  fs.writeFileSync(path.join(folder, 'cr.txt'), cr);
  const server = new ServerProcess();
  after(() => { if (server.child.exitCode === null) server.child.kill(); });
  await server.initialize(folder);
  const [lfUri, crUri] = ['lf.txt', 'cr.txt'].map((name) => pathToFileURL(path.join(folder, name)).toString());
  const lfNoise = (await server.diagnosticsFor(lfUri)).filter((diagnostic) => diagnostic.code === 'noise');
  const crNoise = (await server.diagnosticsFor(crUri)).filter((diagnostic) => diagnostic.code === 'noise');
  assert.ok(lfNoise.length > 0);
  assert.deepEqual(crNoise.map((diagnostic) => diagnostic.range), lfNoise.map((diagnostic) => diagnostic.range));
  const symbols = (uri: string) => server.request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri } });
  const [lfTitle, crTitle] = [(await symbols(lfUri))[0], (await symbols(crUri))[0]];
  assert.ok(crTitle.name && crTitle.name !== '(no title)');
  assert.deepEqual({ name: crTitle.name, range: crTitle.range }, { name: lfTitle.name, range: lfTitle.range });
  for (const needle of ['John Kerry', 'Ramadi', '“It is fair', '10,000 Coalition airstrikes assisted in making these victories possible. These']) {
    const position = positionIn(lf, needle);
    assert.deepEqual(positionIn(cr, needle), position);
    const [lfHover, crHover] = [await server.hover(lfUri, position), await server.hover(crUri, position)] as Array<Hover | null>;
    assert.ok(lfHover?.range, needle);
    assert.deepEqual(crHover?.range, lfHover.range, needle);
  }
  assert.equal(await server.shutdown(), 0);
  fs.rmSync(folder, { recursive: true, force: true });
});

test('the terminal report shows escape sequences and control characters of a document as visible escapes, never raw', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-escapes-'));
  const hostile = '\u001b]0;owned\u0007Talks \u001b[2J\u001b[31mresume\u009b1;1H\r\n\r\n'
    + 'The minister said \u201cWe agreed on 12,000 \u001b[8mhidden\u001b[0m troops \u202Eevil\u202C today.\u201d He said the talks \u001b[1;1Hwould go on.\r\n';
  fs.writeFileSync(path.join(folder, 'hostile.txt'), hostile);
  const shownAs = path.join(folder, 'name-\u001b[2J.txt');
  fs.writeFileSync(shownAs, 'Nothing much happened in town on the day, the report said 4.\n');
  const run = spawnSync(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), 'analyze', folder], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, 'no control character but the line breaks of the report itself');
  assert.match(run.stdout, /Talks \\x1B\[2J\\x1B\[31mresume\\x9B1;1H/);
  assert.match(run.stdout, /name-\\x1B\[2J\.txt/);
  assert.match(run.stdout, /\\u202Eevil/);
  fs.rmSync(folder, { recursive: true, force: true });
});

test('an editor buffer over the size limit is refused unanalysed with one message, and the server keeps answering', async () => {
  const folder = copyOfSeeds();
  const server = new ServerProcess();
  const logged: string[] = [];
  server.connection.onNotification('window/logMessage', (params: { message: string }) => { logged.push(params.message); });
  after(() => { if (server.child.exitCode === null) server.child.kill(); });
  await server.initialize(folder);
  const seedUri = pathToFileURL(path.join(folder, SEEDS.kerry)).toString();
  await server.diagnosticsFor(seedUri);
  const seedText = fs.readFileSync(path.join(folder, SEEDS.kerry), 'utf8');
  const huge = seedText.repeat(Math.ceil((21 * 1024 * 1024) / seedText.length));
  const hugeUri = await server.open(path.join(folder, 'huge.txt'), huge);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: hugeUri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
  assert.ok(await server.hover(seedUri, positionIn(seedText, 'John Kerry')), 'another document is answered');
  assert.equal(await server.hover(hugeUri, positionIn(huge, 'John Kerry')), null, 'the huge buffer is not in the index');
  const megabytes = (Buffer.byteLength(huge) / 1048576).toFixed(1);
  assert.deepEqual(logged.filter((line) => line.includes('huge.txt')),
    [`Corroborate skipped ${hugeUri}: too large to analyse (${megabytes} MB; the limit is 20 MB)`]);
  assert.equal(await server.shutdown(), 0);
  fs.rmSync(folder, { recursive: true, force: true });
});

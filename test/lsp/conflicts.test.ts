import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerProcess } from './server-process';

const write = (folder: string, name: string, text: string) => fs.writeFileSync(path.join(folder, name), text);

test('figures that disagree for the same date, a quote with no speaker, and one quote given to two speakers', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-conflicts-'));
  write(folder, 'wire.txt', 'WASHINGTON, May 6, 2015 - The coalition has carried out 3,700 airstrikes against ISIL, officials said.\n\n'
    + '"We will not stop until the job is done," Defense Secretary Ash Carter said.\n\nThe talks went on.\n\n"Nobody expected this."\n');
  write(folder, 'paper.txt', 'LONDON, May 6, 2015 - Allied aircraft have flown some 5,200 airstrikes against ISIL so far.\n\n'
    + '"We will not stop until the job is done," Prime Minister David Cameron said.\n');
  const server = new ServerProcess();
  try {
    await server.initialize(folder);
    const wire = pathToFileURL(path.join(folder, 'wire.txt')).toString();
    const diagnostics = await server.diagnosticsFor(wire, (list) => list.some((diagnostic) => diagnostic.code === 'figure-conflict'));
    const conflict = diagnostics.find((diagnostic) => diagnostic.code === 'figure-conflict')!;
    assert.match(String(conflict.message), /other sources report 5,200 for the same date/);
    assert.equal(conflict.relatedInformation?.length, 1);
    assert.equal(conflict.relatedInformation?.[0].location.uri, pathToFileURL(path.join(folder, 'paper.txt')).toString());
    assert.match(conflict.relatedInformation![0].message, /some 5,200 airstrikes \(2015-05-06\)/);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'unattributed-quote'), 'the quote with no speaker is flagged');
    const mismatch = diagnostics.find((diagnostic) => diagnostic.code === 'quote-speaker-mismatch');
    assert.ok(mismatch, JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code)));
    assert.match(String(mismatch.message), /^Quoted here as Ash(ton)? Carter; another source gives it to someone else$/);
    assert.match(mismatch.relatedInformation![0].message, /said by David Cameron/);
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

// Entry point of the editor tier inside the extension host (the module given as extensionTestsPath): runs the
// *.test.js files beside it with mocha and resolves, or rejects when a test failed. When
// CORROBORATE_EDITOR_RESULTS names a file, the counts and titles are written there for the runner's summary.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const failed: string[] = [];
    const runner = mocha.run((failures) => {
      const out = process.env.CORROBORATE_EDITOR_RESULTS;
      if (out) {
        fs.writeFileSync(out, JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures, failures: failed }, null, 2));
      }
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test) => failed.push(test.fullTitle()));
  });
}

// Bundles what ships: the extension client, the language server, the CLI and the timeline webview (script and styles).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', target: 'node20' };

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] }),
  // The server and the CLI bundle the entity model (server/src/core/data/entities-model.json): their source maps
  // point at the sources without a second copy of them.
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs',
    banner: { js: '#!/usr/bin/env node' }, sourcesContent: false }),
  // The analysis worker threads the server starts (server/src/lsp/analysis-pool.ts looks for it beside server.js).
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/analysis-worker.ts'], outfile: 'dist/analysis-worker.js', platform: 'node', format: 'cjs',
    sourcesContent: false }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs',
    banner: { js: '#!/usr/bin/env node' }, sourcesContent: false }),
  esbuild.build({ ...common, entryPoints: ['client/webview/timeline.ts'], outfile: 'dist/webview/timeline.js', platform: 'browser',
    format: 'iife', target: 'es2022' }),
]);
// The webview loads only files from dist/webview (its localResourceRoots): its script (vis-timeline's peer build,
// bundled above, which injects no <style> element), vis-timeline's stylesheet and ours.
fs.copyFileSync('client/webview/timeline.css', 'dist/webview/timeline.css');
fs.copyFileSync('node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css', 'dist/webview/vis-timeline-graph2d.min.css');
fs.copyFileSync('server/src/core/data/corrections.schema.json', 'dist/corrections.schema.json');

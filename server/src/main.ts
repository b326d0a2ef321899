import { startServer } from './lsp/server';

if (process.argv.includes('--version')) {
  process.stdout.write('corroborate-language-server 0.1.0\n');
} else if (!process.argv.includes('--stdio') && !process.argv.some((argument) => argument.startsWith('--node-ipc') || argument.startsWith('--socket'))) {
  process.stderr.write('usage: corroborate-language-server --stdio\n');
  process.exit(2);
} else {
  // One failed reply (a client that does not answer a request, say) must not end the server for the editor.
  process.on('unhandledRejection', (reason) => process.stderr.write(`corroborate-language-server: ${reason instanceof Error ? reason.stack : String(reason)}\n`));
  startServer();
}

import { startServer } from './lsp/server';

if (process.argv.includes('--version')) {
  process.stdout.write('corroborate-language-server 0.1.0\n');
} else if (!process.argv.includes('--stdio') && !process.argv.some((argument) => argument.startsWith('--node-ipc') || argument.startsWith('--socket'))) {
  process.stderr.write('usage: corroborate-language-server --stdio\n');
  process.exit(2);
} else {
  startServer();
}

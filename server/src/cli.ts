import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceIndex } from './core/index/workspace-index';
import { toContractOutput } from './core/contract';
import { readSource, listSourceFiles } from './source-files';
import { forTerminal, renderReport } from './core/features/report';
import type { AnalysisOutput } from './core/types';

const USAGE = 'usage: corroborate analyze PATH... [--json]';

class UsageError extends Error {}

interface Arguments { paths: string[]; json: boolean }

function parseArguments(argv: string[]): Arguments {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') { process.stdout.write(`${USAGE}\n`); process.exit(0); }
  if (command !== 'analyze') throw new UsageError(command ? `unknown command '${command}'; ${USAGE}` : USAGE);
  const paths: string[] = [];
  let json = false;
  for (const argument of rest) {
    if (argument === '--json') json = true;
    else if (argument.startsWith('-')) throw new UsageError(`unknown option '${argument}'; ${USAGE}`);
    else paths.push(argument);
  }
  if (!paths.length) throw new UsageError(`no path given; ${USAGE}`);
  for (const given of paths) if (!fs.existsSync(given)) throw new UsageError(`no such file or folder: ${given}`);
  return { paths, json };
}

interface SourceFile {
  file: string;
  shownAs: string;
  /** The folder given on the command line that the file was found in: it is read only if it really lies there. */
  within?: string;
  /** Why a file of a given folder is left unread (a link, a pipe, a device). */
  skipped?: string;
}

/**
 * Each file with the path the output names it by: as given, or relative to a given folder's parent. A file
 * named on the command line is read even through a link; files of a folder only when they are its own files.
 */
function sourceFiles(paths: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const given of paths) {
    if (fs.statSync(given).isDirectory()) {
      const parent = path.dirname(path.resolve(given));
      const shown = (file: string) => path.relative(parent, path.resolve(file)).split(path.sep).join('/');
      const skipped = (file: string, reason: string) => files.push({ file, shownAs: shown(file), skipped: reason });
      for (const file of listSourceFiles(given, skipped)) files.push({ file, shownAs: shown(file), within: given });
    } else {
      files.push({ file: given, shownAs: given });
    }
  }
  return files;
}

function analyze(paths: string[]): AnalysisOutput {
  const index = new WorkspaceIndex();
  const errors: AnalysisOutput['errors'] = [];
  for (const { file, shownAs, within, skipped } of sourceFiles(paths)) {
    const source = skipped ? { error: skipped } : readSource(file, within ? { within: [within] } : { followLinks: true });
    if ('error' in source) {
      errors.push({ path: shownAs, message: source.error });
      process.stderr.write(`corroborate: skipped ${forTerminal(shownAs)}: ${source.error}\n`);
    } else {
      index.set(shownAs, source.text);
    }
  }
  return toContractOutput(index.all(), index.crossDocument(), errors);
}

function main(): void {
  let args: Arguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`corroborate: ${forTerminal(error.message)}\n`);
    process.exit(2);
  }
  const output = analyze(args.paths);
  process.stdout.write(args.json ? `${JSON.stringify(output, null, 1)}\n` : renderReport(output));
}

main();

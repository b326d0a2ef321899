import type { AnalysisOutput } from '../types';

/**
 * Text from a document (or a file name) made safe to print on a terminal, on one line: control characters
 * (C0, DEL, C1, which start escape sequences that retitle, recolour or clear the terminal) and bidirectional
 * overrides are shown as visible \x1B / \u202E escapes; line breaks and tabs become spaces.
 */
export function forTerminal(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** The terminal form of an analysis: what a reader scans before opening the editor. Document text is escaped. */
export function renderReport(output: AnalysisOutput): string {
  const lines: string[] = [];
  const safe = forTerminal;
  for (const document of output.documents) {
    const date = document.date.value ? `${safe(document.date.value)} (${document.date.source})` : 'undated';
    lines.push(`${safe(document.path)}`, `  ${document.title === null ? '(no title)' : safe(document.title)}`,
      `  ${date}${document.publisher ? ` · ${safe(document.publisher)}` : ''}`);
    lines.push(`  ${document.entities.length} entity mentions · ${document.figures.length} figures · ${document.quotes.length} quotes · ${document.dates.length} dates · ${document.noise.length} noise lines`);
    for (const figure of document.figures) lines.push(`    figure  ${safe(figure.text)}${figure.measure ? `  [${safe(figure.measure)}]` : ''}`);
    for (const quote of document.quotes) {
      const words = quote.text.length > 70 ? `${quote.text.slice(0, 67)}...` : quote.text;
      lines.push(`    quote   ${safe(words)}  (${safe(quote.speaker?.name ?? 'no speaker')})`);
    }
    lines.push('');
  }
  if (output.figureGroups.length) {
    lines.push('Figures reported by several sources');
    for (const group of output.figureGroups) {
      lines.push(`  ${safe(group.measure)}: ${group.verdict} (${safe(group.reason)})`);
      for (const member of group.members) lines.push(`    ${member.date ? safe(member.date) : 'undated   '}  ${safe(member.text)}  ${safe(member.path)}`);
    }
    lines.push('');
  }
  const top = output.entities.slice(0, 15).map((entity) => `${safe(entity.name)} (${entity.mentions})`);
  if (top.length) lines.push(`Most mentioned: ${top.join(', ')}`, '');
  for (const error of output.errors) lines.push(`skipped ${safe(error.path)}: ${safe(error.message)}`);
  return `${lines.join('\n')}\n`;
}

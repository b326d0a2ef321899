import type { AnalysisOutput } from '../types';

/** The terminal form of an analysis: what a reader scans before opening the editor. */
export function renderReport(output: AnalysisOutput): string {
  const lines: string[] = [];
  for (const document of output.documents) {
    const date = document.date.value ? `${document.date.value} (${document.date.source})` : 'undated';
    lines.push(`${document.path}`, `  ${document.title ?? '(no title)'}`, `  ${date}${document.publisher ? ` · ${document.publisher}` : ''}`);
    lines.push(`  ${document.entities.length} entity mentions · ${document.figures.length} figures · ${document.quotes.length} quotes · ${document.dates.length} dates · ${document.noise.length} noise lines`);
    for (const figure of document.figures) lines.push(`    figure  ${figure.text}${figure.measure ? `  [${figure.measure}]` : ''}`);
    for (const quote of document.quotes) {
      const words = quote.text.length > 70 ? `${quote.text.slice(0, 67)}...` : quote.text;
      lines.push(`    quote   ${words}  (${quote.speaker?.name ?? 'no speaker'})`);
    }
    lines.push('');
  }
  if (output.figureGroups.length) {
    lines.push('Figures reported by several sources');
    for (const group of output.figureGroups) {
      lines.push(`  ${group.measure}: ${group.verdict} (${group.reason})`);
      for (const member of group.members) lines.push(`    ${member.date ?? 'undated   '}  ${member.text}  ${member.path}`);
    }
    lines.push('');
  }
  const top = output.entities.slice(0, 15).map((entity) => `${entity.name} (${entity.mentions})`);
  if (top.length) lines.push(`Most mentioned: ${top.join(', ')}`, '');
  for (const error of output.errors) lines.push(`skipped ${error.path}: ${error.message}`);
  return `${lines.join('\n')}\n`;
}

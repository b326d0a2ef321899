// Runs inside the timeline webview: draws the events with vis-timeline (rows per document or per entity, partial
// dates as ranges over their whole period), filters them, keeps its state across hide/show, and asks the panel to
// reveal sentences, set document dates and export. An accessible list of all events sits below the chart.
import type { DataSet } from 'vis-data' with { 'resolution-mode': 'import' };
import type { DataGroup, DataItem, Timeline, TimelineOptions } from 'vis-timeline' with { 'resolution-mode': 'import' };
import type { FigureGroupView, TimelineDocument, TimelineItem, TimelineResponse } from '../../server/src/protocol';
import type { FromWebview, TimelineViewState, ToWebview } from '../src/timeline/messages';
import { calendarDateInWords, periodOf } from '../../server/src/core/features/date-words';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; getState(): unknown; setState(state: unknown): void };
const vscode = acquireVsCodeApi();

const reportError = (message: string) => vscode.postMessage({ type: 'error', message });
window.addEventListener('error', (event) => reportError(`${event.message} (${event.filename}:${event.lineno})`));
window.addEventListener('unhandledrejection', (event) => reportError(`Unhandled rejection: ${String(event.reason)}`));
document.addEventListener('securitypolicyviolation', (event) => reportError(`Content Security Policy blocked ${event.blockedURI || 'inline content'} (${event.violatedDirective})`));

const DEFAULT_STATE: TimelineViewState = { groupBy: 'document', text: '', story: '', storyChosen: false, document: '', entity: '', window: null, eventsListOpen: true };
const state: TimelineViewState = { ...DEFAULT_STATE, ...(vscode.getState() as Partial<TimelineViewState> | undefined) };
const saveState = () => vscode.setState(state);

const NO_ENTITY = '\u0000none';
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const controls = {
  text: element<HTMLInputElement>('filter-text'),
  story: element<HTMLSelectElement>('filter-story'),
  document: element<HTMLSelectElement>('filter-document'),
  entity: element<HTMLSelectElement>('filter-entity'),
  groupBy: Array.from(document.querySelectorAll<HTMLInputElement>('input[name="group-by"]')),
  fit: element<HTMLButtonElement>('timeline-fit'),
  busiest: element<HTMLButtonElement>('timeline-busiest'),
  exportJson: element<HTMLButtonElement>('export-json'),
  exportCsv: element<HTMLButtonElement>('export-csv'),
  details: element<HTMLDetailsElement>('timeline-events-details'),
};

let timeline: TimelineResponse | null = null;
let focusUri: string | null = null;
/** "Show in timeline" from a figure: the group whose values the chart shows, over its members' documents' events. */
let figureGroup: FigureGroupView | null = null;
const FIGURE_ROW = '\u0000figure';
let chart: Timeline | null = null;
// vis-timeline and vis-data are ES modules; this file type-checks as CommonJS, so they come in by import().
let TimelineChart: typeof Timeline;
let items: DataSet<DataItem>;
let groups: DataSet<DataGroup>;

// ---- dates -----------------------------------------------------------------------------------------------------

/** The period an ISO/TIMEX value covers, as local dates [start, end) (the calendar day, whatever the time zone). */
function period(value: string): { start: Date; end: Date } | null {
  const found = periodOf(value);
  if (!found) return null;
  const local = (ms: number) => {
    const utc = new Date(ms);
    const date = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
    date.setFullYear(utc.getUTCFullYear());
    return date;
  };
  return { start: local(found.start), end: local(found.end) };
}

/** "6 May 2015", "March 2016", "the week of 27 April – 3 May 2015": the server's words for the date. */
const describeDate = (event: TimelineItem) => event.when;

// ---- filtering and grouping --------------------------------------------------------------------------------------

const labelOf = (uri: string) => timeline?.documents.find((source) => source.uri === uri)?.label ?? uri.replace(/^.*\//, '');
const entityName = (id: string) => timeline?.entityNames[id] ?? id;

const storyOfUri = (uri: string | null) => (uri ? timeline?.documents.find((source) => source.uri === uri)?.story ?? '' : '');

function matches(event: TimelineItem): boolean {
  if (figureGroup && !figureGroup.members.some((member) => member.uri === event.uri)) return false;
  if (state.story && storyOfUri(event.uri) !== state.story) return false;
  if (state.document && event.uri !== state.document) return false;
  if (state.entity && !event.entities.includes(state.entity)) return false;
  const text = state.text.trim().toLowerCase();
  if (!text) return true;
  const haystack = [event.text, event.dateText, event.date, describeDate(event), labelOf(event.uri), ...event.entities.map(entityName)];
  return haystack.some((part) => part.toLowerCase().includes(text));
}

/** Indexes into timeline.events that the filters keep. */
function shownIndexes(): number[] {
  return timeline ? timeline.events.flatMap((event, index) => (matches(event) ? [index] : [])) : [];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const truncate = (text: string, length: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
};

/** Chart items keep their event, their whole period and how they are drawn, so a zoom can redraw them. */
type ChartItem = DataItem & { eventIndex: number; period: { start: Date; end: Date }; whole: boolean; baseClass: string; text: string };

/** A partial date ("March 2016") drawn as a range narrower than this would cut its label: it is drawn as a point. */
const NARROWEST_LABELLED_RANGE_PX = 110;

function chartItem(event: TimelineItem, index: number, group: string, id: string): ChartItem | null {
  const range = period(event.date);
  if (!range) return null;
  const whole = event.granularity !== 'day';
  const classes = ['corroborate-item', event.approximate ? 'approximate' : 'exact', event.uri === focusUri ? 'focused' : ''];
  const names = event.entities.map(entityName);
  const title = [`<b>${escapeHtml(describeDate(event))}</b>${event.approximate ? ' (approximate)' : ''} · ${escapeHtml(labelOf(event.uri))}`,
    `“${escapeHtml(event.dateText)}”: ${escapeHtml(truncate(event.text, 280))}`, names.length ? escapeHtml(names.join(', ')) : '']
    .filter(Boolean).join('<br>');
  const item: ChartItem = { id, group, start: range.start, content: '', title, eventIndex: index, period: range, whole,
    baseClass: classes.filter(Boolean).join(' '), text: event.text };
  return drawnAs(item, currentScale());
}

/** Pixels per millisecond of the visible window, or null before the chart exists (then the window to open is used). */
function currentScale(): number | null {
  const window = chart ? chart.getWindow() : openingWindow();
  if (!window) return null;
  const width = Math.max(200, element('timeline-chart').clientWidth - 220);
  return width / Math.max(1, new Date(window.end).valueOf() - new Date(window.start).valueOf());
}

/** A range wide enough for its label stays a range; a narrower one becomes a point in the middle of its period. */
function drawnAs(item: ChartItem, scale: number | null): ChartItem {
  const { start, end } = item.period;
  const wideEnough = item.whole && scale !== null && (end.valueOf() - start.valueOf()) * scale >= NARROWEST_LABELLED_RANGE_PX;
  if (wideEnough) {
    return { ...item, start, end, type: 'range', content: escapeHtml(truncate(item.text, 80)), className: item.baseClass };
  }
  const at = item.whole ? new Date((start.valueOf() + end.valueOf()) / 2) : start;
  const { end: _dropped, ...point } = item;
  return { ...point, start: at, type: 'point', content: escapeHtml(truncate(item.text, 36)),
    className: `${item.baseClass}${item.whole ? ' period-as-point' : ''}` };
}

/** After a zoom: items whose drawing should change (a range became too narrow for its label, or wide enough again). */
function redrawForScale(): void {
  const scale = currentScale();
  const changed: ChartItem[] = [];
  for (const item of items.get() as ChartItem[]) {
    if (!item.whole) continue;
    const next = drawnAs(item, scale);
    if (next.type !== item.type) changed.push(next);
  }
  if (changed.length) {
    items.remove(changed.map((item) => item.id!));
    items.add(changed);
  }
}

function updateChart(): void {
  if (!timeline) return;
  const shown = shownIndexes();
  const nextItems: ChartItem[] = [];
  const nextGroups = new Map<string, DataGroup & { order: number; published?: boolean }>();
  for (const index of shown) {
    const event = timeline.events[index]!;
    if (state.groupBy === 'document') {
      const item = chartItem(event, index, event.uri, String(index));
      if (!item) continue;
      nextItems.push(item);
      if (!nextGroups.has(event.uri)) {
        const source = timeline.documents.find((candidate) => candidate.uri === event.uri);
        // Rows in the order the documents were published (an undated one at its first event), so the chart reads
        // from top to bottom as from left to right; a background mention ("in 2004") does not move its row up.
        const published = source?.date ? period(source.date)?.start.valueOf() : undefined;
        nextGroups.set(event.uri, { id: event.uri, content: groupLabel(labelOf(event.uri), source?.date ? `published ${calendarDateInWords(source.date)}` : 'undated'),
          title: source?.title ?? labelOf(event.uri), order: published ?? item.period.start.valueOf(), published: published !== undefined,
          className: event.uri === focusUri ? 'focused' : '' });
      } else {
        const group = nextGroups.get(event.uri)!;
        if (!group.published) group.order = Math.min(group.order, item.period.start.valueOf());
      }
    } else {
      const ids = (state.entity ? [state.entity] : event.entities.length ? event.entities : [NO_ENTITY]);
      for (const id of ids) {
        const item = chartItem(event, index, id, `${index}@${id}`);
        if (!item) continue;
        nextItems.push(item);
        const group = nextGroups.get(id);
        if (group) group.order -= 1;
        else nextGroups.set(id, { id, content: groupLabel(id === NO_ENTITY ? 'No entity' : entityName(id), ''), order: -1 });
      }
    }
  }
  // The figure group's values, each at its report's date, in a row of their own at the top.
  if (figureGroup) {
    figureGroup.members.forEach((member, index) => {
      const range = member.date ? period(member.date) : null;
      if (!range) return;
      nextItems.push({ id: `figure-${index}`, group: FIGURE_ROW, start: range.start, type: 'point', eventIndex: -1, period: range, whole: false,
        baseClass: 'corroborate-item figure-value', className: 'corroborate-item figure-value', text: member.text,
        content: escapeHtml(truncate(member.text, 36)), title: `<b>${escapeHtml(member.text)}</b> · ${escapeHtml(member.label)} · ${escapeHtml(member.date!)}` });
    });
    nextGroups.set(FIGURE_ROW, { id: FIGURE_ROW, content: groupLabel(figureGroup.measure, figureGroup.verdict.replace(/-/g, ' ')), order: Number.MIN_SAFE_INTEGER });
  }
  // Entities: most events first; the "no entity" row last.
  for (const group of nextGroups.values()) {
    if (group.id === NO_ENTITY) group.order = Number.MAX_SAFE_INTEGER;
  }
  groups.clear();
  groups.add([...nextGroups.values()]);
  items.clear();
  items.add(nextItems);
  element('timeline-chart').classList.toggle('empty', nextItems.length === 0);
}

function groupLabel(name: string, detail: string): HTMLElement {
  const label = document.createElement('span');
  label.className = 'group-label';
  const strong = document.createElement('span');
  strong.className = 'group-name';
  strong.textContent = truncate(name, 40);
  label.append(strong);
  if (detail) {
    const small = document.createElement('span');
    small.className = 'group-detail';
    small.textContent = detail;
    label.append(small);
  }
  return label;
}

// ---- the accessible lists ----------------------------------------------------------------------------------------

function renderEventsList(): void {
  if (!timeline) return;
  const current = timeline;
  element('timeline-events').replaceChildren(...current.events.map((event, index) => {
    const item = document.createElement('li');
    item.className = `timeline-event ${event.approximate ? 'approximate' : 'exact'}${event.uri === focusUri ? ' focused' : ''}`;
    item.dataset.path = event.uri;
    item.dataset.date = event.date;
    item.dataset.granularity = event.granularity;
    item.dataset.index = String(index);
    item.hidden = !matches(event);
    const date = document.createElement('span');
    date.className = 'date';
    date.textContent = describeDate(event);
    date.title = `From “${event.dateText}”${event.approximate ? ' (approximate)' : ''}`;
    const source = document.createElement('span');
    source.className = 'source';
    source.textContent = labelOf(event.uri);
    const sentence = document.createElement('a');
    sentence.className = 'sentence';
    sentence.href = '#';
    sentence.textContent = truncate(event.text, 400);
    sentence.addEventListener('click', (click) => {
      click.preventDefault();
      reveal(index);
    });
    const entities = document.createElement('span');
    entities.className = 'entities';
    entities.textContent = event.entities.map(entityName).join(', ');
    item.append(date, source, sentence, entities);
    return item;
  }));
}

function updateEventsListVisibility(): void {
  if (!timeline) return;
  for (const item of Array.from(element('timeline-events').querySelectorAll<HTMLLIElement>('.timeline-event'))) {
    const event = timeline.events[Number(item.dataset.index)];
    item.hidden = !event || !matches(event);
  }
}

function renderUndated(documents: TimelineDocument[]): void {
  element('timeline-undated-section').hidden = documents.length === 0;
  element('timeline-undated').replaceChildren(...documents.map((source) => {
    const item = document.createElement('li');
    item.className = 'undated-document';
    item.dataset.path = source.uri;
    const open = document.createElement('a');
    open.href = '#';
    open.textContent = source.label;
    open.title = `Open ${source.label}`;
    open.addEventListener('click', (click) => {
      click.preventDefault();
      vscode.postMessage({ type: 'reveal', uri: source.uri, line: 0, character: 0 });
    });
    const setDate = document.createElement('button');
    setDate.type = 'button';
    setDate.className = 'secondary set-date';
    setDate.textContent = 'Set date…';
    setDate.title = `Record a publication date for ${source.label}`;
    setDate.addEventListener('click', () => vscode.postMessage({ type: 'setDocumentDate', uri: source.uri }));
    item.append(open);
    if (source.title && source.title !== source.label) {
      const title = document.createElement('span');
      title.className = 'title';
      title.textContent = source.title;
      item.append(title);
    }
    item.append(setDate);
    return item;
  }));
}

function renderFilters(): void {
  if (!timeline) return;
  const current = timeline;
  const option = (value: string, text: string) => {
    const choice = document.createElement('option');
    choice.value = value;
    choice.textContent = text;
    return choice;
  };
  const eventCounts = new Map<string, number>();
  for (const event of current.events) eventCounts.set(event.uri, (eventCounts.get(event.uri) ?? 0) + 1);
  // Stories, named as the Stories view names them (else by their first document), with their documents' count.
  const stories = new Map<string, TimelineDocument[]>();
  for (const source of current.documents) if (source.story) stories.set(source.story, [...(stories.get(source.story) ?? []), source]);
  controls.story.replaceChildren(option('', 'All stories'), ...[...stories].map(([id, sources]) =>
    option(id, `${truncate(current.storyTitles?.[id] ?? sources[0]!.title ?? sources[0]!.label, 48)} (${sources.length} document${sources.length === 1 ? '' : 's'})`)));
  if (state.story && !stories.has(state.story)) state.story = '';
  controls.story.value = state.story;
  controls.document.replaceChildren(option('', 'All documents'), ...current.documents.filter((source) => eventCounts.has(source.uri))
    .filter((source) => !state.story || source.story === state.story)
    .map((source) => option(source.uri, `${truncate(source.label, 48)} (${eventCounts.get(source.uri)})`)));
  const entityCounts = new Map<string, number>();
  for (const event of current.events) for (const id of event.entities) entityCounts.set(id, (entityCounts.get(id) ?? 0) + 1);
  controls.entity.replaceChildren(option('', 'All entities'), ...[...entityCounts]
    .sort(([a, countA], [b, countB]) => countB - countA || entityName(a).localeCompare(entityName(b)))
    .map(([id, count]) => option(id, `${truncate(entityName(id), 40)} (${count})`)));
  // A filter on something that left the index no longer applies.
  if (state.document && !eventCounts.has(state.document)) state.document = '';
  if (state.entity && !entityCounts.has(state.entity)) state.entity = '';
  controls.document.value = state.document;
  controls.entity.value = state.entity;
}

function renderSummary(): void {
  if (!timeline) return;
  const undated = timeline.documents.filter((source) => !source.date).length;
  const shown = shownIndexes().length;
  const total = timeline.events.length;
  const parts = [`${total} dated event${total === 1 ? '' : 's'} in ${timeline.documents.length} document${timeline.documents.length === 1 ? '' : 's'}`,
    `${undated} undated`];
  if (shown !== total) parts.push(`showing ${shown}`);
  element('timeline-summary').textContent = parts.join(' · ');
  element('timeline-events-heading').textContent = shown === total ? `Events (${total})` : `Events (${shown} of ${total})`;
}

// ---- chart -------------------------------------------------------------------------------------------------------

function reveal(index: number): void {
  const event = timeline?.events[index];
  if (event) vscode.postMessage({ type: 'reveal', uri: event.uri, line: event.line, character: event.character });
}

function createChart(): Timeline {
  // An initial window keeps vis from running its own fit() once the first items are drawn.
  const initial = openingWindow();
  const options: TimelineOptions = {
    ...(initial ? { start: initial.start, end: initial.end } : {}),
    // Grows with the rows up to most of the panel, then scrolls vertically.
    minHeight: 180,
    maxHeight: Math.max(280, Math.round(window.innerHeight * 0.62)),
    stack: true,
    orientation: { axis: 'top', item: 'top' },
    showCurrentTime: false,
    selectable: true,
    zoomMin: 1000 * 60 * 60 * 24 * 3,
    zoomMax: 1000 * 60 * 60 * 24 * 365 * 60,
    margin: { item: { horizontal: 4, vertical: 6 }, axis: 8 },
    tooltip: { followMouse: false, overflowMethod: 'cap', delay: 200 },
    groupOrder: (a: { order: number }, b: { order: number }) => a.order - b.order,
    verticalScroll: true,
  };
  const created = new TimelineChart(element('timeline-chart'), items, groups, options);
  created.on('click', (properties: { item: string | number | null }) => {
    if (properties.item === null || properties.item === undefined) return;
    const item = items.get(properties.item) as ChartItem | null;
    if (item?.eventIndex !== undefined) reveal(item.eventIndex);
  });
  // A webview shown again may lay out after the chart was built; vis only polls for size changes once a second.
  let pending = false;
  new ResizeObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; created.redraw(); });
  }).observe(element('timeline-chart'));
  created.on('rangechanged', (properties: { start: Date; end: Date; byUser: boolean }) => {
    showWindow(properties.start.valueOf(), properties.end.valueOf());
    showRowsWithItemsIn(properties.start.valueOf(), properties.end.valueOf());
    redrawForScale();
    if (!properties.byUser) return;
    state.window = { start: properties.start.valueOf(), end: properties.end.valueOf() };
    saveState();
  });
  return created;
}

const DAY = 86_400_000;
/** Fine dates (a day, a week, a month) closer than this belong to one busy period. */
const BUSY_PERIOD_GAP = 60 * DAY;
/** The opening window covers most fine dates when they fit in this span; else the busiest period alone. */
const WIDEST_OPENING_SPAN = 3 * 365 * DAY;
const FINE: ReadonlySet<string> = new Set(['day', 'week', 'month']);

/** The shown items' periods, fine ones (a day, week or month) apart from the coarse ones (a year, a decade…). */
function shownPeriods(): Array<{ start: number; end: number; fine: boolean }> {
  return (items.get() as ChartItem[]).map((item) => ({ start: item.period.start.valueOf(), end: item.period.end.valueOf(),
    fine: FINE.has(timeline?.events[item.eventIndex]?.granularity ?? '') }));
}

/** The dated values of the figure group shown, if any: the window opens on them. */
function figureValuePeriods(): Array<{ start: number; end: number }> {
  return figureGroup ? figureGroup.members.flatMap((member) => {
    const range = member.date ? period(member.date) : null;
    return range ? [{ start: range.start.valueOf(), end: range.end.valueOf() }] : [];
  }) : [];
}

/** Says which figure group the chart shows, or hides the banner. */
function renderFigureBanner(): void {
  const banner = element('timeline-figure');
  banner.hidden = !figureGroup;
  if (!figureGroup) return;
  const undated = figureGroup.members.filter((member) => !member.date).length;
  const values = [...new Set(figureGroup.members.map((member) => member.text))];
  element('timeline-figure-text').textContent = `${figureGroup.measure} over time · ${figureGroup.members.length} report${figureGroup.members.length === 1 ? '' : 's'}`
    + `${undated ? ` (${undated} undated, not drawn)` : ''} · ${figureGroup.verdict.replace(/-/g, ' ')} · ${truncate(values.join(', '), 120)}`;
}

/** Room around a span: a little on the left, more on the right for the labels of the latest points. */
function padded(start: number, end: number): { start: number; end: number } {
  const span = Math.max(end - start, 14 * DAY);
  const middle = (start + end) / 2;
  const low = Math.min(start, middle - span / 2);
  return { start: low - span * 0.05, end: low + span + span * 0.3 };
}

/** The window over every shown item, background mentions ("in 2004") included: what Fit shows. */
function wholeWindow(): { start: number; end: number } | null {
  const periods = shownPeriods();
  if (!periods.length) return null;
  return padded(Math.min(...periods.map((p) => p.start)), Math.max(...periods.map((p) => p.end)));
}

/**
 * The window a reader wants first: where the dated events are dense. Background mentions (a year, a decade) stay
 * items but do not widen it. The shortest span holding 80% of the fine dates, if it is not too wide; else the
 * busiest period (fine dates with no gap over two months between them), the latest when two are as busy.
 */
function busiestWindow(): { start: number; end: number } | null {
  const values = figureValuePeriods();
  if (values.length) return padded(Math.min(...values.map((p) => p.start)), Math.max(...values.map((p) => p.end)));
  const periods = shownPeriods();
  if (!periods.length) return null;
  const fine = periods.filter((p) => p.fine);
  const considered = (fine.length >= 2 ? fine : periods).sort((a, b) => a.start - b.start);
  const wanted = Math.max(1, Math.ceil(considered.length * 0.8));
  let best: { start: number; end: number } | null = null;
  for (let first = 0; first + wanted <= considered.length; first++) {
    const slice = considered.slice(first, first + wanted);
    const span = { start: slice[0]!.start, end: Math.max(...slice.map((p) => p.end)) };
    if (!best || span.end - span.start < best.end - best.start) best = span;
  }
  if (best && best.end - best.start <= WIDEST_OPENING_SPAN) return padded(best.start, best.end);
  let busiest: typeof considered = [];
  let current: typeof considered = [];
  for (const p of considered) {
    const last = current.at(-1);
    if (last && p.start - Math.max(...current.map((c) => c.end)) > BUSY_PERIOD_GAP) current = [];
    current.push(p);
    if (current.length >= busiest.length) busiest = [...current];
  }
  return padded(busiest[0]!.start, Math.max(...busiest.map((p) => p.end)));
}

/** The window to open on: the reader's last one, else the busiest period (of the chosen story's events). */
function openingWindow(): { start: number; end: number } | null {
  return state.window ?? storyWindow();
}

/**
 * The busiest period of the shown events, widened to the chosen story's dense period (the middle half of its
 * documents' own dates, as the server reads them) when that period holds shown events.
 */
function storyWindow(): { start: number; end: number } | null {
  const busiest = busiestWindow();
  const reported = state.story ? timeline?.storyPeriods?.[state.story] : null;
  const from = reported ? period(reported.start) : null;
  const to = reported ? period(reported.end) : null;
  if (!busiest || !from || !to) return busiest;
  const dense = { start: from.start.valueOf(), end: to.end.valueOf() };
  if (!shownPeriods().some((p) => p.end > dense.start && p.start < dense.end)) return busiest;
  return padded(Math.min(busiest.start, dense.start), Math.max(busiest.end, dense.end));
}

const windowFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** Says what the chart shows ("1 Apr 2015 – 30 Jun 2016 · 9 of 12 events"), and keeps it on the chart for tests. */
function showWindow(start: number, end: number): void {
  const chartElement = element('timeline-chart');
  chartElement.dataset.windowStart = new Date(start).toISOString();
  chartElement.dataset.windowEnd = new Date(end).toISOString();
  const periods = shownPeriods();
  const inside = periods.filter((p) => p.end > start && p.start < end).length;
  const outside = periods.length - inside;
  element('timeline-window').textContent = `${windowFormat.format(start)} – ${windowFormat.format(end)} · ${inside} of ${periods.length} events`
    + (outside ? ` (${outside} outside: Fit shows all)` : '');
}

/** Rows with nothing in the window are hidden, so what is in view is not pushed below the fold by empty rows. */
function showRowsWithItemsIn(start: number, end: number): void {
  const inView = new Set<string | number>();
  for (const item of items.get() as ChartItem[]) {
    if (item.period.end.valueOf() > start && item.period.start.valueOf() < end && item.group !== undefined) inView.add(item.group);
  }
  const changed = (groups.get() as Array<DataGroup & { visible?: boolean }>).flatMap((group) => {
    const visible = inView.has(group.id) || inView.size === 0;
    return (group.visible ?? true) === visible ? [] : [{ id: group.id, visible }];
  });
  if (changed.length) groups.update(changed);
}

function setWindow(range: { start: number; end: number } | null): void {
  if (chart && range) chart.setWindow(range.start, range.end, { animation: false });
}

/** Fit: every shown event, background mentions included. */
function fit(): void {
  const range = wholeWindow();
  state.window = range;
  saveState();
  setWindow(range);
}

/** Back to the busiest period, the window the timeline opens on. */
function showBusiest(): void {
  state.window = null;
  saveState();
  setWindow(storyWindow());
}

function render(message: Extract<ToWebview, { type: 'timeline' }>): void {
  const focusChanged = message.focusUri !== focusUri;
  timeline = message.timeline;
  focusUri = message.focusUri;
  const figureChanged = (message.figureGroup?.id ?? null) !== (figureGroup?.id ?? null);
  figureGroup = message.figureGroup;
  if (figureChanged && figureGroup) { state.story = ''; state.document = ''; state.entity = ''; state.text = ''; controls.text.value = ''; state.window = null; }
  // Opened from a document's code lens: the timeline is filtered to that document (one click clears it).
  if (focusChanged && focusUri && !figureGroup) { state.document = focusUri; state.window = null; }
  // The timeline opens on the story of the document the reader is in (or the one it was opened for), until the
  // reader picks a story or "All stories" in the selector.
  const storyHere = storyOfUri(focusUri ?? message.activeUri);
  if (storyHere && (!state.storyChosen || focusChanged) && state.story !== storyHere) { state.story = storyHere; state.window = null; }
  document.body.classList.remove('unavailable');
  renderFilters();
  renderFigureBanner();
  renderSummary();
  renderEventsList();
  renderUndated(timeline.documents.filter((source) => !source.date));
  updateChart();
  if (chart) {
    if (!state.window) setWindow(storyWindow());
  } else {
    try {
      chart = createChart();
    } catch (error) {
      const text = error instanceof Error ? error.stack ?? error.message : String(error);
      element('timeline-chart').textContent = `The chart could not be drawn: ${text}`;
      reportError(`Drawing the timeline failed: ${text}`);
      return;
    }
  }
  const shown = chart.getWindow();
  showWindow(shown.start.valueOf(), shown.end.valueOf());
  showRowsWithItemsIn(shown.start.valueOf(), shown.end.valueOf());
}

function applyFilters(): void {
  saveState();
  renderSummary();
  updateEventsListVisibility();
  updateChart();
  if (!state.window) setWindow(storyWindow());
  const shown = chart?.getWindow();
  if (shown) showRowsWithItemsIn(shown.start.valueOf(), shown.end.valueOf());
}

// ---- wiring ------------------------------------------------------------------------------------------------------

controls.text.value = state.text;
for (const radio of controls.groupBy) radio.checked = radio.value === state.groupBy;
controls.details.open = state.eventsListOpen;

element('timeline-controls').addEventListener('submit', (event) => event.preventDefault());
controls.text.addEventListener('input', () => { state.text = controls.text.value; applyFilters(); });
controls.story.addEventListener('change', () => {
  state.story = controls.story.value;
  state.storyChosen = true;
  if (state.document && storyOfUri(state.document) !== state.story && state.story) state.document = '';
  state.window = null;
  renderFilters();
  applyFilters();
});
controls.document.addEventListener('change', () => { state.document = controls.document.value; applyFilters(); });
controls.entity.addEventListener('change', () => { state.entity = controls.entity.value; applyFilters(); });
for (const radio of controls.groupBy) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    state.groupBy = radio.value === 'entity' ? 'entity' : 'document';
    applyFilters();
  });
}
controls.fit.addEventListener('click', fit);
element('timeline-figure-clear').addEventListener('click', () => {
  figureGroup = null;
  vscode.postMessage({ type: 'clearFigureGroup' });
  renderFigureBanner();
  renderFilters();
  state.window = null;
  renderEventsList();
  applyFilters();
});
controls.busiest.addEventListener('click', showBusiest);
controls.exportJson.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'json', events: shownIndexes() }));
controls.exportCsv.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'csv', events: shownIndexes() }));
controls.details.addEventListener('toggle', () => { state.eventsListOpen = controls.details.open; saveState(); });

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'timeline') render(message);
  else if (message.type === 'unavailable') {
    document.body.classList.add('unavailable');
    element('timeline-summary').textContent = `The timeline is not available: ${message.message}`;
  }
});

async function start(): Promise<void> {
  const [visTimeline, visData] = await Promise.all([import('vis-timeline'), import('vis-data')]);
  TimelineChart = visTimeline.Timeline;
  items = new visData.DataSet<DataItem>();
  groups = new visData.DataSet<DataGroup>();
  vscode.postMessage({ type: 'ready' });
}

start().catch((error: unknown) => reportError(`Starting the timeline failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));

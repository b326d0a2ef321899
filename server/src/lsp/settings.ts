import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { DEFAULT_SEVERITY, type DiagnosticKind, type DiagnosticOptions, type Severity } from '../core/features/diagnostics';

export interface ResourceSettings {
  include: string[];
  exclude: string[];
  diagnostics: DiagnosticOptions;
  inlayHints: { dates: boolean; speakers: boolean };
}

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
export const DEFAULT_SETTINGS: ResourceSettings = {
  include: ['**/*.txt', '**/*.md'],
  exclude: [],
  diagnostics: { severity: DEFAULT_SEVERITY, maximumPerDocument: 100 },
  inlayHints: { dates: true, speakers: true },
};

/** Settings per resource, asked of the client once and cached until the configuration changes. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ResourceSettings>>();

  /** `scopeOf` maps a document to the resource whose settings it shares (its workspace folder). */
  constructor(private readonly connection: Connection, private readonly clientAnswersConfiguration: boolean,
    private readonly scopeOf: (uri: string) => string) {}

  get(uri: string): Promise<ResourceSettings> {
    if (!this.clientAnswersConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    const scope = this.scopeOf(uri);
    let settings = this.cache.get(scope);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: scope, section: 'corroborate' })
        .then((raw) => this.validate(raw), () => DEFAULT_SETTINGS);
      this.cache.set(scope, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }

  /** Unusable values fall back to the defaults, with a message naming the setting. */
  private validate(raw: unknown): ResourceSettings {
    const section = isObject(raw) ? raw : {};
    const problems: string[] = [];
    const patterns = (name: 'include' | 'exclude') => {
      const value = section[name];
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
      if (value !== undefined) problems.push(`corroborate.${name} must be a list of glob patterns`);
      return DEFAULT_SETTINGS[name];
    };
    const include = patterns('include');
    const exclude = patterns('exclude');
    const severity = { ...DEFAULT_SEVERITY };
    const configured = section.severity;
    if (isObject(configured)) {
      for (const [kind, value] of Object.entries(configured)) {
        if (!(kind in severity)) problems.push(`corroborate.severity has an unknown kind '${kind}'`);
        else if (!SEVERITIES.includes(value as Severity)) problems.push(`corroborate.severity.${kind} must be one of ${SEVERITIES.join(', ')}`);
        else severity[kind as DiagnosticKind] = value as Severity;
      }
    } else if (configured !== undefined) problems.push('corroborate.severity must be an object such as { "noise": "hint" }');
    const maximum = section.maxProblemsPerFile;
    const maximumPerDocument = typeof maximum === 'number' && maximum >= 0 ? Math.floor(maximum)
      : (maximum !== undefined && problems.push('corroborate.maxProblemsPerFile must be a number of at least 0'), DEFAULT_SETTINGS.diagnostics.maximumPerDocument);
    const configuredHints = section.inlayHints;
    if (configuredHints !== undefined && !isObject(configuredHints)) problems.push('corroborate.inlayHints must be an object such as { "dates": true, "speakers": true }');
    const hints = isObject(configuredHints) ? configuredHints : {};
    for (const name of Object.keys(hints)) if (name !== 'dates' && name !== 'speakers') problems.push(`corroborate.inlayHints has an unknown key '${name}'`);
    const flag = (name: 'dates' | 'speakers') => {
      if (hints[name] === undefined || typeof hints[name] === 'boolean') return hints[name] as boolean | undefined ?? true;
      problems.push(`corroborate.inlayHints.${name} must be true or false`);
      return true;
    };
    const inlayHints = { dates: flag('dates'), speakers: flag('speakers') };
    // A notification, not a request: a client that cannot show messages must not fail the server.
    if (problems.length) void this.connection.sendNotification(ShowMessageNotification.type,
      { type: MessageType.Warning, message: `Corroborate settings: ${problems.join('; ')}. Using the defaults for those.` });
    return { include, exclude, diagnostics: { severity, maximumPerDocument }, inlayHints };
  }
}

/** A JSON object: not null, not a list. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

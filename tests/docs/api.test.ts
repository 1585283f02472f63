import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Application, Logger, LogLevel, ReflectionKind, TSConfigReader, TypeDocReader, type ProjectReflection } from 'typedoc';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = `${ROOT}typedoc.json`;
const config = JSON.parse(readFileSync(CONFIG, 'utf8')) as { entryPoints: string[]; intentionallyNotDocumented?: string[] };
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { exports: Record<string, unknown> };

/** Keeps every warning and error TypeDoc reports, instead of printing them. */
class KeptLogger extends Logger {
  readonly kept: string[] = [];
  override log(message: string, level: LogLevel): void {
    super.log(message, level);
    if (level >= LogLevel.Warn) this.kept.push(`${LogLevel[level]}: ${message}`);
  }
}

/** The package's documented entry points: '.', './node', … (package.json aside). */
const entries = Object.keys(pkg.exports).filter((key) => key !== './package.json');

/** src/index.ts for '.', src/node/index.ts for './node'. */
function sourceOf(entry: string): string {
  return entry === '.' ? 'src/index.ts' : `src/${entry.slice(2)}/index.ts`;
}

/** vanity400 for '.', vanity400/node for './node': the name an entry's module must have. */
function moduleNameOf(entry: string): string {
  return entry === '.' ? 'vanity400' : `vanity400/${entry.slice(2)}`;
}

/** Converts and validates with typedoc.json, writing nothing; returns the project and what was logged. */
async function document(overrides: Record<string, unknown> = {}): Promise<{ project: ProjectReflection | undefined; kept: string[] }> {
  const app = await Application.bootstrapWithPlugins({ options: CONFIG, ...overrides }, [new TypeDocReader(), new TSConfigReader()]);
  const booted = app.logger;
  const logger = new KeptLogger();
  app.logger = logger;
  if (booted.hasErrors() || booted.hasWarnings()) logger.kept.push('TypeDoc reported problems with its options (printed above)');
  const project = await app.convert();
  if (project) app.validate(project);
  return { project, kept: logger.kept };
}

describe('the API reference (typedoc)', () => {
  let project: ProjectReflection | undefined;
  let kept: string[] = [];

  beforeAll(async () => {
    ({ project, kept } = await document());
  });

  it('documents every entry point of the package', () => {
    expect(config.entryPoints.sort()).toEqual(entries.map(sourceOf).sort());
  });

  it('converts and validates with no warning or error', () => {
    expect(project).toBeDefined();
    expect(kept).toEqual([]);
  });

  it('names each module as it is imported', () => {
    expect(project!.children!.map((m) => m.name).sort()).toEqual(entries.map(moduleNameOf).sort());
  });

  it('every exported symbol has a comment', () => {
    const pending = new Set(config.intentionallyNotDocumented ?? []);
    const missing: string[] = [];
    for (const module of project!.children!) {
      expect(module.children?.length ?? 0, module.name).toBeGreaterThan(0);
      for (const symbol of module.children ?? []) {
        if (symbol.kindOf(ReflectionKind.Reference)) continue; // documented where it is declared
        const signatures = symbol.getNonIndexSignatures();
        const commented = symbol.hasComment() || signatures.some((s) => s.hasComment());
        if (!commented && !pending.has(symbol.getFriendlyFullName())) missing.push(symbol.getFriendlyFullName());
      }
    }
    expect(missing).toEqual([]);
  });

  it('the same settings catch an undocumented export', async () => {
    const fixture = 'tests/docs/fixtures/undocumented.ts';
    const { kept } = await document({ entryPoints: [fixture], intentionallyNotDocumented: [], intentionallyNotExported: [] });
    expect(kept.join('\n')).toMatch(/halfOf .*does not have any documentation/);
  });
});

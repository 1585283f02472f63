/**
 * The public API as its type declarations say it: every function, class and method exported by a
 * package entry, with the names of its parameters and the kinds of value each one takes. The
 * wrong-types test reads it, so a new export (or a new parameter) is fuzzed without being listed.
 */
import ts from 'typescript';

/** The kinds of JavaScript value a parameter's type can take. */
export type Kind = 'string' | 'number' | 'boolean' | 'bigint' | 'symbol' | 'null' | 'undefined' | 'array' | 'function' | 'object';
const ALL: readonly Kind[] = ['string', 'number', 'boolean', 'bigint', 'symbol', 'null', 'undefined', 'array', 'function', 'object'];

export interface Param {
  name: string;
  kinds: ReadonlySet<Kind>;
  /** The properties of an object parameter (one level), each with the kinds it takes. */
  fields: readonly { name: string; kinds: ReadonlySet<Kind> }[];
}

export interface Callable {
  /** `score`, `inventoryRules.checkAgent`, `MemoryStore.hold`, `new MemoryStore`. */
  name: string;
  params: readonly Param[];
  /** Whether it answers a Promise (and so must reject rather than throw). */
  async: boolean;
}

const root = new URL('../../', import.meta.url).pathname;
const ENTRIES = { core: 'src/index.ts', node: 'src/node/index.ts', sqlite: 'src/sqlite/index.ts', redis: 'src/redis/index.ts', bot: 'src/bot/index.ts' } as const;
export type Entry = keyof typeof ENTRIES;

const program = ts.createProgram(
  Object.values(ENTRIES).map((file) => root + file),
  { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true, skipLibCheck: true, noEmit: true, types: ['node'], paths: { vanity400: [`${root}src/index.ts`] } },
);
const checker = program.getTypeChecker();

function kindsOf(type: ts.Type, seen = new Set<ts.Type>()): Set<Kind> {
  const f = type.flags;
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || seen.has(type)) return new Set(ALL);
  seen.add(type);
  if (type.isUnion()) return new Set(type.types.flatMap((t) => [...kindsOf(t, seen)]));
  if (type.isIntersection()) {
    // What every part takes; a branded primitive (string & { brand }) is its primitive.
    const parts = type.types.map((t) => kindsOf(t, seen));
    const common = ALL.filter((k) => parts.every((p) => p.has(k)));
    return new Set(common.length > 0 ? common : parts.flatMap((p) => [...p]).filter((k) => k !== 'object'));
  }
  if (f & ts.TypeFlags.TypeParameter) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint && constraint !== type ? kindsOf(constraint, seen) : new Set(ALL);
  }
  if (f & ts.TypeFlags.StringLike) return new Set(['string']);
  if (f & ts.TypeFlags.NumberLike) return new Set(['number']);
  if (f & ts.TypeFlags.BooleanLike) return new Set(['boolean']);
  if (f & ts.TypeFlags.BigIntLike) return new Set(['bigint']);
  if (f & ts.TypeFlags.ESSymbolLike) return new Set(['symbol']);
  if (f & ts.TypeFlags.Null) return new Set(['null']);
  if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return new Set(['undefined']);
  if (f & ts.TypeFlags.NonPrimitive) return new Set(['object', 'array', 'function']);
  if (checker.isArrayType(type) || checker.isTupleType(type)) return new Set(['array']);
  const kinds = new Set<Kind>();
  if (type.getCallSignatures().length > 0) kinds.add('function');
  // An Iterable takes an array (and, for Iterable<string>, a string; a string parameter says so itself).
  if (type.getProperties().some((p) => p.escapedName.toString().startsWith('__@iterator') || p.escapedName.toString().startsWith('__@asyncIterator'))) kinds.add('array');
  if (type.getCallSignatures().length === 0 || type.getProperties().length > 0) kinds.add('object');
  return kinds;
}

function paramOf(symbol: ts.Symbol, at: ts.Node, optional: boolean): Param {
  const type = checker.getTypeOfSymbolAtLocation(symbol, at);
  const kinds = kindsOf(type);
  if (optional) kinds.add('undefined');
  const objectParts = (type.isUnion() ? type.types : [type]).filter((t) => t.flags & ts.TypeFlags.Object && !checker.isArrayType(t) && !checker.isTupleType(t));
  const fields =
    objectParts.length === 1
      ? checker.getPropertiesOfType(objectParts[0]!).flatMap((p) => {
          if (p.escapedName.toString().startsWith('__@')) return [];
          const decl = p.valueDeclaration ?? p.declarations?.[0];
          if (!decl || ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl) || ts.isGetAccessor(decl)) return [];
          const fieldKinds = kindsOf(checker.getTypeOfSymbolAtLocation(p, at));
          if (p.flags & ts.SymbolFlags.Optional) fieldKinds.add('undefined');
          return [{ name: p.name, kinds: fieldKinds }];
        })
      : [];
  return { name: symbol.name, kinds, fields };
}

function callableOf(name: string, signature: ts.Signature, at: ts.Node): Callable {
  const params = signature.getParameters().map((p) => {
    const decl = p.valueDeclaration as ts.ParameterDeclaration | undefined;
    const optional = decl !== undefined && (checker.isOptionalParameter(decl) || decl.dotDotDotToken !== undefined);
    return paramOf(p, decl ?? at, optional);
  });
  const returns = checker.getReturnTypeOfSignature(signature);
  return { name, params, async: returns.getSymbol()?.name === 'Promise' };
}

/** The widest signature of an overloaded function: the one with the most parameters. */
function widest(signatures: readonly ts.Signature[]): ts.Signature | undefined {
  return [...signatures].sort((a, b) => b.getParameters().length - a.getParameters().length)[0];
}

/** An overloaded function as one: each parameter takes what any of the overloads lets it take. */
function merged(name: string, signatures: readonly ts.Signature[], at: ts.Node): Callable | undefined {
  const all = signatures.map((s) => callableOf(name, s, at));
  const first = all.sort((a, b) => b.params.length - a.params.length)[0];
  if (!first) return undefined;
  const params = first.params.map((p, i) => {
    const kinds = new Set(p.kinds);
    for (const other of all) for (const k of other.params[i]?.kinds ?? ['undefined' as const]) kinds.add(k);
    return { ...p, kinds };
  });
  return { ...first, params };
}

/** Marked `@internal` in its doc comment: not part of the public API. */
const isInternal = (decl: ts.Node | undefined): boolean => decl !== undefined && ts.getJSDocTags(decl).some((tag) => tag.tagName.text === 'internal');

function methodsOf(owner: string, type: ts.Type, at: ts.Node): Callable[] {
  return checker.getPropertiesOfType(type).flatMap((p) => {
    if (p.name.startsWith('#') || p.name.startsWith('__@') || p.name === 'constructor') return [];
    const decl = p.valueDeclaration ?? p.declarations?.[0];
    if (isInternal(decl) || (decl && ts.getCombinedModifierFlags(decl as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected))) return [];
    const signature = widest(checker.getTypeOfSymbolAtLocation(p, at).getCallSignatures());
    return signature ? [callableOf(`${owner}.${p.name}`, signature, at)] : [];
  });
}

/** Every function, namespace function, class constructor and class method an entry exports. */
export function publicApi(entry: Entry): Callable[] {
  const file = program.getSourceFile(root + ENTRIES[entry])!;
  const module = checker.getSymbolAtLocation(file)!;
  const found: Callable[] = [];
  const visit = (symbol: ts.Symbol, prefix: string) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const name = `${prefix}${symbol.name}`;
    if (target.flags & ts.SymbolFlags.Class) {
      const type = checker.getTypeOfSymbolAtLocation(target, file);
      const ctor = widest(type.getConstructSignatures());
      if (ctor && !isInternal(ctor.getDeclaration())) found.push(callableOf(`new ${name}`, ctor, file));
      found.push(...methodsOf(name, checker.getDeclaredTypeOfSymbol(target), file));
    } else if (target.flags & ts.SymbolFlags.Function) {
      const callable = merged(name, checker.getTypeOfSymbolAtLocation(target, file).getCallSignatures(), file);
      if (callable) found.push(callable);
    } else if (target.flags & ts.SymbolFlags.ValueModule) {
      for (const inner of checker.getExportsOfModule(target)) visit(inner, `${name}.`);
    }
  };
  for (const symbol of checker.getExportsOfModule(module)) visit(symbol, '');
  return found;
}

/** The methods of an exported interface (e.g. `Store`), for values that are one without being a class. */
export function interfaceMethods(entry: Entry, name: string): Callable[] {
  const file = program.getSourceFile(root + ENTRIES[entry])!;
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).find((s) => s.name === name)!;
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return methodsOf(name, checker.getDeclaredTypeOfSymbol(target), file);
}

#!/usr/bin/env node
// Issue 23 codemod: moves src/ and test/ into the feature layout (git mv), then rewrites every relative
// module specifier, __dirname-relative path.join/resolve, and repo path named in text/docs so they
// point at the same files as before. Idempotent: a second run finds nothing to move and nothing to edit.
//
//   node renovate.mjs <repo-root> [--dry-run] [--readme] [--mapping FILE]
//
// Runs nothing else (no tsc, no tests). `typescript` is loaded from the repo's node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const flag = (name) => { const i = argv.indexOf(name); if (i < 0) return false; argv.splice(i, 1); return true; };
const option = (name) => { const i = argv.indexOf(name); if (i < 0) return null; const v = argv[i + 1]; argv.splice(i, 2); return v; };
const DRY = flag('--dry-run');
const README = flag('--readme');
const mappingFile = option('--mapping') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'mapping.json');
if (argv.length !== 1) { console.error('usage: node renovate.mjs <repo-root> [--dry-run] [--readme] [--mapping FILE]'); process.exit(2); }
const ROOT = path.resolve(argv[0]);
const ts = createRequire(path.join(ROOT, 'package.json'))('typescript');
const mapping = JSON.parse(fs.readFileSync(mappingFile, 'utf8'));

const P = path.posix;
const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
const abs = (rel) => path.join(ROOT, rel);
const exists = (rel) => fs.existsSync(abs(rel));

// ---- 1. the tree as it is now ------------------------------------------------------------------
const tracked = new Set(git('ls-files', '-z').split('\0').filter(Boolean));
const untracked = git('ls-files', '-z', '--others', '--exclude-standard').split('\0').filter(Boolean);
const allFiles = [...new Set([...tracked, ...untracked])].filter((f) => exists(f) && !f.startsWith('node_modules/'));
const oldFiles = new Set(allFiles);

// ---- 2. where each file of src/ and test/ goes --------------------------------------------------
const rules = mapping.rules.map(([re, to]) => [new RegExp(re), to]);
const moves = new Map(); // old -> new (only real moves)
const unmapped = [];
for (const f of allFiles) {
  if (!/^(src|test)\//.test(f)) continue;
  let to = mapping.files[f];
  if (to === undefined) {
    const rule = rules.find(([re]) => re.test(f));
    if (rule) to = f.replace(rule[0], rule[1]);
  }
  if (to === undefined) {
    if (mapping.vacated.some((d) => f.startsWith(d))) unmapped.push(f);
    continue;
  }
  if (to !== f) moves.set(f, to);
}
const targets = new Map();
for (const [from, to] of moves) {
  if (targets.has(to)) throw new Error(`two files map to ${to}: ${targets.get(to)} and ${from}`);
  if (oldFiles.has(to) && !moves.has(to)) throw new Error(`${from} -> ${to}: a file that stays is already there`);
  targets.set(to, from);
}
const reverse = new Map([...moves].map(([a, b]) => [b, a]));
const newOf = (f) => moves.get(f) ?? f;
const oldOf = (f) => reverse.get(f) ?? f;

// A folder maps as a whole when every file under it keeps its place relative to one new folder.
const dirMap = new Map();
{
  const dirs = new Set();
  for (const f of oldFiles) for (let d = P.dirname(f); d !== '.'; d = P.dirname(d)) dirs.add(d);
  for (const d of dirs) {
    let target = null, uniform = true, moved = false;
    for (const f of oldFiles) {
      if (!f.startsWith(d + '/')) continue;
      const rest = f.slice(d.length + 1), to = newOf(f);
      if (to !== f) moved = true;
      if (!to.endsWith('/' + rest)) { uniform = false; break; }
      const nd = to.slice(0, to.length - rest.length - 1);
      if (target === null) target = nd; else if (target !== nd) { uniform = false; break; }
    }
    if (moved) dirMap.set(d, uniform ? target : null);
  }
}
/** Where an old repo-relative path (file or folder, possibly not existing) lives after the move. */
const oldDirs = new Set();
for (const f of oldFiles) for (let d = P.dirname(f); d !== '.'; d = P.dirname(d)) oldDirs.add(d);
function relocate(p) {
  for (let d = p; d !== '.' && d !== '' && !d.startsWith('..'); d = P.dirname(d)) {
    const rest = p.slice(d.length);
    if (oldFiles.has(d)) return newOf(d) + rest;
    if (oldDirs.has(d)) {
      if (!dirMap.has(d)) return p;
      const nd = dirMap.get(d);
      if (nd !== null) return nd + rest;
      // A folder split by the move still names itself if some of its files stay in it.
      return [...oldFiles].some((f) => f.startsWith(d + '/') && newOf(f).startsWith(d + '/')) ? p : undefined;
    }
  }
  return p;
}

// ---- 3. move ------------------------------------------------------------------------------------
const log = (...a) => console.log(...a);
for (const [from, to] of [...moves].sort()) {
  if (DRY) continue;
  fs.mkdirSync(path.dirname(abs(to)), { recursive: true });
  if (tracked.has(from)) git('mv', from, to);
  else fs.renameSync(abs(from), abs(to));
}
if (!DRY) {
  const prune = (dir) => {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return;
    for (const e of fs.readdirSync(dir)) prune(path.join(dir, e));
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  };
  prune(abs('src')); prune(abs('test'));
}
const readNow = (newRel) => fs.readFileSync(abs(DRY ? oldOf(newRel) : newRel), 'utf8');

// ---- 4. rewrite code ----------------------------------------------------------------------------
const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const RESOLVE_EXT = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'];
/** Resolve a relative specifier against the OLD tree. */
function resolveOld(fromOld, spec) {
  const base = P.normalize(P.join(P.dirname(fromOld), spec));
  if (oldFiles.has(base)) return { file: base, form: 'exact' };
  for (const e of RESOLVE_EXT) if (oldFiles.has(base + e)) return { file: base + e, form: 'bare' };
  if (/\.(m|c)?js$/.test(base)) {
    const stem = base.replace(/\.(m|c)?js$/, '');
    for (const e of ['.ts', '.tsx', '.mts', '.cts']) if (oldFiles.has(stem + e)) return { file: stem + e, form: 'js-for-ts', ext: base.slice(stem.length) };
  }
  for (const e of ['/index.ts', '/index.tsx', '/index.js']) if (oldFiles.has(base + e)) return { file: base + e, form: 'index' };
  return null;
}
const relSpec = (fromNew, target) => { let r = P.relative(P.dirname(fromNew), target); if (!r.startsWith('.')) r = './' + r; return r; };
function newSpec(fromNew, resolved, spec) {
  const target = newOf(resolved.file);
  if (resolved.form === 'exact') return relSpec(fromNew, target);
  if (resolved.form === 'js-for-ts') return relSpec(fromNew, target.replace(/\.(ts|tsx|mts|cts)$/, '')) + resolved.ext;
  if (resolved.form === 'index' && /^index\.(ts|tsx|js)$/.test(P.basename(target))) return relSpec(fromNew, P.dirname(target));
  const stripped = target.replace(/(\.d)?\.(ts|tsx|mts|cts|js|mjs|cjs|json)$/, '');
  return relSpec(fromNew, target.endsWith('.json') ? target : stripped);
}

// Barrels: which module defines each name a barrel re-exports.
const barrelOrigins = new Map(); // old barrel path -> Map(name -> old origin path)
for (const b of mapping.barrels) {
  const nowAt = newOf(b);
  if (!oldFiles.has(b)) continue;
  const sf = ts.createSourceFile(b, readNow(nowAt), ts.ScriptTarget.Latest, true);
  const imported = new Map(), exported = new Set();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
      const r = resolveOld(b, st.moduleSpecifier.text);
      if (r) for (const el of st.importClause.namedBindings.elements) imported.set(el.name.text, r.file);
    }
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) if (!el.propertyName) exported.add(el.name.text);
    }
  }
  barrelOrigins.set(b, new Map([...imported].filter(([n]) => exported.has(n))));
}

const MODULE_CALLS = new Set(['require', 'require.resolve', 'jest.mock', 'jest.doMock', 'jest.unmock', 'jest.dontMock', 'jest.requireActual', 'jest.requireMock', 'jest.createMockFromModule']);
const PATH_FNS = /^(path\.(posix\.)?)?(join|resolve)$/;
const unresolved = [];
const isStr = (n) => n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n));
const quote = (lit, text) => { const q = lit.getText()[0]; return q + text.replace(new RegExp(q === '`' ? '`' : q, 'g'), '\\' + q) + q; };

function rewriteCode(fileNew, text) {
  const fileOld = oldOf(fileNew);
  const kind = /\.(js|mjs|cjs)$/.test(fileNew) ? ts.ScriptKind.JS : /\.tsx$/.test(fileNew) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileNew, text, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  const fixSpecifier = (lit) => {
    const spec = lit.text;
    if (!spec.startsWith('./') && !spec.startsWith('../') && spec !== '.' && spec !== '..') return null;
    const r = resolveOld(fileOld, spec);
    if (!r) { unresolved.push(`${fileNew}: '${spec}'`); return null; }
    const ns = newSpec(fileNew, r, spec);
    if (ns !== spec) edits.push({ start: lit.getStart(), end: lit.getEnd(), text: quote(lit, ns) });
    return r;
  };
  const unwrapBarrel = (decl, r) => {
    const origins = barrelOrigins.get(r.file);
    const clause = decl.importClause;
    if (!origins || !clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) return false;
    const groups = new Map();
    for (const el of clause.namedBindings.elements) {
      const origin = origins.get((el.propertyName ?? el.name).text) ?? r.file;
      if (!groups.has(origin)) groups.set(origin, []);
      groups.get(origin).push(el.getText());
    }
    if (groups.size === 1 && groups.has(r.file)) return false;
    const lit = decl.moduleSpecifier, semi = decl.getText().trimEnd().endsWith(';') ? ';' : '';
    const indent = '\n' + (text.slice(text.lastIndexOf('\n', decl.getStart()) + 1, decl.getStart()).match(/^\s*/)?.[0] ?? '');
    const out = [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([origin, names]) =>
      `import ${clause.isTypeOnly ? 'type ' : ''}{ ${names.join(', ')} } from ${quote(lit, newSpec(fileNew, { file: origin, form: 'bare' }))}${semi}`);
    edits.push({ start: decl.getStart(), end: decl.getEnd(), text: out.join(indent) });
    return true;
  };
  const fixDirnamePath = (call) => {
    const args = call.arguments;
    if (args.length < 2 || !ts.isIdentifier(args[0]) || args[0].text !== '__dirname') return;
    let n = 1; while (n < args.length && isStr(args[n])) n++;
    if (n === 1) return;
    const lits = args.slice(1, n).map((a) => a.text);
    const oldRel = lits.join('/');
    const targetOld = P.normalize(P.join(P.dirname(fileOld), ...lits));
    const targetNew = relocate(targetOld);
    if (targetNew === undefined) { unresolved.push(`${fileNew}: __dirname path '${oldRel}' (folder split by the move)`); return; }
    let nr = P.relative(P.dirname(fileNew), targetNew) || '.';
    if (P.normalize(oldRel) === P.normalize(nr) || (P.normalize(oldRel).replace(/\/$/, '') === nr)) return;
    if (oldRel.endsWith('/') && !nr.endsWith('/')) nr += '/';
    edits.push({ start: args[1].getStart(), end: args[n - 1].getEnd(), text: quote(args[1], nr) });
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && isStr(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      const r = (spec.startsWith('.') ? resolveOld(fileOld, spec) : null);
      if (!(r && ts.isImportDeclaration(node) && unwrapBarrel(node, r))) fixSpecifier(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && isStr(node.moduleReference.expression)) {
      fixSpecifier(node.moduleReference.expression);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && isStr(node.argument.literal)) {
      fixSpecifier(node.argument.literal);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression.kind === ts.SyntaxKind.ImportKeyword ? 'import' : node.expression.getText();
      if ((callee === 'import' || MODULE_CALLS.has(callee)) && isStr(node.arguments[0])) fixSpecifier(node.arguments[0]);
      else if (PATH_FNS.test(callee)) fixDirnamePath(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

// ---- 5. rewrite repo paths named in text (comments, strings, docs, configs) ----------------------
const unresolvedText = new Set();
const TOKEN = /(^|[^\w./-]|<rootDir>\/)((?:src|test)\/[\w./-]*[\w/])/g;
function rewriteText(fileNew, text) {
  return text.replace(TOKEN, (all, pre, tok) => {
    const trail = tok.endsWith('/') ? '/' : '';
    const t = tok.replace(/\/$/, '');
    let to;
    if (moves.has(t)) to = moves.get(t);
    else if (moves.has(t + '.ts')) to = moves.get(t + '.ts').replace(/\.ts$/, '');
    else if (dirMap.has(t)) to = dirMap.get(t) ?? relocate(t);
    else if (oldFiles.has(t) || oldFiles.has(t + '.ts') || oldDirs.has(t)) return all;
    else {
      // A path under a moved folder that names no file (a pattern such as src/cli/<name>.command.ts).
      const r = relocate(t);
      if (r !== t && !/[<>*]/.test(tok)) unresolvedText.add(`${fileNew}: ${tok}`);
      return all;
    }
    if (to === t) return all;
    if (to === undefined) { unresolvedText.add(`${fileNew}: ${tok} (folder split by the move)`); return all; }
    return pre + to + trail;
  });
}

// ---- 6. apply ---------------------------------------------------------------------------------
const nowFiles = [...oldFiles].map(newOf);
const codeFiles = nowFiles.filter((f) => CODE.test(f) && mapping.codeRoots.some((r) => f.startsWith(r + '/')) && !f.includes('/node_modules/'));
const globToRe = (g) => new RegExp('^' + g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*') + '$');
const textGlobs = [...mapping.textFiles, ...(README ? ['README.md'] : [])].map(globToRe);
const textFiles = nowFiles.filter((f) => !codeFiles.includes(f) && textGlobs.some((re) => re.test(f)));
const changed = [];
for (const f of [...codeFiles, ...textFiles]) {
  const before = readNow(f);
  let after = CODE.test(f) && codeFiles.includes(f) ? rewriteCode(f, before) : before;
  after = rewriteText(f, after);
  if (CODE.test(f) && !codeFiles.includes(f)) after = rewriteCode(f, after);
  if (after !== before) { changed.push(f); if (!DRY) fs.writeFileSync(abs(f), after); }
}
if (!DRY && changed.length) git('add', '--', ...changed.filter((f) => tracked.has(oldOf(f))));

// ---- 7. report ----------------------------------------------------------------------------------
log(`${DRY ? '[dry run] ' : ''}moved ${moves.size} files, rewrote ${changed.length} files`);
const section = (title, list) => { if (!list.length) return; log(`\n${title} (${list.length}):`); for (const l of [...list].sort()) log('  ' + l); };
section('NOT MAPPED (left in place; add them to mapping.json)', unmapped);
section('Relative specifiers that resolve to no file (left as they were)', unresolved);
section('Repo paths in text that no longer name a file (left as they were)', [...unresolvedText]);
if (unmapped.length) process.exitCode = 3;

#!/usr/bin/env node
// npm run check:code — `npm run typecheck` and `npm run lint:code` in one process, on one TypeScript program:
// tsc's diagnostics first, then eslint on the files of `lint:code`, its typed rules handed the program tsc has
// already checked (typescript-eslint's parserOptions.programs) instead of building a second one of their own.
// The same tsconfig, the same eslint config and rules, the same files; about 25 CPU-seconds less than the two
// apart (ARCHITECTURE.md, "Lint, format and layers"). npm test runs this one; the two scripts stay for
// developers. Exit status 1 when tsc reports a diagnostic or eslint an error or a warning.
import {existsSync, readFileSync, statSync} from 'node:fs';
import {relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ESLint} from 'eslint';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const host = {getCanonicalFileName: name => name, getCurrentDirectory: () => root, getNewLine: () => '\n'};
const format = diagnostics => (process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host) : ts.formatDiagnostics(diagnostics, host));

let failed = false;
// Files changed after this moment were type-checked in one state and linted in another: said at the end.
const began = Date.now();
const parsed = ts.getParsedCommandLineOfConfigFile(
	'tsconfig.json',
	{},
	{
		...ts.sys,
		onUnRecoverableConfigFileDiagnostic: diagnostic => {
			process.stdout.write(format([diagnostic]));
			process.exit(1);
		},
	},
);
const program = ts.createProgram({
	rootNames: parsed.fileNames,
	options: parsed.options,
	projectReferences: parsed.projectReferences,
	configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
});
// What `tsc --noEmit` reports: the config's and the options' diagnostics, then each file's syntax and types.
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
	process.stdout.write(format(diagnostics));
	process.stdout.write(`tsc: ${diagnostics.length} diagnostic(s)\n`);
	failed = true;
}

// The paths `npm run lint:code` lints (its words that name a file or folder), read from package.json so that the two cannot drift apart.
const lintCode = JSON.parse(readFileSync('package.json', 'utf8')).scripts['lint:code'];
// eslint's options that take a value: their value is not a path.
const TAKES_VALUE = new Set(['--max-warnings', '--format', '-f', '--config', '-c', '--cache-location', '--ext', '--rule']);
const words = lintCode.split(/\s+/).slice(1);
const named = words.filter((word, i) => !word.startsWith('-') && !TAKES_VALUE.has(words[i - 1] ?? ''));
// A path lint:code names that is not there fails, as eslint fails on it ("No files matching the pattern").
const missing = named.filter(word => !existsSync(word));
if (missing.length > 0) {
	process.stdout.write(`eslint: no files matching ${missing.join(', ')} (named by lint:code in package.json)\n`);
	failed = true;
}
const paths = named.filter(word => existsSync(word));
// Only the program's own files get it; the rest keep what eslint.config.js gives them (untyped rules).
const programFiles = program.getRootFileNames().map(file => relative(root, file));
const eslint = new ESLint({
	overrideConfig: [{files: programFiles, languageOptions: {parserOptions: {programs: [program], projectService: false}}}],
});
const results = await eslint.lintFiles(paths);
const problems = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
if (problems > 0) {
	const formatter = await eslint.loadFormatter('stylish');
	process.stdout.write(await formatter.format(results));
	failed = true;
	const changed = results.filter(result => result.errorCount + result.warningCount > 0 && statSync(result.filePath).mtimeMs > began);
	if (changed.length > 0)
		process.stdout.write(
			`changed while this ran (the typed rules saw the earlier text, so their positions may be wrong): run again: ${changed.map(r => relative(root, r.filePath)).join(', ')}\n`,
		);
}
process.exit(failed ? 1 : 0);

// npm start: the wizard on a practice lab.
// - Alone: a fresh lab in a temporary folder (left in place afterwards, so you can look at it).
// - With --lab DIR (as the wizard's "start again" lines print it: npm start -- --lab DIR): that lab, reused,
//   so that a run cut off there is offered to resume. A relative DIR is the folder npm was started from.
// - With --target, --help, --version or a command (check, lab …): passed on as it is.
// The wizard is told it was started by npm start, so that every "start again" it prints is this command.
// The lab is made and the wizard run in this process (dist/main.js's `main`), not in two more Node processes:
// each would cost a Node start before the first screen (slow under load).
import {spawnSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {constants, tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// npm runs a script in the package's folder; INIT_CWD is where the admin typed the command.
const here = process.env.INIT_CWD ?? process.cwd();
process.env.DSMN_RESYNC_LAUNCHER = 'npm start';
const env = process.env;

/** The arguments with --lab's folder made absolute (npm start runs elsewhere than where it was typed). */
function absoluteLab(args) {
	return args.map((arg, i) => {
		if (arg.startsWith('--lab=')) return `--lab=${resolve(here, arg.slice('--lab='.length))}`;
		if (args[i - 1] === '--lab' && arg !== '' && !arg.startsWith('-')) return resolve(here, arg);
		return arg;
	});
}

const args = absoluteLab(process.argv.slice(2));
const upTo = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
const namesTarget = upTo.some(arg => arg === '--lab' || arg.startsWith('--lab=') || arg === '--target' || arg.startsWith('--target='));
const other = upTo.some(arg => ['--help', '-h', '--version', '-V'].includes(arg)) || (upTo[0] !== undefined && !upTo[0].startsWith('-'));

const run = (argv, stdio = 'inherit') => spawnSync(process.execPath, [cli, ...argv], {stdio, env});

/** A run's exit status as a shell says it: one killed by a signal ends 128 + the signal's number (SIGTERM: 143). */
function statusOf(result) {
	if (result.status !== null) return result.status;
	const number = result.signal ? constants.signals[result.signal] : undefined;
	return number === undefined ? 1 : 128 + number;
}

/**
 * A word of a command as a POSIX shell (and, without a double quote in it, cmd.exe) reads it, as the program
 * quotes the commands it prints: as it is when plain, else in double quotes (backslashes of a Windows path
 * kept), or single quotes if it holds one of " $ ` or a backslash that would escape.
 */
function shellWord(word) {
	if (/^[\w@%+=:,./\\-]+$/.test(word)) return word;
	if (!/["$`]|\\(\\|$)/.test(word)) return `"${word}"`;
	return `'${word.replace(/'/g, `'\\''`)}'`;
}

if (namesTarget || other) process.exit(statusOf(run(args)));

// As dist/cli.js does before Ink and chalk load: they do not honour NO_COLOR.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';
const {main} = await import(pathToFileURL(join(cli, '..', 'main.js')).href);
const lab = join(mkdtempSync(join(tmpdir(), 'dsmn-resync-lab-')), 'lab');
// --ascii for lab create too, so that its lines ("(FS1...FS5)") are drawn as the wizard's; TERM it reads itself.
// Its lines are kept, not printed, as when it ran with its output to a pipe: the "Next:" line is replaced below.
// What it says on either stream is kept in order: a failed create's is all printed to stderr, as it came.
const created = [];
const capture = {
	out: text => void created.push({text, error: false}),
	err: text => void created.push({text, error: true}),
	stdinIsTty: false,
	stdoutIsTty: false,
	env,
	script: cli,
	stdout: process.stdout,
};
const createdStatus = await main([...(upTo.includes('--ascii') ? ['--ascii'] : []), 'lab', 'create', lab], capture);
if (createdStatus !== 0) {
	for (const {text} of created) process.stderr.write(text);
	process.exit(createdStatus);
}
for (const {text} of created.filter(said => said.error)) process.stderr.write(text);
const createdOut = created
	.filter(said => !said.error)
	.map(said => said.text)
	.join('');
/**
 * Lines wrapped to the terminal at spaces, never inside a word (the terminal would cut "damaged" in two);
 * a continued line keeps its indent. A word wider than the terminal (a long path) stays whole.
 */
function fitTerminal(text, columns) {
	if (!columns) return text;
	return text
		.split('\n')
		.flatMap(line => {
			const indent = /^ */.exec(line)[0];
			const rows = [];
			let row = '';
			for (const word of line.slice(indent.length).split(' ')) {
				if (row && indent.length + row.length + 1 + word.length > columns) {
					rows.push(indent + row);
					row = word;
				} else row = row ? `${row} ${word}` : word;
			}
			rows.push(indent + row);
			return rows;
		})
		.join('\n');
}

// lab create's "Next: dsmn-resync --lab …" is for those who have the command: here it is npm start's.
const said = createdOut
	.split('\n')
	.filter(line => !line.startsWith('Next: '))
	.join('\n')
	.trimEnd();
const columns = process.stdout.isTTY ? process.stdout.columns : 0;
// The command on a line of its own, whole: it is copied as it is.
const again = `npm start -- --lab ${shellWord(lab)}`;
process.stdout.write(`${fitTerminal(said, columns)}\n${fitTerminal('To come back to this lab later, run:', columns)}\n  ${again}\n\n`);
process.exitCode = await main(['--lab', lab, ...args]);

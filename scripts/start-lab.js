// npm start: the wizard on a practice lab.
// - Alone: a fresh lab in a temporary folder (left in place afterwards, so you can look at it).
// - With --lab DIR (as the wizard's "start again" lines print it: npm start -- --lab DIR): that lab, reused,
//   so that a run cut off there is offered to resume. A relative DIR is the folder npm was started from.
// - With --target, --help, --version or a command (check, lab …): passed on as it is.
// The wizard is told it was started by npm start, so that every "start again" it prints is this command.
import {spawnSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// npm runs a script in the package's folder; INIT_CWD is where the admin typed the command.
const here = process.env.INIT_CWD ?? process.cwd();
const env = {...process.env, DSMN_RESYNC_LAUNCHER: 'npm start'};

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

if (namesTarget || other) process.exit(run(args).status ?? 1);

const lab = join(mkdtempSync(join(tmpdir(), 'dsmn-resync-lab-')), 'lab');
const created = run(['lab', 'create', lab], ['inherit', 'pipe', 'inherit']);
if (created.status !== 0) {
	process.stdout.write(created.stdout ?? '');
	process.exit(created.status ?? 1);
}
// lab create's "Next: dsmn-resync --lab …" is for those who have the command: here it is npm start's.
const said = String(created.stdout)
	.split('\n')
	.filter(line => !line.startsWith('Next: '))
	.join('\n')
	.trimEnd();
process.stdout.write(`${said}\nTo come back to this lab later: npm start -- --lab ${/\s/.test(lab) ? JSON.stringify(lab) : lab}\n\n`);
process.exit(run(['--lab', lab, ...args]).status ?? 1);

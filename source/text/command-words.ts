/**
 * Where a command in running text ends (ARCHITECTURE.md, "Layout at any size": "(or start again, node …/cli.js --lab DIR,
 * and choose …)" is one unit): its program, its first argument, then the wizard's command and the words it takes ("lab
 * sync DIR", "lab fault DIR clear", "lab net DIR stop MSSYNC", "check FOLDER"), options and their values, paths, up to a
 * word ending the clause; NT's own at the PDC's prompt ("net stop MSSYNC", "sc query MSSYNC", "cd /d %SystemRoot%\System32\Syncagnt")
 * likewise. `text/wrap.ts` keeps the words so found on one row, or continues them with the shell's mark.
 */

/** A program whose command in running text goes on with options ("node …/cli.js --lab DIR", "dsmchk -d CORP -u USERNAME"). */
export const COMMAND_PROGRAM = /^["'(`]?(?:node|npm|npx|dsmn-resync|rpcclient|smbclient|dsmchk|dsmdump|net|sc|cd)$/;
/**
 * Programs whose first words are all taken, whatever they are: NT's service commands, a verb and its service ("net stop
 * MSSYNC", "sc query MSSYNC"); Samba's, its subcommand, object, verb and name ("net rpc service stop MSSYNC -S NTPDC").
 */
function takes(program: string, next: string | undefined): number {
	if (program === 'net') return next === 'rpc' ? 4 : 2;
	return program === 'sc' ? 2 : 1;
}
/** A word after which the wizard's own command may come: its program, the script node runs, npm's "--". */
const WIZARD = /^(?:dsmn-resync|--|.*\.[cm]?js)$/;
/** The wizard's commands, and how many words each takes after it (`lab`: one of LAB_COMMANDS). */
const COMMANDS: ReadonlyMap<string, number> = new Map([
	['check', 1],
	['lab', 1],
]);
/** The lab's commands (`dsmn-resync --help`), and how many words each takes after it: its folder, then a server, a fault, or `net`'s and `sc`'s verb and service. */
const LAB_COMMANDS: ReadonlyMap<string, number> = new Map([
	...['create', 'status', 'sync', 'dsmdump', 'dsmchk', 'dsmpack', 'allow4x'].map(name => [name, 1] as const),
	...['offline', 'online', 'fault'].map(name => [name, 2] as const),
	...['net', 'sc'].map(name => [name, 3] as const),
]);
/** Options that take no value: the word after one is not taken for its sake ("lab sync DIR --full (in …)"). */
const FLAGS = new Set([
	'--full',
	'--json',
	'--ascii',
	'--yes',
	'-y',
	'--resume',
	'--rollback',
	'--break-lock',
	'--no-backup',
	'--wont-start',
	'--new-pdc',
	'--allow4x',
]);

/** A line's tokens in order: each word's text, ' ' for one space, undefined for a wider run of spaces (which no command holds). */
export type Words = readonly (string | undefined)[];

/**
 * The index of the last word of a command starting at `words[i]`, or -1 when it is shorter than three words (a program and
 * its first argument are glued as any unit).
 */
export function commandEnd(words: Words, i: number): number {
	const program = words[i];
	if (program === undefined || !COMMAND_PROGRAM.test(program)) return -1;
	const word = (j: number) => (words[j - 1] === ' ' ? words[j] : undefined);
	const ends = (text: string) => /[,;)]$|\.$/.test(text);
	/** Words still taken whatever they are (an option's value, a command's folder), and the commands that may come next. */
	let operands = takes(program.replace(/^["'(`]+/, ''), word(i + 2));
	let commands = /dsmn-resync$/.test(program) ? COMMANDS : undefined;
	let last = i;
	for (let j = i + 2; ; j += 2) {
		const text = word(j);
		if (text === undefined || ends(words[last]!)) break;
		const bare = text.replace(/^[("'`]+/, '');
		const takes = commands?.get(bare);
		if (takes === undefined && !(operands > 0 || text.startsWith('-') || /[/\\]/.test(text))) break;
		last = j;
		if (takes !== undefined) {
			operands = takes;
			commands = commands === COMMANDS && bare === 'lab' ? LAB_COMMANDS : undefined;
			continue;
		}
		operands = Math.max(0, operands - 1);
		commands = WIZARD.test(bare) ? COMMANDS : undefined;
		if (bare.startsWith('-') && !ends(bare) && !FLAGS.has(bare)) operands = 1;
	}
	return last >= i + 4 ? last : -1;
}

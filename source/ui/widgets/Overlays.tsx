import {Box} from 'ink';
import {Text} from './Text.js';
import type {Screen, WizardState} from '../../wizard/state.js';
import {failureHelp, runningHelp} from '../../wizard/step-help.js';
import {safeText} from '../../text/sanitize.js';
import {toAscii} from '../../text/ascii.js';
import {wrapCommand, wrapText} from '../../text/wrap.js';
import {cutToRows} from '../../text/shorten.js';
import {useGlyphs} from '../theme.js';
import {CommandRows, HERE, splitStartAgain} from './StartAgain.js';

/** The multi-select screens ask two different things: each says what it means. */
const MULTI_SELECT_HELP = {
	servers:
		'Reconstructing a server takes it out of the domain (its WINNT_SYNC_AGENT is deleted) and adds it back, so that DSMN propagates to it again the NetWare-enabled accounts of the groups chosen for it (KB Q148678, Q183684). Choose the servers that show a red X; the others are left alone. Space chooses or leaves the server under the pointer; Enter goes on.',
	bindery:
		"Optional. A server's bindery backup (NET$OBJ.OLD, NET$PROP.OLD, NET$VAL.OLD, made by BINDFIX) holds whatever BINDFIX last saved, of any date: the KB means a backup from before the server joined the domain (KB Q154761), often on tape. Restoring it (BINDREST) first brings that server back to the state of that backup: every user, group and change made on it since the backup is lost. Choose a server only if you want that; with none chosen, the reconstruct keeps each server's bindery as it is. Space chooses or leaves the server under the pointer; Enter goes on.",
} as const;

const SCREEN_HELP: Partial<Record<Screen['name'], string>> = {
	target:
		'The practice lab is a simulated NT server with DSMN and NetWare servers in a folder: nothing real is touched. Use it to learn the procedure before doing it on a real domain.',
	inspect:
		'DSMN shows a red X next to a NetWare server that is not synchronized with the domain. When "Synchronize…" does not clear it, KB Q148678 gives the way back: restore the account synchronization database, or reconstruct.',
	'ask-backup':
		'KB Q148678: with a backup of the account synchronization database (MSSYNC.MDB, SYSTEM.MDB, JET*.LOG, *.PAT), restore it. Without one, the NetWare account information must be reconstructed: every propagated user gets a new password.',
	'choose-backup':
		'Give the folder that holds MSSYNC.MDB and SYSTEM.MDB from the backup. Nothing is changed until you have seen the checks and confirmed each step.',
	discover:
		'The search looks for folders that hold an MSSYNC.MDB, up to five levels down, without following links. Also look where DSMN copies its own backups: the paths in Synchronization Manager\'s "Set Database Backup Options", NetWare volumes included (KB Q188357); and on tape.',
	validation: 'Errors mean the folder cannot be restored from. Warnings are things to know: the restore can go on once you have read them.',
	plan: "These are the KB's steps. Each one that changes something asks first and names what it changes. A journal records every step, so a run cut off anywhere can be resumed or rolled back.",
	consequences:
		"Without a backup, DSMN's database must be rebuilt: each server is taken out of the domain (its WINNT_SYNC_AGENT deleted) and added back, and DSMN must be given every propagated user's password again.",
	'multi-select': 'Space chooses or leaves the server under the pointer; Enter goes on.',
	'password-policy':
		'A random password per user is the safer choice: each goes to the file you name. One initial password is easier to hand out, and every user must change it at next logon.',
	'password-entry': 'The password is not shown, not stored and not written to the journal: it goes to the domain only.',
	'passwords-file': 'The file is created with mode 0600 (only you can read it), never overwrites a file, and must not be inside the lab or SYNCAGNT.',
	'target-field':
		'From Linux or macOS, dsmn-resync reaches the NT server with Samba (SMB1, as NT 4.0 needs): the service through "net rpc service", the SYNCAGNT folder through a mount of ADMIN$ you make first. The account is kept only in a private temporary file, removed when you leave.',
	resume:
		'A previous run on this target was cut off. Resume continues from the first unfinished step; roll back puts SYNCAGNT and MSSYNC back as they were before it.',
};

/** The resume screen of a run whose roll back began: it is not resumed, only rolled back to the end. */
const RESUME_ROLLING_BACK_HELP =
	'A roll back of this run began and did not finish, so the run cannot be resumed. Continuing the roll back goes on from where it stopped (nothing it did is undone twice) and puts SYNCAGNT and MSSYNC back as they were before the run.';

/** `cut`: on a page's last row, when the page ends inside a sentence taller than a page (the closer says it goes on). */
type HelpLine = {text: string; dim?: boolean; cut?: true};

/** A row that ends a sentence: after ".", "!" or "?" (and a closing quote or parenthesis). */
const SENTENCE_END = /[.!?]["')\]]*$/;

/** The repair's plan: dsmpack rewrites MSSYNC.MDB in place, and the tool has no roll back for it (its confirmation says so). */
const REPAIR_PLAN_HELP =
	"These are the KB's steps. Each one that changes something asks first and names what it changes. A journal records every step, so a run cut off anywhere can be resumed; a repair cannot be rolled back by the tool (dsmpack's mssync.bkp keeps the database as it was).";

/**
 * `?`: why this screen asks what it asks. On a failure, what each answer does and which is safe now; while
 * a step runs, what it does and how long it can take; on a confirmation, the lines the screen had no room
 * for (`hidden`), then why.
 */
export function helpLines(screen: Screen, steps?: WizardState['steps'], hidden: readonly string[] = []): HelpLine[] {
	const info = screen.name === 'confirm' || screen.name === 'manual' || screen.name === 'situation' ? screen.help : undefined;
	const own = screen.name === 'failure' ? failureHelp(screen, steps) : screen.name === 'running' ? runningHelp(screen) : undefined;
	const said: HelpLine[] = own
		? [...own.map(text => ({text})), ...(screen.name !== 'confirm' && 'help' in screen && screen.help ? [{text: screen.help.kb, dim: true}] : [])]
		: info
			? [{text: info.why}, {text: info.kb, dim: true}]
			: [
					{
						text:
							screen.name === 'multi-select'
								? MULTI_SELECT_HELP[screen.purpose]
								: screen.name === 'resume' && screen.rollbackBegan
									? RESUME_ROLLING_BACK_HELP
									: screen.name === 'plan' && screen.flow === 'repair'
										? REPAIR_PLAN_HELP
										: (SCREEN_HELP[screen.name] ?? 'Follow the prompts; q leaves at a safe point.'),
					},
				];
	// One sentence a line: a page then ends after a whole sentence wherever the rows fall (helpPages).
	return [...hidden.map(text => ({text})), ...said].flatMap(line => sentencesOf(safeText(line.text)).map(text => ({...line, text})));
}

/** Where a sentence ends inside a text: after ".", "!" or "?" (not a number's "1."), before a capital, a quote or a parenthesis. */
const SENTENCE_BREAK = /(?<=[^\d\s][.!?]["')\]]*)\s+(?=[A-Z"(])/;

/** A text's sentences, each whole. */
export function sentencesOf(text: string): string[] {
	return text.split(SENTENCE_BREAK).filter(sentence => sentence !== '');
}

/** The rows the help's box takes besides its text: its border, its title and its last line. */
export const HELP_BOX_ROWS = 4;

/**
 * The help's text in pages that fit (ARCHITECTURE.md, "Layout at any size"): wrapped to the box's inside
 * (`columns` less its border and padding), `rows` rows for the whole box. A box taller than the rows
 * scrolled the header and its own title off a small terminal; each page now fits, and a key shows the next.
 */
export function helpPages(lines: readonly HelpLine[], rows: number, columns: number, ascii = false): HelpLine[][] {
	const width = Math.max(10, columns - 4);
	// A page does not end where a broken path goes on ("↳ Parameters:" on the next page): the piece would read as a whole path.
	const continued = (text: string | undefined) => text !== undefined && /^\s*(?:↳|\+) /.test(text);
	// Each row, and whether a sentence (or the item) ends with it.
	const wrapped = lines.flatMap(line => {
		const texts = wrapText(ascii ? toAscii(line.text) : line.text, width).split('\n');
		return texts.map((text, k) => ({
			line: {text, ...(line.dim ? {dim: true as const} : {})},
			ends: k === texts.length - 1 || (SENTENCE_END.test(text.trimEnd()) && !continued(texts[k + 1])),
		}));
	});
	const height = Math.max(3, rows - HELP_BOX_ROWS);
	const pages: HelpLine[][] = [];
	for (let i = 0; i < wrapped.length;) {
		let end = Math.min(wrapped.length, i + height);
		let cut = false;
		if (end < wrapped.length && !wrapped[end - 1]!.ends) {
			// A page ends after a whole sentence; only a sentence taller than a page is split, at a row, and the closer says so.
			let whole = end - 1;
			while (whole > i && !wrapped[whole - 1]!.ends) whole--;
			if (whole > i) end = whole;
			else {
				while (end - 1 > i && continued(wrapped[end]?.line.text)) end--;
				cut = true;
			}
		}
		const page: HelpLine[] = wrapped.slice(i, end).map(row => row.line);
		if (cut) page[page.length - 1] = {...page.at(-1)!, cut: true};
		pages.push(page);
		i = end;
	}
	return pages.length ? pages : [[]];
}

/** The help's last line: what a key does, and where the admin is in its pages. */
export function helpCloser(page: number, pages: number, cut = false): string {
	if (pages <= 1) return 'Any key closes this.';
	if (page < pages - 1 && cut) return `Any key: rest of the sentence (${page + 1} of ${pages}); Esc closes.`;
	return page < pages - 1 ? `Any key shows the rest (${page + 1} of ${pages}); Esc closes this.` : `Any key closes this (${pages} of ${pages}).`;
}

/** `rows`, `columns`: the room the box has (no room given: one page, as tall as its text); `page`: the page shown. */
export function HelpOverlay({
	screen,
	steps,
	hidden = [],
	rows = Number.POSITIVE_INFINITY,
	columns = 1000,
	page = 0,
}: {
	screen: Screen;
	steps?: WizardState['steps'];
	hidden?: readonly string[];
	rows?: number;
	columns?: number;
	page?: number;
}) {
	const glyphs = useGlyphs();
	const pages = helpPages(helpLines(screen, steps, hidden), rows, columns, glyphs.ascii);
	const at = Math.min(page, pages.length - 1);
	return (
		<Box flexDirection="column" borderStyle={glyphs.border} borderColor="cyan" paddingX={1}>
			<Text bold>{screen.name === 'failure' ? 'What each answer does' : 'Why this step'}</Text>
			{pages[at]!.map((line, i) => (
				<Text key={i} {...(line.dim ? {dimColor: true} : {})}>
					{line.text}
				</Text>
			))}
			<Text dimColor>{helpCloser(at, pages.length, pages[at]!.at(-1)?.cut)}</Text>
		</Box>
	);
}

/** The rows the quit question's box takes besides its note: its border, its title and its keys. */
export const QUIT_BOX_ROWS = 4;

/**
 * The quit question's note as it fits a box of `rows` rows at `columns` (ARCHITECTURE.md, "Layout at any size"):
 * whole where it fits; else its sentence cut at a word (" …"), the command to start again kept whole under it.
 * `rows`: the rows the whole box takes.
 */
export function quitNoteLayout(note: string, rows: number, columns: number, ascii = false): {sentence: string; command?: string; rows: number} {
	const width = Math.max(10, columns - 4);
	const {sentence, command} = splitStartAgain(note);
	const commandRows = command === undefined ? 0 : wrapCommand(command, width, HERE).split('\n').length;
	const room = Math.max(1, rows - QUIT_BOX_ROWS - commandRows);
	const cut = cutToRows(sentence, width, room, ascii ? '...' : '…');
	return {sentence: cut, ...(command === undefined ? {} : {command}), rows: QUIT_BOX_ROWS + commandRows + wrapText(cut, width).split('\n').length};
}

/** `columns`: the terminal's; the box's border and padding take 4 of them. `rows`: the rows the box may take (its note is cut to fit). */
export function QuitOverlay({note, columns = 80, rows = Number.POSITIVE_INFINITY}: {note: string; columns?: number; rows?: number}) {
	const glyphs = useGlyphs();
	const {sentence, command} = quitNoteLayout(note, rows, columns, glyphs.ascii);
	return (
		<Box flexDirection="column" borderStyle={glyphs.border} borderColor="yellow" paddingX={1}>
			<Text bold>Leave dsmn-resync?</Text>
			<Text>{sentence}</Text>
			{command === undefined ? null : <CommandRows command={command} columns={columns - 4} />}
			<Text>
				<Text color="yellow">y</Text> leave · <Text color="cyan">n</Text> or Esc stay
			</Text>
		</Box>
	);
}

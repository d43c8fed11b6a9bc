/**
 * Issue 29 (the second walker): the repair's `?` broke inside "cd /d %SystemRoot%\System32\Syncagnt", and the
 * stop-hangs failure ran its continued command on into prose. Every text the wizard can show in the walks below
 * (each screen's own words, its `?`, the lines printed above it) is wrapped at 60 and 80 columns, and at the help
 * box's inside at each, with the lab's paths: no command may break inside itself (ARCHITECTURE.md, "Layout at any
 * size"). The commands are found here by their own patterns, not by text/command-words.ts, so that the check is no
 * copy of the code it checks.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {join} from 'node:path';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS, labFaults, type LabOptions} from '../../source/lab/options.js';
import {choicesOf} from '../../source/wizard/choices.js';
import {tempDir} from '../helpers/temp-dirs.js';
import {controllerOnLab, toFirstConfirmation, type ControllerSettings} from '../helpers/wizard-walk.js';
import {loadLab, saveLab} from '../../source/lab/state.js';
import {helpLines} from '../../source/ui/widgets/Overlays.js';
import {dsmpackInstructions, resultCheckInstructions} from '../../source/procedure/repair-and-check.js';
import {CONTINUED, wrapText} from '../../source/text/wrap.js';
import type {WizardController} from '../../source/wizard/controller.js';

/** The widths: the narrowest the wizard supports and the usual one, each as a screen and as the help box's inside. */
const WIDTHS = [56, 60, 76, 80];

/** A word the wizard's own command takes: a subcommand, an option, a path, a name in capitals, a fault. */
const WIZARD_WORD =
	/^(?:-[\w-]+|\/\S+|[A-Z][A-Z0-9]+|lab|check|status|sync|fault|clear|net|sc|stop|start|query|offline|online|dsmdump|dsmchk|dsmpack|allow4x|[a-z]+-[a-z-]+)$/;
/** NT's commands at the PDC's prompt, and the DSMN tools', as the wizard writes them. */
const NT_COMMANDS = [
	/\bcd \/d \S+/g,
	/\b(?:net|sc) (?:start|stop|query|helpmsg) \S+/g,
	/\bdsmpack \/r/g,
	/\bdsmdump >\S+/g,
	/\bdsmchk -d \S+ -u \S+(?: -n \S+)?/g,
];
const trailing = (word: string) => word.replace(/[,;:)."']+$/, '');

/** The commands in a line of text, each as its words joined by one space. */
export function commandsIn(text: string): string[] {
	const found = NT_COMMANDS.flatMap(pattern => [...text.matchAll(pattern)].map(match => trailing(match[0])));
	const words = text.split(/ /);
	for (let i = 0; i < words.length; i++) {
		const start = words[i]!.replace(/^["'(`]+/, '');
		const program = /^(?:node|npm|dsmn-resync)$/.test(start) ? start : undefined;
		if (!program) continue;
		const taken = [start];
		let j = i + 1;
		// node's script, npm's "start --".
		if (program === 'node' && /\.js$/.test(words[j] ?? '')) taken.push(words[j++]!);
		if (program === 'npm' && words[j] === 'start' && words[j + 1] === '--') taken.push(words[j++]!, words[j++]!);
		while (j < words.length && WIZARD_WORD.test(trailing(words[j]!)) && !/[,;:)."']$/.test(taken.at(-1)!)) taken.push(words[j++]!);
		if (taken.length >= 3) found.push(trailing(taken.join(' ')));
		i = j - 1;
	}
	return found;
}

/** The rows of wrapped text, a command's continuation (" \\" then an indent) and a broken word's mark joined back; `continued`: a command went on. */
function logicalRows(wrapped: string): {text: string; continued: boolean}[] {
	const rows: {text: string; continued: boolean}[] = [];
	for (const row of wrapped.split('\n')) {
		const last = rows.at(-1);
		if (last && / [\\^]$/.test(last.text)) [last.text, last.continued] = [`${last.text.slice(0, -2)} ${row.trim()}`, true];
		else if (last && row.trimStart().startsWith(CONTINUED)) last.text += row.trimStart().slice(CONTINUED.length);
		else rows.push({text: row, continued: false});
	}
	return rows;
}

/**
 * Whether `command` stands whole on a row of the wrapped text; one continued onto rows of its own ends its last row
 * (issue 29: "  /tmp/…/lab clear: the lab's Control", the prose run on after it), but for the punctuation glued to it.
 */
function standsWhole(wrapped: string, command: string): boolean {
	return logicalRows(wrapped).some(row => {
		const at = row.text.indexOf(command);
		return at >= 0 && (!row.continued || /^[,;:)."']*$/.test(row.text.slice(at + command.length)));
	});
}

/** The commands that some wrap of `text` breaks inside, or runs on into prose, said with the width. */
function brokenCommands(text: string): string[] {
	return commandsIn(text).flatMap(command =>
		WIDTHS.filter(width => !standsWhole(wrapText(text, width), command)).map(width => `at ${width}: ${command}\n${wrapText(text, width)}`),
	);
}

/** A practice lab in a folder named as `npm start` names its own, one level further down: paths as long as an admin's. */
async function makeLab(lab: Partial<LabOptions> = {}): Promise<string> {
	const dir = join(await tempDir('dsmn-resync-lab-'), 'practice', 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, ...lab});
	return dir;
}

/** Every string in a screen (its title, lines, items, help, advice), deep. */
function stringsOf(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(stringsOf);
	if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
	return [];
}

/** Every text of every screen the controller shows from now on, and of the lines it prints above them. */
function recordTexts(controller: WizardController): {texts: Set<string>; stop: () => void} {
	const texts = new Set<string>();
	const take = () => {
		const state = controller.getState();
		for (const text of [...stringsOf(state.screen), ...helpLines(state.screen, state.steps).map(line => line.text), ...state.log.map(line => line.text)])
			texts.add(text);
	};
	take();
	return {texts, stop: controller.subscribe(take)};
}

/** A controller on the lab in `dir`, started, recording every text it shows from then on. */
async function recordingOn(dir: string, settings: ControllerSettings = {}): Promise<{controller: WizardController; texts: Set<string>; stop: () => void}> {
	const controller = controllerOnLab(dir, settings);
	await controller.start();
	return {controller, ...recordTexts(controller)};
}

/** Every step confirmed, typed words included, until the summary. */
async function confirmAll(controller: WizardController): Promise<void> {
	for (let i = 0; i < 20; i++) {
		const screen = controller.getState().screen;
		if (screen.name === 'summary') return;
		if (screen.name !== 'confirm') throw new Error(`stopped on ${screen.name}`);
		if (screen.word) {
			void controller.dispatch({type: 'type-text', text: screen.word});
			await controller.dispatch({type: 'submit-text'});
		} else await controller.dispatch({type: 'confirm'});
	}
	throw new Error('no end');
}

function expectNoBrokenCommand(texts: Iterable<string>, expectedCommands: RegExp[]): void {
	const all = [...texts];
	const commands = all.flatMap(commandsIn);
	// The walk met the commands it is about: a check that finds none would pass for nothing.
	for (const expected of expectedCommands) expect(commands, String(expected)).toContainEqual(expect.stringMatching(expected));
	expect(all.flatMap(brokenCommands)).toEqual([]);
}

describe('commands in what the wizard says, at 60 and 80 columns', {timeout: 120_000}, () => {
	afterEach(() => {
		vi.unstubAllEnvs();
	});

	it('finds the commands it checks, and a wrap that parts one', () => {
		expect(commandsIn('type: cd /d %SystemRoot%\\System32\\Syncagnt  then  net stop MSSYNC (each)')).toEqual([
			'cd /d %SystemRoot%\\System32\\Syncagnt',
			'net stop MSSYNC',
		]);
		expect(commandsIn('fault (x) with node /a/dist/cli.js lab fault /tmp/L clear, then retry')).toEqual(['node /a/dist/cli.js lab fault /tmp/L clear']);
		expect(commandsIn('start again, npm start -- --lab /tmp/L, and choose')).toEqual(['npm start -- --lab /tmp/L']);
		// A command parted as prose ("cd /d" ⏎ "%SystemRoot%…") stands on no row; continued with " \\", or a path marked, it does,
		// unless prose goes on after it on its last row.
		const command = 'cd /d %SystemRoot%\\System32\\Syncagnt';
		expect(standsWhole('type: cd /d\n%SystemRoot%\\System32\\Syncagnt  then', command)).toBe(false);
		expect(standsWhole('type:\ncd /d \\\n  %SystemRoot%\\System32\\Syncagnt,\nthen', command)).toBe(true);
		expect(standsWhole('type:\ncd /d \\\n  %SystemRoot%\\System32\\Syncagnt, then', command)).toBe(false);
		expect(standsWhole('type: cd /d %SystemRoot%\\System32\\Syncagnt, then', command)).toBe(true);
		expect(standsWhole(`net stop /tmp/a/\n${CONTINUED}b/c`, 'net stop /tmp/a/b/c')).toBe(true);
	});

	it('the repair, in the practice lab: its plan, confirmations, running steps, end, `?` of each, and the checks printed', async () => {
		const dir = await makeLab({wontStart: true});
		const {controller, texts, stop} = await recordingOn(dir);
		await controller.answers.inspect('continue');
		await controller.answers.situation('wont-start');
		await controller.answers.situation('repair');
		await controller.answers.plan('begin');
		await confirmAll(controller);
		stop();
		expectNoBrokenCommand(texts, [/^cd \/d /, /^net stop MSSYNC$/, /^dsmchk -d CORP -u USERNAME/, /lab status \//]);
	});

	it('the repair at a real PDC (typed at its prompt) and the checks at the end of both flows', () => {
		expectNoBrokenCommand(
			[...dsmpackInstructions(), ...resultCheckInstructions('CORPORATE-DOMAIN', ['NETWARE-SERVER-ONE'])],
			[/^cd \/d /, /^dsmpack \/r$/, /^dsmchk /],
		);
	});

	it('a restore whose Stop MSSYNC hangs: the failure and its `?`; and a restore to its end', async () => {
		vi.stubEnv('DSMN_RESYNC_SERVICE_TIMEOUT', '1');
		const dir = await makeLab();
		await saveLab(dir, {...(await loadLab(dir)), fault: 'stop-hangs'});
		const {controller, texts, stop} = await recordingOn(dir);
		await toFirstConfirmation(controller);
		await controller.dispatch({type: 'confirm'});
		expect(controller.getState().screen).toMatchObject({name: 'failure', step: 'stop-service'});
		stop();
		expectNoBrokenCommand(texts, [/lab fault \/\S+ clear$/, /^net stop MSSYNC$/, /^sc query MSSYNC$/]);

		const whole = await makeLab();
		const again = controllerOnLab(whole);
		await again.start();
		const end = recordTexts(again);
		await toFirstConfirmation(again);
		await confirmAll(again);
		end.stop();
		expectNoBrokenCommand(end.texts, [/^net start MSSYNC$/, /^dsmchk -d CORP/]);
	});
});

/** From the first screen to the last, each question answered as Enter would (the item under the pointer), each step confirmed. */
async function walkToEnd(controller: WizardController, passwords: string): Promise<void> {
	for (let i = 0; i < 80; i++) {
		const screen = controller.getState().screen;
		if (screen.name === 'summary') return;
		if (screen.name === 'confirm' && screen.word) {
			void controller.dispatch({type: 'type-text', text: screen.word});
			await controller.dispatch({type: 'submit-text'});
		} else if (screen.name === 'confirm') await controller.dispatch({type: 'confirm'});
		else if (screen.name === 'multi-select') await controller.dispatch({type: 'submit-selection'});
		else if (screen.name === 'passwords-file') {
			void controller.dispatch({type: 'erase-text', what: 'line'});
			void controller.dispatch({type: 'type-text', text: passwords});
			await controller.dispatch({type: 'submit-text'});
		} else if (screen.name === 'running' || screen.name === 'loading') await new Promise(resolve => setTimeout(resolve, 20));
		else await controller.dispatch({type: 'choose'});
	}
	throw new Error(`no end: on ${controller.getState().screen.name}`);
}

describe('commands in what the reconstruct and "Only synchronize" say, at 60 and 80 columns', {timeout: 120_000}, () => {
	it('the reconstruct, every step to its end', async () => {
		const dir = await makeLab({backup: false});
		const {controller, texts, stop} = await recordingOn(dir);
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('same');
		await controller.answers['ask-backup']('no');
		await walkToEnd(controller, join(await tempDir(), 'passwords.txt'));
		stop();
		await controller.dispose();
		expectNoBrokenCommand(texts, [/^dsmchk -d CORP/]);
	});

	it('the restore onto a new PDC (KB Q154761), every step to its end', async () => {
		const dir = await makeLab({newPdc: true});
		const {controller, texts, stop} = await recordingOn(dir);
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('new');
		await controller.answers['ask-backup']('yes');
		await controller.dispatch({type: 'submit-text'});
		await controller.answers.validation('accept');
		await controller.answers.situation('normal');
		await controller.answers.plan('begin');
		await walkToEnd(controller, '');
		stop();
		await controller.dispose();
		expectNoBrokenCommand(texts, [/^net stop MSSYNC$/, /^dsmchk -d CORP/]);
	});

	it('"Only synchronize all servers" with a server offline, to its end', async () => {
		const dir = await makeLab();
		await saveLab(dir, {...(await loadLab(dir)), servers: (await loadLab(dir)).servers.map(s => (s.name === 'FS2' ? {...s, offline: true} : s))});
		// As npm start launches it: its commands are "npm start -- …".
		const {controller, texts, stop} = await recordingOn(dir, {launcher: 'npm start --'});
		await controller.answers.inspect('synchronize');
		await controller.answers.situation('normal');
		await controller.dispatch({type: 'confirm'});
		expect(controller.getState().screen).toMatchObject({name: 'situation', step: 'after-synchronize-only'});
		await controller.answers.situation('leave');
		expect(controller.getState().screen).toMatchObject({name: 'summary'});
		stop();
		await controller.dispose();
		expectNoBrokenCommand(texts, [/^npm start -- --lab \/\S+$/]);
	});
});

describe("commands in a failure's words, each fault the lab stages, at 60 and 80 columns", {timeout: 120_000}, () => {
	afterEach(() => {
		vi.unstubAllEnvs();
	});

	it.each(labFaults)('a restore under the %s fault: its failures, their `?`, a roll back and the end', async fault => {
		vi.stubEnv('DSMN_RESYNC_SERVICE_TIMEOUT', '1');
		const dir = await makeLab();
		await saveLab(dir, {...(await loadLab(dir)), fault});
		const {controller, texts, stop} = await recordingOn(dir);
		await toFirstConfirmation(controller);
		let failures = 0;
		for (let i = 0; i < 30; i++) {
			const screen = controller.getState().screen;
			if (screen.name === 'summary') break;
			if (screen.name === 'failure') {
				const choices = choicesOf(screen)?.items.map(item => item.value) ?? [];
				await controller.answers.failure(failures++ === 0 && choices.includes('rollback') ? 'rollback' : 'stop');
			} else if (screen.name === 'confirm' && screen.word) {
				void controller.dispatch({type: 'type-text', text: screen.word});
				await controller.dispatch({type: 'submit-text'});
			} else if (screen.name === 'confirm') await controller.dispatch({type: 'confirm'});
			else throw new Error(`stopped on ${screen.name}`);
		}
		stop();
		await controller.dispose();
		// A stop said to fail (2184) that worked fails nothing, nor a stopped gateway (the target is refused before any step); the others fail a step.
		expect(failures > 0, `${fault}: ${controller.getState().screen.name}`).toBe(fault !== 'stop-says-2184' && fault !== 'gateway-stopped');
		expectNoBrokenCommand(texts, [/^(?:net|sc) /]);
	});
});

/**
 * Every overlay fits the frame at 60×20 (ARCHITECTURE.md, "Layout at any size"): the help, page by page, and
 * the quit question, over every screen a restore and a reconstruct of the practice lab show (a running
 * synchronize included), drawn by the App as the terminal would: every frame at most 19 rows, the header and
 * the overlay's title in view.
 */
import {EventEmitter} from 'node:events';
import {join} from 'node:path';
import {render} from 'ink';
import {describe, expect, it} from 'vitest';
import {loadLab, saveLab} from '../../source/lab/state.js';
import {UNICODE_GLYPHS} from '../../source/text/glyphs.js';
import {App} from '../../source/ui/App.js';
import {GlyphsContext} from '../../source/ui/theme.js';
import {choicesOf} from '../../source/wizard/choices.js';
import type {WizardController} from '../../source/wizard/controller.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';
import {screenIdentity} from '../../source/wizard/store.js';
import {tempDir} from '../helpers/run-cli.js';
import type {LabOptions} from '../../source/lab/options.js';
import {controllerOnLab, makeLab} from '../helpers/wizard-walk.js';

const COLUMNS = 60;
const ROWS = 20;

/** A screen as the wizard showed it: its state (no log: printed above the frame), what leaving meant then, and whether Esc went back. */
type Seen = {state: WizardState; note: string; canGoBack: boolean};

/** The controller as the App reads it, showing one state: the overlay and the help's page are the test's. */
function still(seen: Seen, patch: Partial<WizardState>) {
	const state: WizardState = {...seen.state, ...patch};
	const pages: number[] = [];
	const controller = {
		getState: () => state,
		subscribe: () => () => undefined,
		choices: {subscribe: () => () => undefined, pointer: () => 0},
		canGoBack: () => seen.canGoBack,
		helpPaged: (count: number) => void pages.push(count),
		leavingNote: () => seen.note,
		dispatch: () => undefined,
		noteIgnoredKey: () => undefined,
		fatal: () => undefined,
		seenMs: 0,
	};
	return {controller: controller as unknown as WizardController, pages};
}

/** The App drawn once at 60×20 as Ink draws it for a terminal of that size: the frame's rows. */
async function frameOf(seen: Seen, patch: Partial<WizardState>): Promise<{rows: string[]; pages: number}> {
	const writes: string[] = [];
	const stdout = Object.assign(new EventEmitter(), {columns: COLUMNS, rows: ROWS, isTTY: true, write: (text: string) => void writes.push(text)});
	const stdin = Object.assign(new EventEmitter(), {
		isTTY: true,
		setRawMode: () => undefined,
		setEncoding: () => undefined,
		resume: () => undefined,
		pause: () => undefined,
		ref: () => undefined,
		unref: () => undefined,
		read: () => null,
	});
	const {controller, pages} = still(seen, patch);
	const ink = render(
		<GlyphsContext.Provider value={UNICODE_GLYPHS}>
			<App controller={controller} />
		</GlyphsContext.Provider>,
		{stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false},
	);
	await new Promise(resolve => setTimeout(resolve, 20));
	const frame = (writes.at(-1) ?? '').replace(/\n$/, '');
	ink.unmount();
	ink.cleanup();
	return {rows: frame.split('\n'), pages: pages.at(-1) ?? 1};
}

type Walk = {flow: 'restore' | 'reconstruct'; fault?: string; lab?: Partial<LabOptions>; passwords?: 'random' | 'initial'; dir?: string};

/** Answers each screen as the admin most often would (or as `walk` says), recording each screen shown, until an end or a failure. */
async function walk({flow, fault, lab = {}, passwords: policy = 'random', dir: again}: Walk): Promise<{screens: Seen[]; dir: string}> {
	const dir = again ?? (await makeLab(lab));
	const controller = controllerOnLab(dir);
	if (fault) await saveLab(dir, {...(await loadLab(dir)), fault: fault as never});
	await controller.start();
	const seen = new Map<string, Seen>();
	const record = () => {
		const state = controller.getState();
		const {screen} = state;
		const key = `${screenIdentity(screen)}:${screen.name === 'running' ? screen.progress.kind : ''}`;
		// A synchronize is recorded with its servers under way, as the admin watches it.
		seen.set(key, {state: {...state, log: [], overlay: undefined, helpPage: 0}, note: controller.leavingNote(), canGoBack: controller.canGoBack()});
	};
	const unsubscribe = controller.subscribe(record);
	record();
	const passwords = join(await tempDir(), 'passwords.txt');
	for (let i = 0; i < 60; i++) {
		const screen: Screen = controller.getState().screen;
		if (screen.name === 'summary' || screen.name === 'failure' || screen.name === 'resume') break;
		if (screen.name === 'inspect') await controller.answers.inspect('continue');
		else if (screen.name === 'situation') await controller.answers.situation(choicesOf(screen)!.items[screen.initial]!.value);
		else if (screen.name === 'ask-backup') await controller.answers['ask-backup'](flow === 'restore' ? 'yes' : 'no');
		else if (screen.name === 'choose-backup') await controller.dispatch({type: 'submit-text'});
		else if (screen.name === 'validation') await controller.answers.validation('accept');
		else if (screen.name === 'consequences') await controller.answers.consequences('go');
		else if (screen.name === 'multi-select') await controller.dispatch({type: 'submit-selection'});
		else if (screen.name === 'password-policy') await controller.answers['password-policy'](policy);
		else if (screen.name === 'password-entry') {
			void controller.dispatch({type: 'type-text', text: 'Winter#2026'});
			await controller.dispatch({type: 'submit-text'});
		} else if (screen.name === 'passwords-file') {
			void controller.dispatch({type: 'erase-text', what: 'line'});
			void controller.dispatch({type: 'type-text', text: passwords});
			await controller.dispatch({type: 'submit-text'});
		} else if (screen.name === 'plan') await controller.answers.plan('begin');
		else if (screen.name === 'confirm' && screen.word) {
			void controller.dispatch({type: 'type-text', text: screen.word});
			await controller.dispatch({type: 'submit-text'});
		} else if (screen.name === 'confirm') await controller.dispatch({type: 'confirm'});
		else throw new Error(`no answer for ${screen.name}`);
	}
	unsubscribe();
	await controller.dispose();
	return {screens: [...seen.values()], dir};
}

/** What is wrong with a frame at 60×20: taller than 19 rows, or the header or the overlay's title not in view. */
function problems(rows: string[], title: RegExp | undefined): string[] {
	const found: string[] = [];
	if (rows.length > ROWS - 1) found.push(`${rows.length} rows`);
	if (!rows[0]?.startsWith('dsmn-resync')) found.push(`the header is not the first row: "${rows[0]}"`);
	if (title && !rows.some(row => title.test(row))) found.push(`the overlay's title is not in view`);
	return found;
}

async function checkAll(screens: Seen[]): Promise<string[]> {
	const found: string[] = [];
	for (const seen of screens) {
		const name = screenIdentity(seen.state.screen);
		const {rows: bare} = await frameOf(seen, {});
		for (const problem of problems(bare, undefined)) found.push(`${name}: ${problem}`);
		// The quit question: asked on every screen but the end.
		if (seen.state.screen.name !== 'summary') {
			const {rows} = await frameOf(seen, {overlay: 'quit'});
			for (const problem of problems(rows, /Leave dsmn-resync\?/)) found.push(`${name}, the quit question: ${problem}\n${rows.join('\n')}`);
		}
		// The help, every page of it.
		const {pages} = await frameOf(seen, {overlay: 'help', helpPage: 0});
		for (let page = 0; page < pages; page++) {
			const {rows} = await frameOf(seen, {overlay: 'help', helpPage: page});
			for (const problem of problems(rows, /Why this step|What each answer does/))
				found.push(`${name}, the help's page ${page + 1}: ${problem}\n${rows.join('\n')}`);
		}
	}
	return found;
}

describe('every overlay fits 60×20, over every screen that can show it', {timeout: 120_000}, () => {
	it('a restore, its running steps and its end', async () => {
		const {screens} = await walk({flow: 'restore'});
		expect(screens.some(s => s.state.screen.name === 'running' && s.state.screen.step === 'synchronize')).toBe(true);
		expect(await checkAll(screens)).toEqual([]);
	});

	// Issue 29: the quit question during the reconstruct's synchronize was 20 rows at 60×20, its title scrolled off.
	it('a reconstruct, its synchronize of every server included', async () => {
		const {screens} = await walk({flow: 'reconstruct'});
		expect(screens.some(s => s.state.screen.name === 'running' && s.state.screen.progress.kind === 'sync')).toBe(true);
		expect(await checkAll(screens)).toEqual([]);
	});

	it('a restore whose Start MSSYNC is refused: the failure screen, then the resume screen', async () => {
		const {screens, dir} = await walk({flow: 'restore', fault: 'start-refused'});
		expect(screens.some(s => s.state.screen.name === 'failure')).toBe(true);
		const {screens: resumed} = await walk({flow: 'restore', dir});
		expect(resumed.some(s => s.state.screen.name === 'resume')).toBe(true);
		expect(await checkAll([...screens, ...resumed])).toEqual([]);
	});

	it('the dsmpack repair, and a reconstruct with one initial password', async () => {
		const {screens: repair} = await walk({flow: 'restore', lab: {wontStart: true}});
		expect(repair.some(s => s.state.screen.name === 'plan' && s.state.screen.flow === 'repair')).toBe(true);
		const {screens: initial} = await walk({flow: 'reconstruct', lab: {servers: 2}, passwords: 'initial'});
		expect(initial.some(s => s.state.screen.name === 'password-entry')).toBe(true);
		expect(await checkAll([...repair, ...initial])).toEqual([]);
	});
});

import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {ChoiceCursor} from '../../source/wizard/choice-cursor.js';
import {WizardController} from '../../source/wizard/controller.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';
import {tempDir} from '../helpers/run-cli.js';

function cursorOn(screen: Screen) {
	let state: WizardState = {screen, log: [], commands: [], busy: false, leaving: false};
	const ignored: string[] = [];
	const cursor = new ChoiceCursor({getState: () => state, noteIgnoredKey: when => void ignored.push(when)});
	const show = (patch: Partial<WizardState>) => (state = {...state, ...patch});
	return {cursor, ignored, show};
}

const confirm = (step: string): Extract<Screen, {name: 'confirm'}> => ({name: 'confirm', step, title: step, changes: [], typed: ''});

describe('the pointer of the list on screen', () => {
	it('starts where the list says, moves with each arrow, and wraps at both ends', () => {
		const {cursor} = cursorOn({name: 'ask-backup'});
		expect(cursor.pointer()).toBe(0);
		cursor.move(-1);
		expect(cursor.pointer()).toBe(2);
		cursor.move(1);
		expect(cursor.pointer()).toBe(0);
		const manual = cursorOn({name: 'manual', step: 'synchronize', title: 'Synchronize all servers', instructions: []});
		expect(manual.cursor.pointer()).toBe(1);
	});

	it('tells who draws it when it moves', () => {
		const {cursor} = cursorOn({name: 'ask-backup'});
		let told = 0;
		const stop = cursor.subscribe(() => told++);
		cursor.move(1);
		stop();
		cursor.move(1);
		expect(told).toBe(1);
	});

	it('Enter gives the item under the pointer once the key has been handled, with the screen it was chosen on', async () => {
		const {cursor} = cursorOn({name: 'ask-backup'});
		cursor.move(1);
		const chosen: string[] = [];
		const work = cursor.choose((screen, value) => void chosen.push(`${screen.name}:${value}`));
		expect(chosen).toEqual([]);
		await work;
		expect(chosen).toEqual(['ask-backup:no']);
	});

	it('a second Enter before the first is acted on is not taken, and the next screen will say so', async () => {
		const {cursor, ignored} = cursorOn({name: 'ask-backup'});
		const chosen: string[] = [];
		const first = cursor.choose((_, value) => void chosen.push(value));
		// An arrow of the same moment does not move a pointer already chosen from.
		cursor.move(1);
		expect(cursor.choose((_, value) => void chosen.push(value))).toBeUndefined();
		await first;
		expect(chosen).toEqual(['yes']);
		expect(ignored).toEqual(['next-screen']);
	});

	it('while a choice is acted on and the screen is still the same, no other key moves or chooses (a roll back asking MSSYNC first)', async () => {
		const {cursor, ignored, show} = cursorOn({name: 'ask-backup'});
		const chosen: string[] = [];
		let done = () => {};
		const acted = new Promise<void>(resolve => (done = resolve));
		const first = cursor.choose((_, value) => {
			chosen.push(value);
			return acted;
		});
		await new Promise(resolve => setImmediate(resolve));
		expect(chosen).toEqual(['yes']);
		cursor.move(1);
		expect(cursor.pointer()).toBe(0);
		expect(cursor.choose((_, value) => void chosen.push(value))).toBeUndefined();
		expect(ignored).toEqual(['next-screen']);
		// The action leads to another list: that one takes keys at once.
		show({screen: confirm('rollback')});
		cursor.move(1);
		expect(cursor.pointer()).toBe(1);
		done();
		await first;
		// Done, and back on the first list: it takes keys again.
		show({screen: {name: 'ask-backup'}});
		cursor.move(1);
		expect(cursor.pointer()).toBe(1);
		expect(chosen).toEqual(['yes']);
	});

	it('starts over on a new list: another screen, another step, other items', () => {
		const {cursor, show} = cursorOn(confirm('stop-service'));
		cursor.move(1);
		expect(cursor.pointer()).toBe(1);
		show({screen: {...confirm('stop-service'), changes: ['drawn again']}});
		expect(cursor.pointer()).toBe(1);
		show({screen: confirm('move-aside')});
		expect(cursor.pointer()).toBe(0);
		show({screen: {...confirm('move-aside'), word: 'RESTORE'}});
		expect(cursor.pointer()).toBe(0);
	});

	it('keeps its place through an overlay (the help, the quit question): nothing moves or is chosen under it', () => {
		const {cursor, show} = cursorOn(confirm('stop-service'));
		cursor.move(1);
		for (const overlay of ['help', 'quit'] as const) {
			show({overlay});
			cursor.move(1);
			expect(cursor.choose(() => undefined)).toBeUndefined();
			show({overlay: undefined});
			expect(cursor.pointer()).toBe(1);
		}
	});

	it('on a screen without a list: nothing moves and nothing is chosen', () => {
		const {cursor} = cursorOn({name: 'loading', message: '…'});
		cursor.move(1);
		expect(cursor.pointer()).toBe(0);
		expect(cursor.choose(() => undefined)).toBeUndefined();
	});
});

describe('a screen shown again by Esc', () => {
	it('has its pointer on the answer given there, not on its first item; a new screen of the same kind starts over', async () => {
		const asked: Screen = {name: 'ask-backup'};
		const {cursor, show} = cursorOn(asked);
		cursor.move(2);
		await cursor.choose(() => undefined);
		show({screen: {name: 'discover', input: '', searching: false}});
		expect(cursor.pointer()).toBe(0);
		show({screen: asked});
		expect(cursor.pointer()).toBe(2);
		show({screen: {name: 'discover', input: '', searching: false}});
		expect(cursor.pointer()).toBe(0);
		show({screen: {name: 'ask-backup'}});
		expect(cursor.pointer()).toBe(0);
	});

	it('in the wizard: "Not sure" answered, Esc from the search, the pointer is on "Not sure" again', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const command = parseCommandLine(['--lab', dir]);
		if (command.kind !== 'wizard') throw new Error('not the wizard');
		const controller = new WizardController(command.options, {progressIntervalMs: 0, seenMs: 0});
		await controller.start();
		await controller.answers.inspect('continue');
		await controller.answers.situation('red-x');
		await controller.answers.situation('same');
		expect(controller.getState().screen.name).toBe('ask-backup');
		await controller.dispatch({type: 'move-cursor', delta: 2});
		await controller.dispatch({type: 'choose'});
		expect(controller.getState().screen.name).toBe('discover');
		// Drawn, as the screen draws it (a list-less screen in between).
		expect(controller.choices.pointer()).toBe(0);
		await controller.dispatch({type: 'back'});
		expect(controller.getState().screen.name).toBe('ask-backup');
		expect(controller.choices.pointer()).toBe(2);
		await controller.dispose();
	});
});

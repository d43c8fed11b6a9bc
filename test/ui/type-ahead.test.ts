import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {splitBurst, type KeyPress} from '../../source/ui/split-keys.js';
import {TypeAhead} from '../../source/ui/type-ahead.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';

const NO_KEY = {return: false, escape: false, ctrl: false, meta: false, upArrow: false, downArrow: false} as Key;
/** As Ink hands it over: one string, which may hold several keys typed ahead. */
const burst = (input: string) => splitBurst(input, {...NO_KEY, return: input === '\r'});

const field: Screen = {name: 'choose-backup', input: '', candidates: [], suggestions: []};
const loading: Screen = {name: 'loading', message: 'Checking…'};
const choice: Screen = {name: 'ask-backup'};

/**
 * A wizard in miniature: on `start`, Enter leads to `next` after `delay` ms of work (showing `via` in
 * the meantime, if given); every key handled is recorded with the screen it was handled on.
 */
function wizard(start: Screen, next: Screen, {delay = 5, via}: {delay?: number; via?: Screen} = {}) {
	let state: WizardState = {screen: start, log: [], commands: [], busy: false, leaving: false};
	const listeners = new Set<() => void>();
	const set = (screen: Screen) => {
		state = {...state, screen};
		for (const listener of listeners) listener();
	};
	const handled: string[] = [];
	let ignored = 0;
	const queue = new TypeAhead({
		getState: () => state,
		subscribe: listener => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		handle({input, key}: KeyPress, {alone}) {
			handled.push(`${state.screen.name}:${key.return ? '⏎' : input}${alone ? '' : '+'}`);
			if (key.return && state.screen.name === start.name) {
				if (via) set(via);
				return new Promise<void>(resolve =>
					setTimeout(() => {
						set(next);
						resolve();
					}, delay),
				);
			}
		},
		ignored: () => void ignored++,
	});
	return {queue, handled, ignored: () => ignored};
}

describe('keys typed ahead', () => {
	it('a single key acts at once', () => {
		const {queue, handled} = wizard(field, choice);
		queue.push(burst('a'));
		expect(handled).toEqual(['choose-backup:a']);
	});

	it('a burst is handled in order, each key on the screen it reaches (a field, then the field it leads to)', async () => {
		const nextField: Screen = {name: 'passwords-file', input: ''};
		// The Enter's work takes a while: the keys after it wait until it has led to the next field.
		const {queue, handled, ignored} = wizard(field, nextField, {delay: 20});
		queue.push(burst('ab\rcd'));
		await queue.settled();
		expect(handled).toEqual(['choose-backup:a+', 'choose-backup:b+', 'choose-backup:⏎+', 'passwords-file:c+', 'passwords-file:d+']);
		expect(ignored()).toBe(0);
	});

	it('once keys lead to a screen where a key acts (not a text field), the rest are dropped and said to be ignored', async () => {
		const {queue, handled, ignored} = wizard(field, choice, {via: loading});
		queue.push(burst('/b\rq\r'));
		await queue.settled();
		// The Enter led to "loading" (and then a choice), where keys act: q and Enter are never handled.
		expect(handled).toEqual(['choose-backup:/+', 'choose-backup:b+', 'choose-backup:⏎+']);
		expect(ignored()).toBe(1);
	});

	it('nothing is said when the burst ended with the key that led there', async () => {
		const {queue, handled, ignored} = wizard(field, choice);
		queue.push(burst('/b\r'));
		await queue.settled();
		expect(handled).toEqual(['choose-backup:/+', 'choose-backup:b+', 'choose-backup:⏎+']);
		expect(ignored()).toBe(0);
	});

	it('keys that arrived while those were handled are dropped too, each said to be ignored', async () => {
		const {queue, handled, ignored} = wizard(field, choice, {delay: 20});
		queue.push(burst('/b\r'));
		// Typed while the Enter was being handled, before the screen it led to was seen.
		queue.push(burst('y'));
		queue.push(burst('zz'));
		await queue.settled();
		expect(handled).toEqual(['choose-backup:/+', 'choose-backup:b+', 'choose-backup:⏎+']);
		expect(ignored()).toBe(2);
		// Once the queue is idle, a key acts at once again.
		queue.push(burst('q'));
		expect(handled.at(-1)).toBe('ask-backup:q');
	});

	it('a key that comes alone while a burst is still being handled waits its turn, and counts as alone', async () => {
		const {queue, handled} = wizard(field, choice);
		queue.push(burst('ab'));
		queue.push(burst('c'));
		await queue.settled();
		expect(handled).toEqual(['choose-backup:a+', 'choose-backup:b+', 'choose-backup:c']);
	});

	it('an overlay reached by a key typed ahead ends the burst as a new screen does', async () => {
		let state: WizardState = {screen: {name: 'target-field', field: 'host', input: '', length: 0}, log: [], commands: [], busy: false, leaving: false};
		const listeners = new Set<() => void>();
		const handled: string[] = [];
		let ignored = 0;
		const queue = new TypeAhead({
			getState: () => state,
			subscribe: listener => {
				listeners.add(listener);
				return () => listeners.delete(listener);
			},
			handle({input, key}) {
				handled.push(input);
				// Enter: the next field, with the quit question over it (as Ctrl+C typed ahead would bring).
				if (key.return) {
					state = {...state, screen: {name: 'target-field', field: 'username', input: '', length: 0}, overlay: 'quit'};
					for (const listener of listeners) listener();
				}
			},
			ignored: () => void ignored++,
		});
		queue.push(burst('h\ry'));
		await queue.settled();
		expect(handled).toEqual(['h', '']);
		expect(ignored).toBe(1);
	});

	describe('the one rule: a key answers only a screen on view for a moment; keys pressed while loading wait for the screen', () => {
		/** A host on a clock the test moves: each key handled is recorded with whether it may answer. */
		function clocked(start: Screen, untilDrawn = false) {
			let time = 0;
			let state: WizardState = {screen: start, log: [], commands: [], busy: false, leaving: false};
			const listeners = new Set<() => void>();
			const handled: string[] = [];
			const queue = new TypeAhead({
				getState: () => state,
				subscribe: listener => {
					listeners.add(listener);
					return () => listeners.delete(listener);
				},
				handle({input, key}: KeyPress, {alone}) {
					handled.push(`${state.screen.name}:${key.return ? '⏎' : input}${alone ? '' : '+'}`);
				},
				ignored: () => undefined,
				now: () => time,
				seenMs: 250,
				untilDrawn,
			});
			const show = (screen: Screen) => {
				state = {...state, screen};
				for (const listener of listeners) listener();
			};
			return {queue, handled, show, wait: (ms: number) => (time += ms)};
		}

		it('a key alone answers a screen shown 250 ms before, not one shown 50 ms before', () => {
			const {queue, handled, show, wait} = clocked(choice);
			wait(300);
			queue.push(burst('\r'));
			show({name: 'validation', report: {valid: true, errors: [], warnings: [], files: []} as never});
			wait(50);
			queue.push(burst('\r'));
			wait(250);
			queue.push(burst('\r'));
			expect(handled).toEqual(['ask-backup:⏎', 'validation:⏎+', 'validation:⏎']);
		});

		it('the 250 ms run from when the screen was drawn: a frame drawn late (a loaded machine) is not answered as it appears', () => {
			const {queue, handled, show, wait} = clocked(choice, true);
			wait(300);
			queue.drawn();
			show({name: 'validation', report: {valid: true, errors: [], warnings: [], files: []} as never});
			// React and Ink take 400 ms to put it on the terminal: a key that comes meanwhile was typed before it could be seen.
			wait(400);
			queue.push(burst('\r'));
			queue.drawn();
			// The admin presses Enter 50 ms after seeing it.
			wait(50);
			queue.push(burst('\r'));
			// A later draw of the same screen (a progress update) does not restart the moment.
			wait(100);
			queue.drawn();
			wait(150);
			queue.push(burst('\r'));
			expect(handled).toEqual(['validation:⏎+', 'validation:⏎+', 'validation:⏎']);
		});

		it('keys pressed while loading are kept for the screen that follows, never answering it; q acts at once', async () => {
			const {queue, handled, show, wait} = clocked(loading);
			queue.push(burst('\r'));
			queue.push(burst('ab'));
			queue.push(burst('q'));
			expect(handled).toEqual(['loading:q+']);
			wait(1000);
			show(field);
			await queue.settled();
			expect(handled).toEqual(['loading:q+', 'choose-backup:⏎+', 'choose-backup:a+', 'choose-backup:b+']);
		});
	});
});

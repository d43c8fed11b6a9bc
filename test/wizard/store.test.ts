import {describe, expect, it, vi} from 'vitest';
import type {Screen} from '../../source/wizard/state.js';
import {WizardStore} from '../../source/wizard/store.js';

function store(now: () => number) {
	return new WizardStore({now, progressIntervalMs: 100, syncIntervalMs: 700});
}

describe("the wizard's store", () => {
	it('publishes at once, or throttles progress so that the terminal gets at most one frame per interval', () => {
		vi.useFakeTimers();
		try {
			let t = 1000;
			const s = store(() => t);
			const seen: string[] = [];
			s.subscribe(() => seen.push(s.getState().screen.name));
			s.set({screen: {name: 'running', step: 'copy', title: 'Copy', progress: {kind: 'none'}}});
			expect(seen).toEqual(['running']);
			s.set({busy: true}, 'throttled');
			s.set({busy: false}, 'throttled');
			expect(seen).toHaveLength(1); // not yet: the last frame was just drawn
			expect(s.getState().busy).toBe(false); // what the screens draw is the last published state…
			expect(s.current.busy).toBe(false); // …and the working state is the newest
			t += 100;
			vi.advanceTimersByTime(100);
			expect(seen).toHaveLength(2);
		} finally {
			vi.useRealTimers();
		}
	});

	it('remembers the screens came through for Esc, except a loading screen, and says a notice on the screen it concerns', () => {
		const s = store(() => 0);
		s.go({name: 'loading', message: '…'});
		s.go({name: 'target'});
		s.go({name: 'ask-backup'});
		expect(s.history.map(screen => screen.name)).toEqual(['target']);
		s.noteIgnoredKey('next-screen');
		expect(s.current.notice).toBeUndefined();
		s.go({name: 'password-policy'});
		expect(s.current.notice).toMatch(/A key was not used/);
		s.go({name: 'discover', input: '', searching: false});
		expect(s.current.notice).toBeUndefined();
	});

	// Issue 29: "A key was not used…" stayed on the questions after the one it was about (each a situation screen), up to Done.
	it('drops a notice on the next screen, the next question of the same kind included', () => {
		const s = store(() => 0);
		const question = (step: string, lines: string[] = []): Screen => ({
			name: 'situation',
			step,
			title: step,
			lines,
			items: [],
			initial: 0,
			help: {why: '', kb: ''},
		});
		s.go(question('symptom'));
		s.noteIgnoredKey('now');
		expect(s.current.notice).toMatch(/A key was not used/);
		s.set({screen: question('symptom', ['redrawn'])});
		expect(s.current.notice).toMatch(/A key was not used/);
		s.go(question('pdc'));
		expect(s.current.notice).toBeUndefined();
	});

	it('says keys refused while a step ran on the next screen that asks, never on the end nor in the frame left in the terminal', () => {
		const s = store(() => 0);
		const running = (step: string): Screen => ({name: 'running', step, title: step, progress: {kind: 'none'}});
		s.set({screen: running('start-service')});
		s.noteIgnoredKey('next-screen');
		s.set({screen: running('synchronize')});
		expect(s.current.notice).toBeUndefined();
		s.set({screen: {name: 'summary', title: 'Done', lines: [], ok: true, exit: 0}});
		expect(s.current.notice).toBeUndefined();
		s.set({screen: {name: 'target'}});
		expect(s.current.notice).toBeUndefined();
		s.noteIgnoredKey('now');
		s.set({exit: 0});
		expect(s.current.notice).toBeUndefined();
	});

	// Issue 29: the help opened while a step ran stayed open over the failure screen, at its old page ("(2 of 2)").
	it('closes the help when the screen under it changes, back to its first page; the quit question stays open, unanswered', () => {
		const s = store(() => 0);
		const copying: Screen = {name: 'running', step: 'copy-backup', title: 'Copy', progress: {kind: 'none'}};
		s.set({screen: copying, overlay: 'help', helpPage: 1});
		s.set({screen: {...copying, progress: {kind: 'count', label: 'files', done: 1, total: 2}}}, 'throttled');
		expect(s.current).toMatchObject({overlay: 'help', helpPage: 1});
		const failed: Screen = {name: 'failure', step: 'copy-backup', title: 'Copy', message: 'm', advice: 'a', canRollback: true};
		s.set({screen: failed});
		expect(s.current).toMatchObject({overlay: undefined, helpPage: 0});
		s.set({screen: copying, overlay: 'quit'});
		s.set({screen: failed});
		expect(s.current.overlay).toBe('quit');
	});

	it('shows the newest command once, keeping the last three', () => {
		const s = store(() => 0);
		for (const command of ['sc query MSSYNC', 'sc query MSSYNC', 'net stop MSSYNC', 'sc query MSSYNC', 'net start MSSYNC'])
			s.onCommand({phase: 'start', command});
		expect(s.current.commands).toEqual(['net stop MSSYNC', 'sc query MSSYNC', 'net start MSSYNC']);
	});
});

describe('"Last command"', () => {
	it('is the last command of the step on screen: a step that begins shows none until it runs one', () => {
		const s = store(() => 0);
		s.onCommand({phase: 'start', command: 'sc query NwcWorkstation'});
		s.set({screen: {name: 'running', step: 'stop-service', title: 'Stop MSSYNC', progress: {kind: 'none'}}});
		expect(s.current.commands).toEqual([]);
		s.onCommand({phase: 'start', command: 'net stop MSSYNC'});
		s.set({screen: {name: 'running', step: 'stop-service', title: 'Stop MSSYNC', progress: {kind: 'service', state: 'STOP_PENDING'}}});
		expect(s.current.commands).toEqual(['net stop MSSYNC']);
		// The next confirmation still shows it (what the step just did); the next step, which runs none, shows none.
		s.set({screen: {name: 'confirm', step: 'move-aside', title: 'Move', changes: [], typed: ''}});
		expect(s.current.commands).toEqual(['net stop MSSYNC']);
		s.set({screen: {name: 'running', step: 'move-aside', title: 'Move', progress: {kind: 'none'}}});
		expect(s.current.commands).toEqual([]);
	});
});

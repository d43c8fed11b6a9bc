import {describe, expect, it, vi} from 'vitest';
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

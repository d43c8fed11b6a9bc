import {describe, expect, it} from 'vitest';
import {ChoiceCursor} from '../../source/wizard/choice-cursor.js';
import {applyIntent, type Intent, type IntentTarget} from '../../source/wizard/intent.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';

/** The controller's methods, recorded: `[name, ...arguments]`. */
function target(screen: Screen, canGoBack = false) {
	const state: WizardState = {screen, log: [], commands: [], busy: false, leaving: false};
	const calls: unknown[][] = [];
	const choices = new ChoiceCursor({getState: () => state, noteIgnoredKey: () => {}});
	const own = {getState: () => state, canGoBack: () => canGoBack, choices};
	const wizard = new Proxy(own as unknown as IntentTarget, {
		get: (object, name: string) => (name in object ? Reflect.get(object, name) : (...args: unknown[]) => void calls.push([name, ...args])),
	});
	return {wizard, calls, choices};
}

const confirm: Screen = {name: 'confirm', step: 'stop-service', title: 'Stop MSSYNC', changes: [], typed: ''};

describe('applyIntent: what each intent asks of the controller', () => {
	it('each intent calls the method named after it', () => {
		const cases: [Intent, unknown[]][] = [
			[{type: 'type-text', text: 'ab'}, ['typeText', 'ab']],
			[{type: 'erase-text'}, ['eraseText']],
			[{type: 'erase-text', what: 'line'}, ['eraseText', 'line']],
			[{type: 'complete-text'}, ['complete']],
			[{type: 'submit-text'}, ['submitText']],
			[{type: 'toggle-selected'}, ['toggleSelected']],
			[{type: 'submit-selection'}, ['submitSelection']],
			[{type: 'next-checklist-server'}, ['moveChecklist']],
			[{type: 'tick-checklist-server'}, ['toggleChecklist']],
			[{type: 'confirm'}, ['confirm']],
			[{type: 'back'}, ['back']],
			[{type: 'toggle-help'}, ['showHelp']],
			[{type: 'ask-to-leave'}, ['requestQuit']],
			[{type: 'leave'}, ['confirmQuit']],
			[{type: 'stay'}, ['cancelQuit']],
			[{type: 'finish'}, ['done']],
		];
		for (const [intent, call] of cases) {
			const {wizard, calls} = target({name: 'ask-backup'});
			void applyIntent(wizard, intent);
			expect(calls).toEqual([call]);
		}
	});

	it("move-cursor moves a multi-select's own cursor, or the pointer of a list", () => {
		const multi = target({name: 'multi-select', purpose: 'servers', title: '', hint: '', items: [{value: 'FS1', label: 'FS1'}], cursor: 0, selected: []});
		void applyIntent(multi.wizard, {type: 'move-cursor', delta: 1});
		expect(multi.calls).toEqual([['moveCursor', 1]]);
		const list = target({name: 'ask-backup'});
		void applyIntent(list.wizard, {type: 'move-cursor', delta: 1});
		expect(list.calls).toEqual([]);
		expect(list.choices.pointer()).toBe(1);
	});

	it('choose answers with the item under the pointer, by screen', async () => {
		const cases: [Screen, number, unknown[]][] = [
			[{name: 'target'}, 2, ['chooseTarget', 'remote']],
			[{name: 'ask-backup'}, 1, ['answerBackup', 'no']],
			[{name: 'password-policy'}, 0, ['choosePasswordPolicy', 'random']],
			[{name: 'plan', flow: 'restore', steps: [], lines: []}, 0, ['startPlan']],
			[{name: 'consequences', servers: []}, 0, ['acceptConsequences']],
			[{name: 'manual', step: 'synchronize', title: 'Synchronize all servers', instructions: []}, 0, ['manualChoice', 'later']],
			[{name: 'validation', report: {folder: '/b', valid: true, files: [], errors: [], warnings: []}}, 1, ['back']],
			[{name: 'validation', report: {folder: '/b', valid: true, files: [], errors: [], warnings: []}}, 0, ['acceptValidation']],
			[confirm, 0, ['confirm']],
			[confirm, 1, ['requestQuit']],
		];
		for (const [screen, moves, call] of cases) {
			const {wizard, calls} = target(screen);
			for (let i = 0; i < moves; i++) void applyIntent(wizard, {type: 'move-cursor', delta: 1});
			await applyIntent(wizard, {type: 'choose'});
			expect(calls).toEqual([call]);
		}
	});

	it('"No" on a confirmation goes back where nothing has changed yet', async () => {
		const {wizard, calls} = target(confirm, true);
		void applyIntent(wizard, {type: 'move-cursor', delta: 1});
		await applyIntent(wizard, {type: 'choose'});
		expect(calls).toEqual([['back']]);
	});
});

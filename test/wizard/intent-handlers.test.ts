/**
 * One name per action (ARCHITECTURE.md, "Keys and type-ahead"): an intent is handled by the entry of its
 * type in the controller's handler map, and Enter on a list by the entry of its screen. A map that lacks
 * an intent or a screen does not type-check; a value a screen does not offer reaches no handler.
 */
import {describe, expect, expectTypeOf, it} from 'vitest';
import {WizardController} from '../../source/wizard/controller.js';
import {applyChoice, applyIntent, type ChoiceHandlers, type Intent, type IntentHandlers} from '../../source/wizard/intent.js';
import type {Screen} from '../../source/wizard/state.js';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {FakeWizard} from '../helpers/screen-harness.js';

function recording(): {calls: unknown[][]; intents: IntentHandlers; answers: ChoiceHandlers} {
	const calls: unknown[][] = [];
	const on =
		(name: string) =>
		(...args: unknown[]): void =>
			void calls.push([name, ...args]);
	const intents: IntentHandlers = {
		'type-text': on('type-text'),
		'erase-text': on('erase-text'),
		'move-text-cursor': on('move-text-cursor'),
		'complete-text': on('complete-text'),
		'submit-text': on('submit-text'),
		'move-cursor': on('move-cursor'),
		choose: on('choose'),
		'toggle-selected': on('toggle-selected'),
		'submit-selection': on('submit-selection'),
		'next-checklist-server': on('next-checklist-server'),
		'tick-checklist-server': on('tick-checklist-server'),
		confirm: on('confirm'),
		back: on('back'),
		'toggle-help': on('toggle-help'),
		'ask-to-leave': on('ask-to-leave'),
		leave: on('leave'),
		stay: on('stay'),
		finish: on('finish'),
	};
	const answers: ChoiceHandlers = {
		target: on('target'),
		resume: on('resume'),
		inspect: on('inspect'),
		'ask-backup': on('ask-backup'),
		discover: on('discover'),
		validation: on('validation'),
		plan: on('plan'),
		manual: on('manual'),
		consequences: on('consequences'),
		'password-policy': on('password-policy'),
		confirm: on('confirm'),
		failure: on('failure'),
		situation: on('situation'),
	};
	return {calls, intents, answers};
}

describe('the handler maps', () => {
	it('an intent reaches the handler of its type, with its fields', () => {
		const {calls, intents} = recording();
		const given: Intent[] = [{type: 'type-text', text: 'NTPDC1'}, {type: 'erase-text', what: 'word'}, {type: 'move-cursor', delta: -1}, {type: 'finish'}];
		for (const intent of given) void applyIntent(intents, intent);
		expect(calls).toEqual(given.map(intent => [intent.type, intent]));
	});

	it("Enter answers the screen's handler with a value it offers; any other value reaches none", () => {
		const {calls, answers} = recording();
		void applyChoice(answers, {name: 'target'}, 'remote');
		void applyChoice(answers, {name: 'target'}, 'elsewhere');
		void applyChoice(answers, {name: 'ask-backup'}, 'unsure');
		void applyChoice(answers, {name: 'situation'} as Screen, 'red-x');
		void applyChoice(answers, {name: 'loading', message: '…'}, 'yes');
		expect(calls).toEqual([
			['target', 'remote'],
			['ask-backup', 'unsure'],
			['situation', 'red-x'],
		]);
	});

	it('a map without an intent or a screen does not type-check; the controller provides both whole', () => {
		expectTypeOf<Omit<IntentHandlers, 'finish'>>().not.toExtend<IntentHandlers>();
		expectTypeOf<Omit<ChoiceHandlers, 'failure'>>().not.toExtend<ChoiceHandlers>();
		// A handler is given its own intent, not any intent.
		expectTypeOf<IntentHandlers['type-text']>().parameter(0).toEqualTypeOf<{type: 'type-text'; text: string}>();
		expectTypeOf<ChoiceHandlers['target']>().parameter(0).toEqualTypeOf<'lab' | 'windows' | 'remote'>();
		const command = parseCommandLine(['--target', 'windows']);
		if (command.kind !== 'wizard') throw new Error('not the wizard');
		const controller = new WizardController(command.options, {platform: 'linux'});
		expectTypeOf(controller.intents).toEqualTypeOf<IntentHandlers>();
		expectTypeOf(controller.answers).toEqualTypeOf<ChoiceHandlers>();
		expect(Object.keys(controller.intents).sort()).toEqual(Object.keys(recording().intents).sort());
		expect(Object.keys(controller.answers).sort()).toEqual(Object.keys(recording().answers).sort());
	});

	it("the screen tests drive the controller's own maps: each call the harness records is a method of the controller's or of one of its parts, as the map names it", () => {
		const command = parseCommandLine([]);
		if (command.kind !== 'wizard') throw new Error('not the wizard');
		const controller = new WizardController(command.options, {platform: 'linux'});
		const parts: unknown[] = Object.values(controller).filter(value => typeof value === 'object' && value !== null);
		const isMethod = (name: string) => [controller, ...parts].some(owner => typeof Reflect.get(owner as object, name) === 'function');
		const cases: [Screen, Intent, string][] = [
			[{name: 'loading', message: '…'}, {type: 'type-text', text: 'x'}, 'typeText'],
			[{name: 'loading', message: '…'}, {type: 'complete-text'}, 'complete'],
			[{name: 'loading', message: '…'}, {type: 'next-checklist-server'}, 'moveChecklist'],
			[{name: 'loading', message: '…'}, {type: 'tick-checklist-server'}, 'toggleChecklist'],
			[{name: 'loading', message: '…'}, {type: 'toggle-help'}, 'showHelp'],
			[{name: 'loading', message: '…'}, {type: 'ask-to-leave'}, 'requestQuit'],
			[{name: 'loading', message: '…'}, {type: 'leave'}, 'confirmQuit'],
			[{name: 'loading', message: '…'}, {type: 'stay'}, 'cancelQuit'],
			[{name: 'loading', message: '…'}, {type: 'finish'}, 'done'],
		];
		for (const [screen, intent, method] of cases) {
			const wizard = new FakeWizard(screen);
			void wizard.dispatch(intent);
			expect(
				wizard.calls.map(([name]) => name),
				JSON.stringify(intent),
			).toEqual([method]);
			expect(isMethod(method), method).toBe(true);
		}
	});
});

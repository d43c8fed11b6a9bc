/**
 * One name per action (ARCHITECTURE.md, "The wizard"): the controller's public members are the handler
 * maps and `dispatch` (the actions, each named once: its intent type, or its screen for Enter on a list)
 * and what the front end needs besides actions. A named method for an action (`answerBackup`,
 * `chooseTarget`…) would be a second name for it: this list fails to type-check when one is added.
 */
import {describe, expect, expectTypeOf, it} from 'vitest';
import {parseCommandLine} from '../../source/cli/parse-args.js';
import {WizardController} from '../../source/wizard/controller.js';

/** The public members, each for a reason its comment in controller.ts gives. */
type Surface =
	| 'intents'
	| 'answers'
	| 'dispatch'
	| 'choices'
	| 'getState'
	| 'subscribe'
	| 'start'
	| 'dispose'
	| 'canGoBack'
	| 'noteIgnoredKey'
	| 'helpPaged'
	| 'leavingNote'
	| 'hangup'
	| 'fatal'
	| 'seenMs';

describe('the wizard controller’s public surface', () => {
	it('is the actions’ maps and dispatch, and what the front end needs besides actions: nothing else', () => {
		expectTypeOf<keyof WizardController>().toEqualTypeOf<Surface>();
		const command = parseCommandLine([]);
		if (command.kind !== 'wizard') throw new Error('no argument is the wizard');
		const controller = new WizardController(command.options);
		// At run time too: no action left as a method of the controller under its old name.
		for (const old of ['answerBackup', 'chooseTarget', 'acceptValidation', 'manualChoice', 'failureChoice', 'answerSituation', 'requestQuit', 'back'])
			expect(Reflect.get(controller, old), old).toBeUndefined();
	});
});

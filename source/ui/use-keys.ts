/**
 * The wizard's one input handler (ARCHITECTURE.md, "Keys and type-ahead"): every key Ink reads is taken
 * apart (split-keys.ts), queued as typed ahead (type-ahead.ts), given its meaning on the screen it
 * reaches (keymap.ts) and handed to the controller (`dispatch`).
 */
import {useInput} from 'ink';
import {useRef} from 'react';
import type {WizardController} from '../wizard/controller.js';
import {keymap} from './keymap.js';
import {splitBurst} from './split-keys.js';
import {TypeAhead} from './type-ahead.js';

/** What the input handler needs of the controller. */
export type KeysController = Pick<WizardController, 'getState' | 'subscribe' | 'dispatch' | 'noteIgnoredKey' | 'fatal'>;

export function useKeys(controller: KeysController): void {
	const queue = useRef<TypeAhead>(undefined);
	queue.current ??= new TypeAhead({
		getState: controller.getState,
		subscribe: controller.subscribe,
		handle(press, alone) {
			const intent = keymap(controller.getState(), press, alone);
			const work = intent ? controller.dispatch(intent) : undefined;
			// The controller's own failures end on a summary that says where things are.
			return work ? work.catch(error => controller.fatal(error)) : undefined;
		},
		ignored: () => controller.noteIgnoredKey('now'),
	});
	useInput((input, key) => queue.current!.push(splitBurst(input, key)));
}

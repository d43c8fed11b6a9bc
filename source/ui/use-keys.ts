/**
 * The wizard's one input handler (ARCHITECTURE.md, "Keys and type-ahead"): every key Ink reads is taken
 * apart (split-keys.ts), queued as typed ahead (type-ahead.ts), given its meaning on the screen it
 * reaches (keymap.ts) and handed to the controller (`dispatch`).
 */
import {useInput} from 'ink';
import {useEffect, useRef} from 'react';
import type {WizardController} from '../wizard/controller.js';
import {carriesTypeAhead, keymap} from './keymap.js';
import {splitBurst} from './split-keys.js';
import {actsWhileLoading, TypeAhead} from './type-ahead.js';

/** What the input handler needs of the controller. */
export type KeysController = Pick<WizardController, 'getState' | 'subscribe' | 'dispatch' | 'noteIgnoredKey' | 'fatal'> &
	Partial<Pick<WizardController, 'seenMs' | 'canGoBack'>>;

/** Screens with no question to answer: a key there answers nothing, and there is nothing to say about it on them. */
const QUIET = new Set(['loading', 'running', 'summary']);
/** Where nothing is asked (a step running, the wizard loading): a key of no use there is said on the screen that asks next. */
const NOTHING_ASKED = new Set(['loading', 'running']);

export function useKeys(controller: KeysController): void {
	const queue = useRef<TypeAhead>(undefined);
	queue.current ??= new TypeAhead({
		getState: controller.getState,
		subscribe: controller.subscribe,
		handle(press, arrival) {
			const state = controller.getState();
			// Without the controller's answer, Esc is offered and the controller decides (navigation.ts).
			const intent = keymap(state, press, arrival, controller.canGoBack?.() ?? true);
			// A key that would have answered, had it come alone on a screen already read: said, not dropped in silence.
			if (!intent && !state.overlay && !carriesTypeAhead(state)) {
				if (!arrival.alone && !QUIET.has(state.screen.name)) controller.noteIgnoredKey('now');
				// Pressed while a step runs, even alone (a "y" for a question not yet asked): said where it would have acted. q, ?,
				// Esc and Ctrl+C have their own meaning, and their own words.
				else if (NOTHING_ASKED.has(state.screen.name) && !actsWhileLoading(press)) controller.noteIgnoredKey('next-screen');
			}
			const work = intent ? controller.dispatch(intent) : undefined;
			// The controller's own failures end on a summary that says where things are.
			return work ? work.catch(error => controller.fatal(error)) : undefined;
		},
		// Keys dropped where nothing is asked (a step runs, the wizard loads): said on the screen that asks next, where they would have acted.
		ignored: () => controller.noteIgnoredKey(QUIET.has(controller.getState().screen.name) ? 'next-screen' : 'now'),
		seenMs: controller.seenMs ?? 0,
		untilDrawn: true,
	});
	useInput((input, key) => queue.current!.push(splitBurst(input, key)));
	// After every commit: a screen's moment for reading starts once it is drawn (type-ahead.ts, drawn()).
	useEffect(() => queue.current!.drawn());
}

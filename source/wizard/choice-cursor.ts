/**
 * The pointer of the list on screen (choices.ts): moved by each arrow as it comes, read by Enter. The
 * screens only draw it (ARCHITECTURE.md, "Keys and type-ahead").
 *
 * It lives here, not in the last render (as ink-select-input kept it): keys typed ahead arrive several
 * before a redraw over a slow SSH link, and Enter must choose the item the arrows reached, never the one
 * drawn a moment before (on a confirmation, "Yes" where the admin had moved to "Not now").
 *
 * A new list starts over: another screen (or the same screen for another step), or other items on the
 * same screen. An overlay drawn over the list (the help, the quit question) is not a new list: the
 * pointer stays where the admin left it, so that the Enter after closing it chooses what was pointed at
 * before (on a confirmation, "No" where the admin had moved to it, never "Yes" again). A screen shown again
 * as it was (Esc goes back to it) has its pointer on the answer given there, not on its first item.
 */
import {choicesOf} from './choices.js';
import type {Choice, Screen, WizardState} from './state.js';

/** What the pointer reads of the wizard: the state drawn, and where a key not used is said. */
export type CursorSource = {getState(): WizardState; noteIgnoredKey(when: 'now' | 'next-screen'): void};

export class ChoiceCursor {
	/** Which list the pointer is on: the screen's name, its step and its items' values. */
	private list?: string;
	private index = 0;
	/** Enter chose, and the choice is about to be acted on: the keys of the same moment are not taken for the next screen. */
	private choosing = false;
	/** The list whose choice is being acted on (the action awaits before it changes the screen): it takes no other key meanwhile. */
	private acting: string | undefined;
	/** The answer Enter gave on each screen drawn (the same object comes back when Esc goes back to it). */
	private readonly answered = new WeakMap<Screen, string>();
	private readonly listeners = new Set<() => void>();

	constructor(private readonly source: CursorSource) {}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** The item under the pointer on the list drawn now (0 where there is none). */
	pointer = (): number => {
		this.follow();
		return this.index;
	};

	/** An arrow: the next item (delta 1) or the previous one (-1), wrapping at both ends. */
	move(delta: number): void {
		const items = this.follow();
		if (!items?.length || this.choosing || this.acting === this.list) return;
		this.index = (((this.index + delta) % items.length) + items.length) % items.length;
		for (const listener of this.listeners) listener();
	}

	/**
	 * Enter: the item under the pointer, given to `act` once this key has been handled, so that the keys
	 * that came with it (a quick second Enter) still find this screen: such an Enter is not taken for the
	 * next screen, and the next screen says so.
	 */
	choose<V extends string>(act: (screen: Screen, value: V) => Promise<void> | void): Promise<void> | void {
		const items = this.follow();
		if (!items?.length) return;
		if (this.choosing || this.acting === this.list) return this.source.noteIgnoredKey('next-screen');
		this.choosing = true;
		const {screen} = this.source.getState();
		const value = items[this.index]!.value as V;
		this.answered.set(screen, value);
		const list = this.list;
		return new Promise<void>((resolve, reject) =>
			setImmediate(() => {
				this.choosing = false;
				this.acting = list;
				Promise.resolve()
					.then(() => act(screen, value))
					.finally(() => {
						if (this.acting === list) this.acting = undefined;
					})
					.then(resolve, reject);
			}),
		);
	}

	/** The items of the list drawn now (none under an overlay); the pointer starts over when that is another list. */
	private follow(): Choice[] | undefined {
		const {screen, overlay} = this.source.getState();
		const choices = choicesOf(screen);
		const list = [screen.name, 'step' in screen ? screen.step : '', ...(choices?.items.map(item => item.value) ?? [])].join('\u0000');
		// Under an overlay nothing is chosen or moved, and the list under it keeps its pointer.
		if (overlay) return undefined;
		if (list !== this.list) {
			this.list = list;
			const given = choices?.items.findIndex(item => item.value === this.answered.get(screen)) ?? -1;
			this.index = given >= 0 ? given : choices ? Math.min(Math.max(0, choices.initial), choices.items.length - 1) : 0;
			this.choosing = false;
		}
		return choices?.items;
	}
}

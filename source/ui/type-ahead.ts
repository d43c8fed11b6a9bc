/**
 * Keys typed ahead (ARCHITECTURE.md, "Keys and type-ahead"). A key that comes alone, with nothing typed
 * ahead still being handled, acts at once. A burst (several keys in one string: split-keys.ts) is
 * handled in order, each key on the screen it reaches, waiting until the key has done its work or led
 * elsewhere. Once keys lead to a screen where a key acts (a confirmation, a choice: anything but a text
 * field), the rest are dropped, and the screen says a key was not used: such a screen is answered after
 * reading it. Keys that arrived while those were handled were typed before that screen was seen:
 * dropped too.
 *
 * One rule for every screen: a key answers a question only if it came alone on a screen that had been on
 * view for a moment (`seenMs`: 250 ms in the wizard, ControllerDeps; no one reads a screen faster; a quick double Enter's second key is not an answer to
 * the screen the first one led to). Keys pressed while the wizard is loading (starting, looking at the
 * target) are kept for the screen that follows: a text field takes them, any other screen says they
 * were not used.
 */
import type {WizardState} from '../wizard/state.js';
import {carriesTypeAhead, type Arrival} from './keymap.js';
import type {KeyPress} from './split-keys.js';

/** Which screen this is, for telling when a key led to another one (a field to the next field, a step to the next). */
function screenKey({screen}: WizardState): string {
	return [screen.name, 'step' in screen ? screen.step : '', 'field' in screen ? screen.field : '', 'stage' in screen ? screen.stage : ''].join(':');
}

/** The keys that answer nothing, and act while the wizard loads (each has its own meaning everywhere: leaving, the help, back). */
export function actsWhileLoading({input, key}: KeyPress): boolean {
	return input === 'q' || input === '?' || key.escape || (key.ctrl && input === 'c');
}

export type TypeAheadHost = {
	/** The wizard's state as drawn, and its changes. */
	getState(): WizardState;
	subscribe(listener: () => void): () => void;
	/** Handles one key, as it arrived (keymap.ts). The promise is its work, and never rejects. */
	handle(press: KeyPress, arrival: Arrival): Promise<void> | void;
	/** Keys were dropped: said on the screen they were not used on. */
	ignored(): void;
	/** The clock the `seenMs` rule reads (tests pass their own). */
	now?: () => number;
	/** How long a screen must have been on view before a key answers it (0, the default: at once). */
	seenMs?: number;
	/** The moment runs only once the screen is drawn (`drawn()`, called after each commit): the wizard's. */
	untilDrawn?: boolean;
};

export class TypeAhead {
	/** The bursts, handled one after the other. */
	private chain: Promise<void> = Promise.resolve();
	/** Bursts (and keys that came while one was handled) not yet handled. */
	private waiting = 0;
	/** Numbers the bursts as they arrive. */
	private arrivals = 0;
	/** Bursts up to this number arrived before the screen they would act on was seen: dropped. */
	private droppedUpTo = 0;

	/** Keys pressed while the wizard loads, for the screen that follows. */
	private readonly held: KeyPress[] = [];
	/** The screen on view, and since when. */
	private shown: string;
	private shownAt: number;
	private readonly now: () => number;

	constructor(private readonly host: TypeAheadHost) {
		this.now = host.now ?? (() => performance.now());
		this.shown = screenKey(host.getState());
		this.shownAt = this.now();
		host.subscribe(() => {
			const key = screenKey(host.getState());
			if (key === this.shown) return;
			this.shown = key;
			this.shownAt = this.now();
			// The wizard has loaded: the keys pressed meanwhile go to the screen it shows.
			if (this.held.length && host.getState().screen.name !== 'loading') this.enqueue(this.held.splice(0), false);
		});
	}

	/**
	 * The screen on view has been drawn (after React committed it): its moment for reading runs from now, not
	 * from when the wizard chose it. Under a heavy load a frame can take longer to draw than `seenMs`, and a
	 * key pressed as it appeared would otherwise answer a question no one could yet have read.
	 */
	drawn(): void {
		const key = screenKey(this.host.getState());
		if (key !== this.shown || this.drawnKey === key) return;
		this.drawnKey = key;
		this.shownAt = this.now();
	}
	/** The screen last drawn: `drawn()` restarts the moment once per screen. */
	private drawnKey: string | undefined;

	/** The screen on view has been there long enough to have been read. */
	private seen(): boolean {
		if (this.host.untilDrawn && this.drawnKey !== this.shown) return false;
		return this.now() - this.shownAt >= (this.host.seenMs ?? 0);
	}

	/** The keys of one input event, in the order they were typed. */
	push(keys: KeyPress[]): void {
		// Pressed while the wizard loads: kept for the screen that follows, never answering it (q, ?, Esc
		// and Ctrl+C act at once: leaving is never held up).
		if (this.host.getState().screen.name === 'loading' && !keys.every(actsWhileLoading)) return void this.held.push(...keys);
		// One key, nothing typed ahead still being handled: at once.
		if (keys.length === 1 && this.waiting === 0) {
			const seen = this.seen();
			return void this.host.handle(keys[0]!, {alone: seen, seen});
		}
		this.enqueue(keys, true);
	}

	/** Keys handled after those before them; `canAnswer` false: pressed before the screen they reach was shown. */
	private enqueue(keys: KeyPress[], canAnswer: boolean): void {
		const arrived = ++this.arrivals;
		this.waiting++;
		this.chain = this.chain.then(async () => {
			try {
				if (arrived > this.droppedUpTo) await this.typeAhead(keys, canAnswer);
				else this.host.ignored();
			} finally {
				this.waiting--;
			}
		});
	}

	/** Resolves once every key pushed so far has been handled (or dropped). */
	settled(): Promise<void> {
		return this.chain;
	}

	private async typeAhead(keys: KeyPress[], canAnswer: boolean): Promise<void> {
		for (const [index, press] of keys.entries()) {
			const before = screenKey(this.host.getState());
			// Until the key has done its work or led elsewhere: a step it starts may run for minutes.
			// `seen`: typed on the screen it reaches (a burst typed on a screen already read), not held from before it.
			const seen = canAnswer && this.seen();
			await this.untilSettled(this.host.handle(press, {alone: seen && keys.length === 1, seen}), before);
			const now = this.host.getState();
			if (screenKey(now) !== before && !carriesTypeAhead(now)) {
				this.droppedUpTo = this.arrivals;
				// Keys left over are not used on this screen: said on it, not silently dropped.
				if (index < keys.length - 1) this.host.ignored();
				return;
			}
		}
	}

	private untilSettled(action: Promise<void> | void, before: string): Promise<void> {
		return new Promise(resolve => {
			const unsubscribe = this.host.subscribe(() => {
				if (screenKey(this.host.getState()) === before) return;
				unsubscribe();
				resolve();
			});
			void Promise.resolve(action).finally(() => {
				unsubscribe();
				resolve();
			});
		});
	}
}

/**
 * Keys typed ahead (ARCHITECTURE.md, "Keys and type-ahead"). A key that comes alone, with nothing typed
 * ahead still being handled, acts at once. A burst (several keys in one string: split-keys.ts) is
 * handled in order, each key on the screen it reaches, waiting until the key has done its work or led
 * elsewhere. Once keys lead to a screen where a key acts (a confirmation, a choice: anything but a text
 * field), the rest are dropped, and the screen says a key was not used: such a screen is answered after
 * reading it. Keys that arrived while those were handled were typed before that screen was seen:
 * dropped too.
 */
import type {WizardState} from '../wizard/state.js';
import type {KeyPress} from './split-keys.js';

/** Screens where keys typed ahead still belong: text fields, where nothing happens before Enter. */
const CARRIES_TYPE_AHEAD = new Set<WizardState['screen']['name']>(['target-field', 'choose-backup', 'passwords-file', 'password-entry', 'discover']);

/** Which screen this is, for telling when a key led to another one (a field to the next field, a step to the next). */
function screenKey({screen}: WizardState): string {
	return [screen.name, 'step' in screen ? screen.step : '', 'field' in screen ? screen.field : '', 'stage' in screen ? screen.stage : ''].join(':');
}

export type TypeAheadHost = {
	/** The wizard's state as drawn, and its changes. */
	getState(): WizardState;
	subscribe(listener: () => void): () => void;
	/** Handles one key; `alone` when it came by itself. The promise is its work, and never rejects. */
	handle(press: KeyPress, alone: boolean): Promise<void> | void;
	/** Keys were dropped: said on the screen they were not used on. */
	ignored(): void;
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

	constructor(private readonly host: TypeAheadHost) {}

	/** The keys of one input event, in the order they were typed. */
	push(keys: KeyPress[]): void {
		// One key, nothing typed ahead still being handled: at once.
		if (keys.length === 1 && this.waiting === 0) return void this.host.handle(keys[0]!, true);
		const arrived = ++this.arrivals;
		this.waiting++;
		this.chain = this.chain.then(async () => {
			try {
				if (arrived > this.droppedUpTo) await this.typeAhead(keys);
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

	private async typeAhead(keys: KeyPress[]): Promise<void> {
		for (const [index, press] of keys.entries()) {
			const before = screenKey(this.host.getState());
			// Until the key has done its work or led elsewhere: a step it starts may run for minutes.
			await this.untilSettled(this.host.handle(press, keys.length === 1), before);
			const now = this.host.getState();
			if (screenKey(now) !== before && (now.overlay || !CARRIES_TYPE_AHEAD.has(now.screen.name))) {
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

/**
 * The wizard's state as the screens read it (ARCHITECTURE.md, "The wizard"): one `WizardState`, changed
 * only through `set`, published to `useSyncExternalStore` at once or throttled (progress), with the
 * screens the admin came through (Esc goes back along them) and the lines printed once above the live area.
 */
import type {CommandEvent} from '../targets/run-command.js';
import type {LogLine, Screen, WizardState} from './state.js';

export type StoreTiming = {
	now: () => number;
	/** How often progress may be redrawn, at most. */
	progressIntervalMs: number;
	/** How often the synchronization view may be redrawn: every row changes each time, so less often. */
	syncIntervalMs: number;
};

/** `now`: redraw at once; `throttled`: progress, at most every progressIntervalMs; `sync`: the synchronization view. */
export type Redraw = 'now' | 'throttled' | 'sync';

/** Where nothing is asked: a key refused meanwhile is said on the next screen that asks, if one comes before the end. */
const NOTHING_ASKED = new Set<Screen['name']>(['loading', 'running', 'summary']);

/** Which screen this is: another step, question, field or stage is another screen, though drawn by the same component. */
export function screenIdentity(screen: Screen): string {
	const part = (key: string) => (key in screen ? String((screen as Record<string, unknown>)[key]) : '');
	return [screen.name, part('step'), part('purpose'), part('field'), part('stage')].join(':');
}

export class WizardStore {
	private state: WizardState = {screen: {name: 'loading', message: 'Starting…'}, log: [], commands: [], busy: false, leaving: false};
	/**
	 * What the screens draw: the state as of the last notification. Progress between two redraws changes
	 * only the working state, so React never sees a snapshot change without being told (which would make
	 * it render again on its own, and the terminal would get twice the frames).
	 */
	private published: WizardState = this.state;
	private readonly listeners = new Set<() => void>();
	private pendingNotify: NodeJS.Timeout | undefined;
	private lastNotify = 0;
	private logId = 0;
	/** Said on the next screen shown, not this one (keys typed before that screen appeared). */
	private noticeForNextScreen: string | undefined;
	/** The screens the admin came through: Esc goes back along them. */
	readonly history: Screen[] = [];

	constructor(private readonly timing: StoreTiming) {}

	/** The working state: what the wizard's logic reads. */
	get current(): WizardState {
		return this.state;
	}

	get screen(): Screen {
		return this.state.screen;
	}

	getState = (): WizardState => this.published;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	set(patch: Partial<WizardState>, mode: Redraw = 'now'): void {
		const other = patch.screen !== undefined && screenIdentity(patch.screen) !== screenIdentity(this.state.screen);
		// A notice belongs to the screen it was said on: another screen (the next question of the same kind included) drops it.
		// Keys refused while a step ran are said on the next screen that asks; an end asks nothing, so they are not said there.
		if (other && !('notice' in patch)) {
			const asks = !NOTHING_ASKED.has(patch.screen!.name);
			patch = {...patch, notice: asks ? this.noticeForNextScreen : undefined};
			if (asks || patch.screen!.name === 'summary') this.noticeForNextScreen = undefined;
		}
		// An overlay belongs to the screen it was opened on (ARCHITECTURE.md, "Keys and type-ahead"): the help of a screen
		// that is gone closes; the quit question, still unanswered, stays open over the screen that follows.
		if (other && !('overlay' in patch) && this.state.overlay === 'help') patch = {...patch, overlay: undefined, helpPage: 0};
		// The final frame, left in the terminal, says where things are: no notice about a key.
		if (patch.exit !== undefined && !('notice' in patch)) patch = {...patch, notice: undefined};
		// "Last command" is the last command of the step on screen: a step that begins starts with none (a move,
		// a copy, a synchronization run no command), so a query made minutes before is never shown as its own.
		const {screen} = patch;
		if (screen?.name === 'running' && !('commands' in patch) && (this.state.screen.name !== 'running' || this.state.screen.step !== screen.step))
			patch = {...patch, commands: []};
		this.state = {...this.state, ...patch};
		if (mode === 'now') {
			if (this.pendingNotify) clearTimeout(this.pendingNotify);
			this.pendingNotify = undefined;
			this.emit();
			return;
		}
		const interval = mode === 'sync' ? this.timing.syncIntervalMs : this.timing.progressIntervalMs;
		const wait = this.lastNotify + interval - this.timing.now();
		if (wait <= 0) this.emit();
		else this.pendingNotify ??= setTimeout(() => this.emit(), wait);
	}

	/** Shows a screen; the one it replaces is remembered for Esc unless `remember` is false. */
	go(screen: Screen, remember = true): void {
		if (remember && this.state.screen.name !== 'loading') this.history.push(this.state.screen);
		this.set({screen, overlay: undefined});
	}

	/** Shows a screen with nothing behind it for Esc: what came before it has happened (a synchronization done). */
	goAfterDone(screen: Screen): void {
		this.history.length = 0;
		this.set({screen, overlay: undefined});
	}

	log(tone: LogLine['tone'], text: string, command?: LogLine['command']): void {
		this.set({log: [...this.state.log, {id: ++this.logId, tone, text, ...(command ? {command} : {})}]});
	}

	/** A command started: the footer shows the newest of the last three (a poll repeating it is shown once). */
	onCommand = (event: CommandEvent): void => {
		if (event.phase !== 'start' || this.state.commands.at(-1) === event.command) return;
		this.set({commands: [...this.state.commands, event.command].slice(-3)}, 'throttled');
	};

	/** A key the admin pressed was not used (a second Enter on a choice, keys typed before a screen appeared): said on screen. */
	noteIgnoredKey(when: 'now' | 'next-screen'): void {
		// True of every case (ARCHITECTURE.md, "Keys and type-ahead"): two Enters in one packet on a screen already read were not pressed before it appeared.
		const notice = 'A key was not used: a key answers only on its own, once this screen has been read. Read it, then choose.';
		if (when === 'next-screen') this.noticeForNextScreen = notice;
		else this.set({notice});
	}

	private emit(): void {
		this.published = this.state;
		this.pendingNotify = undefined;
		this.lastNotify = this.timing.now();
		for (const listener of this.listeners) listener();
	}
}

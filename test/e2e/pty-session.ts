/**
 * The real CLI in a real pseudo-terminal (node-pty), its output fed to a headless xterm so that tests
 * read the screen a person would see, and type one key at a time.
 */
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {CLI, userEnv} from '../helpers/run-cli.js';

const {Terminal} = xterm;

export const KEYS = {enter: '\r', escape: '\u001B', up: '\u001B[A', down: '\u001B[B', ctrlC: '\u0003', backspace: '\u007F', tab: '\t'} as const;

/** How long a test reads a screen before it presses a key: longer than the wizard's 250 ms. */
const READ_MS = 300;

export class PtySession {
	private readonly terminal: InstanceType<typeof Terminal>;
	private readonly process: pty.IPty;
	readonly exited: Promise<{exitCode: number; signal?: number}>;
	/** Every byte the program wrote, for byte counts and for searching the scrollback. */
	raw = '';

	/** `command`: what runs instead of `node dist/cli.js` (npm start, say), given `args` after its own; `cwd`: where. */
	constructor(args: string[], options: {cols?: number; rows?: number; env?: Record<string, string>; command?: string[]; cwd?: string} = {}) {
		const cols = options.cols ?? 100;
		const rows = options.rows ?? 30;
		this.terminal = new Terminal({cols, rows, scrollback: 5000, allowProposedApi: true});
		const [file, ...before] = options.command ?? [process.execPath, CLI];
		this.process = pty.spawn(file!, [...before, ...args], {
			...(options.cwd ? {cwd: options.cwd} : {}),
			name: options.env?.['TERM'] ?? 'xterm-256color',
			cols,
			rows,
			env: userEnv({LANG: 'en_US.UTF-8', ...options.env}),
		});
		this.process.onData(data => {
			this.raw += data;
			this.terminal.write(data);
		});
		this.exited = new Promise(resolve => this.process.onExit(e => resolve({exitCode: e.exitCode, ...(e.signal ? {signal: e.signal} : {})})));
	}

	get pid(): number {
		return this.process.pid;
	}

	/** The visible screen, one string per row, trailing spaces trimmed. */
	screen(): string {
		const buffer = this.terminal.buffer.active;
		const lines: string[] = [];
		for (let i = 0; i < this.terminal.rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
		return lines.join('\n');
	}

	/** Everything in the scrollback and on screen. */
	history(): string {
		const buffer = this.terminal.buffer.active;
		const lines: string[] = [];
		for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
		return lines.join('\n');
	}

	/**
	 * Until the screen shows `expected`, then as long as a person takes to read it: the wizard takes no
	 * answer from a key pressed sooner (ARCHITECTURE.md, "Keys and type-ahead"; 250 ms).
	 */
	async waitFor(expected: string | RegExp, timeoutMs = 15_000): Promise<void> {
		const started = Date.now();
		const matches = () => (typeof expected === 'string' ? this.screen().includes(expected) : expected.test(this.screen()));
		while (!matches()) {
			if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(expected)}; the screen shows:\n${this.screen()}`);
			await new Promise(resolve => setTimeout(resolve, 25));
		}
		await new Promise(resolve => setTimeout(resolve, READ_MS));
	}

	/** Writes the keys at once, in one piece: as one SSH packet delivers them. */
	write(keys: string): void {
		this.process.write(keys);
	}

	/** Types each key separately, as a person does. */
	async type(...keys: string[]): Promise<void> {
		for (const key of keys) {
			this.process.write(key);
			await new Promise(resolve => setTimeout(resolve, 30));
		}
	}

	/**
	 * As a terminal emulator does: what was received before the resize is laid out at the old width (the
	 * headless terminal parses asynchronously, so it is flushed first), then the window and the pty change.
	 */
	async resize(cols: number, rows: number): Promise<void> {
		await new Promise<void>(resolve => this.terminal.write('', resolve));
		this.terminal.resize(cols, rows);
		this.process.resize(cols, rows);
	}

	/** Signals the wizard and waits until it has exited: a test's folders are removed only after that. */
	async kill(signal = 'SIGTERM'): Promise<void> {
		this.process.kill(signal);
		await this.exited;
	}
}

/** Until the screen has not changed for a moment (a redraw after a resize or a key is done): the screen then. */
export async function settled(session: PtySession): Promise<string> {
	let last = session.screen();
	for (let still = 0, waited = 0; still < 4 && waited < 5000; waited += 50) {
		await new Promise(resolve => setTimeout(resolve, 50));
		const now = session.screen();
		still = now === last ? still + 1 : 0;
		last = now;
	}
	return last;
}

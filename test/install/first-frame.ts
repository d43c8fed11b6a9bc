/**
 * A program of test/install (the installed tarball's dsmn-resync, the single executable) started in a
 * pseudo-terminal: its first frame is the wizard's first question; q, then y, leaves it (exit 130).
 */
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {expect} from 'vitest';
import {waitFor} from '../helpers/wait-for.js';

export async function wizardFirstFrame(file: string, cwd: string, env: Record<string, string>): Promise<void> {
	const terminal = new xterm.Terminal({cols: 100, rows: 30, allowProposedApi: true});
	const child = pty.spawn(file, [], {name: 'xterm-256color', cols: 100, rows: 30, cwd, env: {...env, LANG: 'en_US.UTF-8'}});
	const exited = new Promise<number>(resolve => child.onExit(e => resolve(e.exitCode)));
	let raw = '';
	child.onData(data => {
		raw += data;
		terminal.write(data);
	});
	const screen = () => {
		const buffer = terminal.buffer.active;
		return Array.from({length: terminal.rows}, (_, i) => buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '').join('\n');
	};
	try {
		await waitFor(() => expect(screen(), `it wrote ${JSON.stringify(raw.slice(0, 2000))}`).toContain('Where do you want to work?'), 20_000);
		child.write('q');
		await waitFor(() => expect(screen()).toContain('Leave dsmn-resync?'), 10_000);
		child.write('y');
		expect(await exited).toBe(130);
	} finally {
		child.kill();
		terminal.dispose();
	}
}

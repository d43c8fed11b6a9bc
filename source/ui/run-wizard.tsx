import {render} from 'ink';
import type {WizardOptions} from '../app/options.js';
import {WizardController} from '../wizard/controller.js';
import {launcherOf} from '../wizard/start-again.js';
import type {Io} from '../app/io.js';
import type {Glyphs} from '../text/glyphs.js';
import {App} from './App.js';
import {asciiStdout, DumbTerminal, lineEndTracking} from './terminal-streams.js';
import {GlyphsContext} from './theme.js';

/** Draws the wizard in this terminal until it is done; returns the exit code. The glyphs are the command line's choice (cli/main.ts). */
export async function runWizard(options: WizardOptions, io: Pick<Io, 'env' | 'script' | 'stdout'>, glyphs: Glyphs): Promise<number> {
	// Every "start again" the wizard prints is the command this one was started with (npm start, the bin, node …).
	const controller = new WizardController(options, {launcher: launcherOf(io.script, io.env)});
	// A terminal that went away must not crash a step halfway: writes to it are dropped from then on.
	io.stdout.on('error', () => {});
	const onSignal = (signal: string) => () => void controller.hangup(signal).catch(() => {});
	const handlers = (['SIGHUP', 'SIGTERM'] as const).map(name => [name, onSignal(name)] as const);
	for (const [name, handler] of handlers) process.on(name, handler);
	// TERM=dumb cannot move the cursor: each screen is printed as plain lines, appended (Ink's debug mode
	// writes whole frames; DumbTerminal prints what changed). Elsewhere only changed lines are rewritten
	// (Ink's off-by-one in this mode is fixed at bundle time: scripts/build.js), at most 10 frames a second.
	const terminal = glyphs.ascii ? asciiStdout(io.stdout) : io.stdout;
	const dumb = io.env['TERM'] === 'dumb' ? new DumbTerminal(terminal) : undefined;
	const lineEnd = lineEndTracking(terminal);
	const stdout = dumb?.stream ?? lineEnd.stream;
	// A narrower terminal: Ink clears the screen, writes the log again and draws the frame whole (as fixed
	// at bundle time: scripts/build.js).
	const instance = render(
		<GlyphsContext.Provider value={glyphs}>
			<App controller={controller} />
		</GlyphsContext.Provider>,
		{stdout, exitOnCtrlC: false, patchConsole: false, maxFps: 10, ...(dumb ? {debug: true} : {incrementalRendering: true})},
	);
	controller.start().catch(error => controller.fatal(error));
	try {
		await instance.waitUntilExit();
	} finally {
		dumb?.flush();
		// The last frame, taller than the terminal, ends without its newline: the shell's prompt goes under it, not after its last word.
		if (!dumb && !lineEnd.endsLine()) terminal.write('\n');
		for (const [name, handler] of handlers) process.off(name, handler);
		// The temporary authentication file, if the account was typed here, goes now.
		await controller.dispose().catch(() => {});
	}
	return controller.getState().exit ?? 0;
}

import {render} from 'ink';
import type {WizardOptions} from '../cli/parse-args.js';
import {WizardController} from '../procedure/wizard-controller.js';
import {chooseGlyphs} from '../text/glyphs.js';
import {App} from './App.js';
import {asciiStdout, DumbTerminal} from './terminal-streams.js';
import {GlyphsContext} from './theme.js';

/** Draws the wizard in this terminal until it is done; returns the exit code. */
export async function runWizard(options: WizardOptions): Promise<number> {
	const controller = new WizardController(options);
	// A terminal that went away must not crash a step halfway: writes to it are dropped from then on.
	process.stdout.on('error', () => {});
	const onSignal = (signal: string) => () => void controller.hangup(signal).catch(() => {});
	const handlers = (['SIGHUP', 'SIGTERM'] as const).map(name => [name, onSignal(name)] as const);
	for (const [name, handler] of handlers) process.on(name, handler);
	const glyphs = chooseGlyphs(process.env, options.ascii);
	// TERM=dumb cannot move the cursor: each screen is printed as plain lines, appended (Ink's debug mode
	// writes whole frames; DumbTerminal prints what changed). Elsewhere only changed lines are rewritten
	// (Ink's off-by-one in this mode is fixed at bundle time: scripts/build.js), at most 10 frames a second.
	const dumb = process.env['TERM'] === 'dumb' ? new DumbTerminal(glyphs.ascii ? asciiStdout(process.stdout) : process.stdout) : undefined;
	const stdout = dumb?.stream ?? (glyphs.ascii ? asciiStdout(process.stdout) : process.stdout);
	const instance = render(
		<GlyphsContext.Provider value={glyphs}>
			<App controller={controller} />
		</GlyphsContext.Provider>,
		{stdout, exitOnCtrlC: false, patchConsole: false, maxFps: 10, ...(dumb ? {debug: true} : {incrementalRendering: true})},
	);
	// A narrower terminal rewraps what is on screen, so erasing the last frame line by line (as Ink does)
	// leaves pieces of it behind: clear the screen, then draw everything again, the log included.
	let columns = process.stdout.columns;
	const onResize = () => {
		if (!dumb && process.stdout.columns < columns) {
			process.stdout.write('\u001B[2J\u001B[H');
			instance.clear();
			controller.reprintLog();
		}
		columns = process.stdout.columns;
	};
	process.stdout.on('resize', onResize);
	controller.start().catch(error => controller.fatal(error));
	try {
		await instance.waitUntilExit();
	} finally {
		dumb?.flush();
		for (const [name, handler] of handlers) process.off(name, handler);
		process.stdout.off('resize', onResize);
		// The temporary authentication file, if the account was typed here, goes now.
		await controller.dispose().catch(() => {});
	}
	return controller.getState().exit ?? 0;
}

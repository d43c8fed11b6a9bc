import {render} from 'ink';
import type {WizardOptions} from '../cli/parse-args.js';
import {WizardController} from '../procedure/wizard-controller.js';
import {chooseGlyphs} from '../text/glyphs.js';
import {App} from './App.js';
import {GlyphsContext} from './theme.js';

/** Draws the wizard in this terminal until it is done; returns the exit code. */
export async function runWizard(options: WizardOptions): Promise<number> {
	const controller = new WizardController(options);
	// A terminal that went away must not crash a step halfway: writes to it are dropped from then on.
	process.stdout.on('error', () => {});
	const onSignal = (signal: string) => () => void controller.hangup(signal).catch(() => {});
	const handlers = (['SIGHUP', 'SIGTERM'] as const).map(name => [name, onSignal(name)] as const);
	for (const [name, handler] of handlers) process.on(name, handler);
	const instance = render(
		<GlyphsContext.Provider value={chooseGlyphs(process.env, options.ascii)}>
			<App controller={controller} />
		</GlyphsContext.Provider>,
		// Not incrementalRendering: in Ink 6.8.0 it moves up one line too few when the frame ends with a newline
		// (every non-fullscreen frame), so each frame is drawn one row lower than the last.
		{exitOnCtrlC: false, patchConsole: false, maxFps: 10},
	);
	controller.start().catch(error => controller.fatal(error));
	try {
		await instance.waitUntilExit();
	} finally {
		for (const [name, handler] of handlers) process.off(name, handler);
	}
	return controller.getState().exit ?? 0;
}

/**
 * The program: argv → a command → its exit code. Everything but the wizard runs without loading
 * Ink or React; the wizard's UI is imported only when it is about to be drawn.
 */
import {describeBuild} from '../build-info.js';
import {EXIT} from '../errors/exit-codes.js';
import {LabError} from '../lab/lab-error.js';
import type {Io} from '../app/io.js';
import type {WizardOptions} from '../app/options.js';
import {missingAnswers} from '../app/scripted-answers.js';
import {UsageError} from '../errors/hinted-error.js';
import {toAscii} from '../text/ascii.js';
import {chooseGlyphs, type Glyphs} from '../text/glyphs.js';
import {HELP} from './help.js';
import {jsonLine} from '../app/json-line.js';
import {printError, processOutput} from './output.js';
import {globalFlags, parseCommandLine} from './parse-args.js';

export async function main(
	argv: string[],
	given: Io = {...processOutput, stdinIsTty: Boolean(process.stdin.isTTY), stdoutIsTty: Boolean(process.stdout.isTTY), env: process.env},
): Promise<number> {
	const flags = globalFlags(argv);
	// The glyphs are chosen once, here, for whatever the command prints (the wizard included).
	const glyphs: Glyphs = chooseGlyphs(given.env, flags.ascii);
	const io: Io = glyphs.ascii ? {...given, out: text => given.out(toAscii(text)), err: text => given.err(toAscii(text))} : given;
	try {
		const command = parseCommandLine(argv);
		switch (command.kind) {
			case 'help':
				io.out(HELP);
				return EXIT.ok;
			case 'version':
				io.out(`${describeBuild()}\n`);
				return EXIT.ok;
			case 'lab-create': {
				const {labCreateCommand} = await import('./lab-commands.js');
				return await labCreateCommand(command.dir, command.options, io);
			}
			case 'lab-status': {
				const {labStatusCommand} = await import('./lab-commands.js');
				return await labStatusCommand(command.dir, command.json, glyphs, io);
			}
			case 'lab-reachability': {
				const {labReachabilityCommand} = await import('./lab-commands.js');
				return await labReachabilityCommand(command.dir, command.server, command.online, io);
			}
			case 'lab-sync': {
				const {labSyncCommand} = await import('./lab-commands.js');
				return await labSyncCommand(command.dir, command.json, glyphs, io, command.full);
			}
			case 'lab-dsmpack': {
				const {dsmpackRepair} = await import('../lab/dsmpack.js');
				io.out(`${(await dsmpackRepair(command.dir)).join('\n')}\n`);
				return 0;
			}
			case 'lab-fault': {
				const {labFaultCommand} = await import('./lab-commands.js');
				return await labFaultCommand(command.dir, command.fault, io);
			}
			case 'check': {
				const {checkCommand} = await import('./check-command.js');
				return await checkCommand(command.dir, {json: command.json, nt: command.nt, progress: process.stderr.isTTY}, glyphs, io);
			}
			case 'wizard':
				return await wizard({...command.options, ascii: glyphs.ascii}, io);
		}
	} catch (error) {
		if (error instanceof UsageError || error instanceof LabError) {
			// With --json, a script reads standard output: the refusal is a JSON line there too.
			if (flags.json) io.out(jsonLine('usage-error', {message: error.message, ...(error.hint ? {hint: error.hint} : {})}));
			printError(io, error.message, error.hint);
			return error.exitCode;
		}
		if (flags.json) {
			io.out(jsonLine('fatal', {message: (error as Error)?.message ?? String(error)}));
			printError(io, (error as Error)?.message ?? String(error), 'this is a fault of dsmn-resync: a journal, if any, still lets you --resume');
			return EXIT.failed;
		}
		throw error;
	}
}

async function wizard(options: WizardOptions, io: Io): Promise<number> {
	const missing = missingAnswers(options);
	if (!io.stdinIsTty || !io.stdoutIsTty) {
		if (missing.length > 0) {
			throw new UsageError(
				`no terminal to ask in, and these answers are missing: ${missing.join(', ')}`,
				'give them as flags for a scripted run, or run in a terminal for the wizard',
			);
		}
		const {runScripted} = await import('../scripted/run-scripted.js');
		return runScripted(options, io);
	}
	const {runWizard} = await import('../ui/run-wizard.js');
	return runWizard(options);
}

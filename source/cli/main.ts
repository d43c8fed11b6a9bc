/**
 * The program: argv → a command → its exit code. Everything but the wizard runs without loading
 * Ink or React; the wizard's UI is imported only when it is about to be drawn.
 */
import {safeText} from '../text/sanitize.js';
import {describeBuild} from '../build-info.js';
import {EXIT} from '../errors/exit-codes.js';
import type {Io} from '../app/io.js';
import type {WizardOptions} from '../app/options.js';
import {scriptedAnswers} from '../app/scripted-answers.js';
import {HintedError, UsageError} from '../errors/hinted-error.js';
import {chooseGlyphs, type Glyphs} from '../text/glyphs.js';
import {jsonLine} from '../app/json-line.js';
import {launcherOf} from '../wizard/start-again.js';
import {globalFlags} from './global-flags.js';
import {inGlyphs, printError, processOutput} from './output.js';
import {parseCommandLine} from './parse-args.js';
import {reportHinted} from './report-hinted.js';

export async function main(
	argv: string[],
	given: Io = {
		...processOutput,
		stdinIsTty: Boolean(process.stdin.isTTY),
		stdoutIsTty: Boolean(process.stdout.isTTY),
		env: process.env,
		script: process.argv[1],
		stdout: process.stdout,
	},
): Promise<number> {
	const flags = globalFlags(argv);
	// The glyphs are chosen once, here, for whatever the command prints (the wizard included).
	const glyphs: Glyphs = chooseGlyphs(given.env, flags.ascii);
	const io: Io = inGlyphs(given, glyphs);
	let commandKind = 'unknown';
	try {
		const command = parseCommandLine(argv);
		commandKind = command.kind;
		switch (command.kind) {
			case 'help': {
				const {HELP} = await import('./help.js');
				io.out(HELP);
				return EXIT.ok;
			}
			case 'version':
				io.out(`${describeBuild()}\n`);
				return EXIT.ok;
			case 'lab-create': {
				const {labCreateCommand} = await import('./lab-commands.js');
				// The commands it names, as they work from where the admin is: the script and environment of the Io.
				return await labCreateCommand(command.dir, command.options, io, undefined, launcherOf(io.script, io.env));
			}
			case 'lab-status': {
				const {labStatusCommand} = await import('./lab-commands.js');
				return await labStatusCommand(command.dir, command.json, glyphs, io);
			}
			case 'lab-reachability': {
				const {labReachabilityCommand} = await import('./lab-commands.js');
				return await labReachabilityCommand(command.dir, command.server, command.online, io);
			}
			case 'lab-allow4x': {
				const {labAllow4xCommand} = await import('./lab-commands.js');
				return await labAllow4xCommand(command.dir, io);
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
			case 'lab-dsmdump': {
				const {labDsmdump} = await import('../lab/dsm-tools.js');
				io.out(`${(await labDsmdump(command.dir)).map(l => safeText(l)).join('\n')}\n`);
				return 0;
			}
			case 'lab-dsmchk': {
				const {labDsmchk} = await import('../lab/dsm-tools.js');
				const result = await labDsmchk(command.dir, command.domain, command.user, command.server);
				io.out(`${result.lines.map(l => safeText(l)).join('\n')}\n`);
				return result.exitCode;
			}
			case 'lab-command': {
				// What the wizard's lab target runs, in the same process (ARCHITECTURE.md, "The lab").
				const {answerStandIn} = await import('../lab/stand-in-command.js');
				const output = await answerStandIn(command.program, command.dir, command.args);
				io.out(safeText(output.stdout));
				io.err(safeText(output.stderr));
				return output.exitCode;
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
				return await wizard(command.options, io, glyphs);
		}
	} catch (error) {
		return await reportError(error, flags.json, io, commandKind);
	}
}

/**
 * The one place an error ends a command (ARCHITECTURE.md, "Errors and exit codes"). A `HintedError` is an
 * expected failure: its message, what to do next, and its exit code. Anything else is a defect: one line
 * that says so, and its stack in a file of the state folder whose path that line gives.
 */
async function reportError(error: unknown, json: boolean, io: Io, command: string): Promise<number> {
	if (error instanceof HintedError) return reportHinted(error, json, io);
	const {defectDetails, defectMessage, writeDefectReport} = await import('./defect-report.js');
	const report = await writeDefectReport(error, {build: describeBuild(), command, env: io.env});
	const message = defectMessage(error);
	const where =
		'path' in report ? `the details are in ${report.path}: please send that file with your report` : `its details could not be saved (${report.unwritten})`;
	if (json) io.out(jsonLine('fatal', {message, ...('path' in report ? {report: report.path} : {})}));
	printError(io, `a defect of dsmn-resync stopped it: ${message}`, `${where}. A journal, if any, still lets you --resume or --rollback.`);
	if (io.env['DSMN_RESYNC_DEBUG'] || !('path' in report)) io.err(`${defectDetails(error)}\n`);
	return EXIT.failed;
}

async function wizard(options: WizardOptions, io: Io, glyphs: Glyphs): Promise<number> {
	if (!io.stdinIsTty || !io.stdoutIsTty) {
		const {run, missing} = scriptedAnswers(options);
		if (!run) {
			throw new UsageError(
				`no terminal to ask in, and these answers are missing: ${missing.join(', ')}`,
				'give them as flags for a scripted run, or run in a terminal for the wizard',
			);
		}
		const {runScripted} = await import('../scripted/run-scripted.js');
		return runScripted(options, run, io, glyphs);
	}
	const {runWizard} = await import('../ui/run-wizard.js');
	return runWizard(options, io, glyphs);
}

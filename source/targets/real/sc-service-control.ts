import type {ControlOptions, ServiceControl, ServiceControlResult, ServiceQuery} from '../capabilities.js';
import {parseScQuery, unrecognised, type CommandOutput} from '../../services/parse-service-output.js';
import {runCommand, type CommandSpec} from '../run-command.js';
import {explainWin32} from '../../services/service-messages.js';

/** sc.exe's start and stop only ask: they answer at once (STATE … PENDING); the caller polls. */
function parseScControl(output: CommandOutput): ServiceControlResult {
	const failed = /FAILED (\d+)/i.exec(`${output.stdout}\n${output.stderr}`);
	if (failed) return {ok: false, error: explainWin32(Number(failed[1]))};
	return output.exitCode === 0 ? {ok: true} : {ok: false, error: unrecognised('sc.exe', output)};
}

/** `sc \\HOST query|start|stop MSSYNC`: a remote NT server, from Windows. */
export class ScServiceControl implements ServiceControl {
	constructor(
		private readonly sc: CommandSpec,
		private readonly host: string,
		readonly serviceName = 'MSSYNC',
		/** How long one command may run (DSMN_RESYNC_SERVICE_TIMEOUT). */
		private readonly timeoutMs = 60_000,
	) {}

	private args(verb: string): string[] {
		return [`\\\\${this.host}`, verb, this.serviceName];
	}

	describe(verb: 'stop' | 'start' | 'query'): string {
		return `sc \\\\${this.host} ${verb} ${this.serviceName}`;
	}

	async query(options: ControlOptions = {}): Promise<ServiceQuery> {
		return parseScQuery(await runCommand(this.sc, this.args('query'), {...options, timeoutMs: this.timeoutMs}));
	}

	async stop(options: ControlOptions = {}): Promise<ServiceControlResult> {
		const result = parseScControl(await runCommand(this.sc, this.args('stop'), {...options, timeoutMs: this.timeoutMs}));
		return !result.ok && result.error.code === 1062 ? {ok: false, error: {...result.error, code: 3521}} : result;
	}

	async start(options: ControlOptions = {}): Promise<ServiceControlResult> {
		const result = parseScControl(await runCommand(this.sc, this.args('start'), {...options, timeoutMs: this.timeoutMs}));
		return !result.ok && result.error.code === 1056 ? {ok: false, error: {...result.error, code: 2182}} : result;
	}
}

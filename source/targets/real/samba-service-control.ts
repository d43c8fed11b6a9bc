import type {ControlOptions, ServiceControl, ServiceControlResult, ServiceQuery} from '../capabilities.js';
import {CommandNotFoundError, runCommand, type CommandSpec} from '../run-command.js';
import {connectionArgs, type SambaConnection} from './samba-connection.js';
import {parseSambaControl, parseSambaStatus, type SambaContext, type SambaVerb} from './samba-output.js';

/**
 * `net rpc service status|start|stop NAME -S HOST -A AUTHFILE`, Samba's client, from Linux or macOS.
 * The password stays in the authentication file; NT 4.0 needs SMB1 (NT1), allowed for these calls only.
 * Each call is bounded by the service timeout (DSMN_RESYNC_SERVICE_TIMEOUT): a server that never answers
 * is a failure with a reason, not a wait without end.
 */
export class SambaServiceControl implements ServiceControl {
	constructor(
		private readonly net: CommandSpec,
		private readonly connection: SambaConnection,
		readonly serviceName = 'MSSYNC',
		private readonly timeoutMs = 90_000,
	) {}

	/** net's words for a stopped service, as its status prints them. */
	get stoppedWords(): string {
		return `"${this.serviceName} service is stopped"`;
	}

	/** A net call of this run has succeeded (the client settings work). */
	private answered = false;

	private get context(): SambaContext {
		return {service: this.serviceName, host: this.connection.host, account: this.connection.account, answeredBefore: this.answered};
	}

	private args(verb: SambaVerb): string[] {
		return ['rpc', 'service', verb, this.serviceName, '-S', this.connection.host, ...connectionArgs(this.connection)];
	}

	describe(verb: 'stop' | 'start' | 'query'): string {
		return `net rpc service ${verb === 'query' ? 'status' : verb} ${this.serviceName} -S ${this.connection.host}`;
	}

	private async run(verb: SambaVerb, options: ControlOptions) {
		try {
			const output = await runCommand(this.net, this.args(verb), {...options, timeoutMs: this.timeoutMs});
			if (output.exitCode === 0) this.answered = true;
			return output;
		} catch (error) {
			if (error instanceof CommandNotFoundError && error.timedOut) {
				const seconds = Math.round(this.timeoutMs / 1000);
				return {
					ok: false as const,
					error: {
						code: 1053,
						meaning: `net did not finish within ${seconds} s: ${this.connection.host} did not answer in time`,
						advice: `check that ${this.connection.host} is on and reachable; on a slow link set DSMN_RESYNC_SERVICE_TIMEOUT to more seconds than ${seconds}`,
					},
				};
			}
			throw error;
		}
	}

	async query(options: ControlOptions = {}): Promise<ServiceQuery> {
		const output = await this.run('status', options);
		return 'exitCode' in output ? parseSambaStatus(output, this.context) : output;
	}

	async stop(options: ControlOptions = {}): Promise<ServiceControlResult> {
		const output = await this.run('stop', options);
		return 'exitCode' in output ? parseSambaControl('stop', output, this.context) : output;
	}

	async start(options: ControlOptions = {}): Promise<ServiceControlResult> {
		const output = await this.run('start', options);
		return 'exitCode' in output ? parseSambaControl('start', output, this.context) : output;
	}
}

import type {ControlOptions, ServiceControl, ServiceControlResult, ServiceQuery} from './capabilities.js';
import {parseNetOutput, parseScQuery} from '../services/parse-service-output.js';
import {runCommand, type Command} from './run-command.js';

/** Service control through `net start|stop NAME` and `sc query NAME`, as on a Windows NT server. */
export class NetScServiceControl implements ServiceControl {
	constructor(
		private readonly net: Command,
		private readonly sc: Command,
		readonly serviceName = 'MSSYNC',
		/** How long one command may run (DSMN_RESYNC_SERVICE_TIMEOUT). */
		private readonly timeoutMs = 120_000,
		/** What ends a stop that hangs here, where it is not Control Panel (the practice lab's fault). */
		readonly stuck?: string,
	) {}

	describe(verb: 'stop' | 'start' | 'query'): string {
		return verb === 'query' ? `sc query ${this.serviceName}` : `net ${verb} ${this.serviceName}`;
	}

	async query(options: ControlOptions = {}): Promise<ServiceQuery> {
		return parseScQuery(await runCommand(this.sc, ['query', this.serviceName], {...options, timeoutMs: Math.min(30_000, this.timeoutMs)}));
	}

	async stop(options: ControlOptions = {}): Promise<ServiceControlResult> {
		return parseNetOutput(await runCommand(this.net, ['stop', this.serviceName], {...options, timeoutMs: this.timeoutMs}));
	}

	async start(options: ControlOptions = {}): Promise<ServiceControlResult> {
		return parseNetOutput(await runCommand(this.net, ['start', this.serviceName], {...options, timeoutMs: this.timeoutMs}));
	}
}

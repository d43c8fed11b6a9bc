import type {ControlOptions, ServiceControl, ServiceControlResult, ServiceQuery} from '../capabilities.js';
import {parseSambaStatus, type CommandOutput} from '../parse-service-output.js';
import {runCommand, type CommandSpec} from '../run-command.js';

/** Samba's words for what went wrong, with the fix an NT 4.0 server usually needs. */
function explainSamba(output: CommandOutput): ServiceControlResult {
	const text = `${output.stdout}\n${output.stderr}`;
	const cases: [RegExp, number, string, string][] = [
		[/WERR_SERVICE_ALREADY_RUNNING/, 2182, 'the service is already running', 'nothing to do: it is running'],
		[/WERR_SERVICE_NOT_ACTIVE/, 3521, 'the service is not running', 'nothing to do: it is already stopped'],
		[/WERR_SERVICE_DOES_NOT_EXIST|WERR_NO_SUCH_SERVICE/, 1060, 'there is no service named MSSYNC on that server', 'check that DSMN is installed there: it runs only on the PDC'],
		[/NT_STATUS_ACCESS_DENIED|WERR_ACCESS_DENIED/, 5, 'the account in the credentials file may not control services there', 'use a domain administrator account'],
		[/NT_STATUS_LOGON_FAILURE/, 1326, 'the server refused the user name or password', 'check the credentials file; NT 4.0 needs NTLMv1 (see the README)'],
		[/NT_STATUS_CONNECTION_REFUSED|NT_STATUS_IO_TIMEOUT|NT_STATUS_HOST_UNREACHABLE|Connection to .* failed/, 53, 'the server did not answer', 'check the name and that the server is on; NT 4.0 speaks only SMB1: see the README'],
		[/NT_STATUS_INVALID_NETWORK_RESPONSE|protocol negotiation failed|NT_STATUS_NOT_SUPPORTED/, 50, 'the server and this client share no SMB dialect', 'NT 4.0 speaks only SMB1: allow it with "client min protocol = NT1" (see the README)'],
	];
	for (const [pattern, code, meaning, advice] of cases) if (pattern.test(text)) return {ok: false, error: {code, meaning, advice}};
	return output.exitCode === 0 ? {ok: true} : {ok: false, error: {code: output.exitCode, meaning: 'Samba\'s net failed', advice: 'read its output above'}};
}

/**
 * `net rpc service status|start|stop MSSYNC -S HOST -A AUTHFILE`, Samba's client, from Linux or macOS.
 * The password stays in the authentication file; NT 4.0 needs SMB1 (NT1), allowed for this call only.
 */
export class SambaServiceControl implements ServiceControl {
	constructor(
		private readonly net: CommandSpec,
		private readonly host: string,
		private readonly authFile: string,
		readonly serviceName = 'MSSYNC',
	) {}

	private args(verb: string): string[] {
		return ['rpc', 'service', verb, this.serviceName, '-S', this.host, '-A', this.authFile, '--option=client min protocol=NT1'];
	}

	describe(verb: 'stop' | 'start' | 'query'): string {
		return `net rpc service ${verb === 'query' ? 'status' : verb} ${this.serviceName} -S ${this.host}`;
	}

	async query(options: ControlOptions = {}): Promise<ServiceQuery> {
		const output = await runCommand(this.net, this.args('status'), {...options, timeoutMs: 60_000});
		const parsed = parseSambaStatus(output);
		if (parsed.ok) return parsed;
		const explained = explainSamba(output);
		return explained.ok ? parsed : explained;
	}

	async stop(options: ControlOptions = {}): Promise<ServiceControlResult> {
		return explainSamba(await runCommand(this.net, this.args('stop'), {...options, timeoutMs: 120_000}));
	}

	async start(options: ControlOptions = {}): Promise<ServiceControlResult> {
		return explainSamba(await runCommand(this.net, this.args('start'), {...options, timeoutMs: 120_000}));
	}
}

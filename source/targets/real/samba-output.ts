/**
 * What Samba's `net rpc service status|start|stop NAME` prints (as net 4.17 prints it), read into typed
 * results. Every failure keeps net's own words (sanitised) in `output`; words this tool does not know
 * are never guessed at: they are shown as they are, with net's exit code.
 */
import type {CommandOutput} from '../../services/parse-service-output.js';
import type {ServiceCommandError} from '../../services/service-messages.js';
import type {ServiceState} from '../../services/service-state.js';
import {safeText} from '../../text/sanitize.js';

export type SambaVerb = 'status' | 'start' | 'stop';
export type SambaStatus = {ok: true; state: ServiceState} | {ok: false; error: ServiceCommandError};
export type SambaControl = {ok: true} | {ok: false; error: ServiceCommandError};

/** Who is asking, for advice that fits: the service's name, the server, where the account came from. */
export type SambaContext = {
	service: string;
	host: string;
	/** The account was typed in the wizard, or read from --credentials-file (this path). */
	account: {typed: true} | {typed: false; file: string};
};

/** net's words for a state (svc_status_string), "resume pending" being SERVICE_CONTINUE_PENDING. */
const STATES: Record<string, ServiceState> = {
	stopped: 'STOPPED',
	'start pending': 'START_PENDING',
	'stop pending': 'STOP_PENDING',
	running: 'RUNNING',
	'resume pending': 'CONTINUE_PENDING',
	'pause pending': 'PAUSE_PENDING',
	paused: 'PAUSED',
};

const MAX_OUTPUT = 600;

/** net's output on one line, control characters shown as escapes, cut when very long. */
export function verbatim(output: CommandOutput): string {
	const text = `${output.stdout}\n${output.stderr}`
		.split(/\r?\n/)
		.map(line => line.trim())
		.filter(Boolean)
		.join(' / ');
	const safe = safeText(text);
	return safe.length > MAX_OUTPUT ? `${safe.slice(0, MAX_OUTPUT)}…` : safe;
}

function fail(output: CommandOutput, code: number, meaning: string, advice: string): {ok: false; error: ServiceCommandError} {
	return {ok: false, error: {code, meaning, advice, output: verbatim(output)}};
}

const NT1_ADVICE = 'NT 4.0 speaks only SMB1 with NTLMv1: see the README, "A remote NT server", for the Samba client settings';

function logonAdvice(context: SambaContext): string {
	return context.account.typed
		? `the password (or the user name or domain) typed may be wrong: go back (Esc) and type them again; ${NT1_ADVICE}`
		: `check the username, password and domain lines in ${context.account.file}; ${NT1_ADVICE}`;
}

/** A failure before any service was asked anything: the name, the connection, the account. */
function connectionFailure(output: CommandOutput, text: string, context: SambaContext): {ok: false; error: ServiceCommandError} | undefined {
	const domain = /Unable to find a suitable server for domain (\S+)/.exec(text);
	if (domain) {
		return fail(
			output,
			53,
			`the name ${context.host} did not resolve to an address (net then looked for a server of domain ${domain[1]} and found none)`,
			`check the name; or give the server's IPv4 address with --host, or add a line "ADDRESS ${context.host}" to Samba's lmhosts file (/etc/samba/lmhosts)`,
		);
	}
	if (/Unable to open credentials file|Failed to set parse authentication file/.test(text)) {
		return fail(
			output,
			2,
			'net could not read the authentication file',
			context.account.typed ? 'start again: the wizard writes that file itself' : `check that ${context.account.file} exists and is readable by you`,
		);
	}
	const status =
		/Connection failed: (NT_STATUS_\w+)/.exec(text)?.[1] ?? (/Could not connect to server/.test(text) ? /NT_STATUS_\w+/.exec(text)?.[0] : undefined);
	if (!status) return undefined;
	switch (status) {
		case 'NT_STATUS_LOGON_FAILURE':
		case 'NT_STATUS_WRONG_PASSWORD':
		case 'NT_STATUS_NO_SUCH_USER':
			return fail(output, 1326, `${context.host} refused the user name or password`, logonAdvice(context));
		case 'NT_STATUS_ACCOUNT_DISABLED':
		case 'NT_STATUS_ACCOUNT_LOCKED_OUT':
		case 'NT_STATUS_PASSWORD_EXPIRED':
		case 'NT_STATUS_PASSWORD_MUST_CHANGE':
			return fail(
				output,
				1326,
				`${context.host} refused the account (${status})`,
				'use another administrator account, or fix this one in User Manager for Domains',
			);
		case 'NT_STATUS_CONNECTION_REFUSED':
			return fail(
				output,
				53,
				`${context.host} refused the connection: nothing answers SMB there`,
				'check the name or address, that the server is on, and that its Server service runs',
			);
		case 'NT_STATUS_IO_TIMEOUT':
		case 'NT_STATUS_HOST_UNREACHABLE':
		case 'NT_STATUS_NETWORK_UNREACHABLE':
			return fail(
				output,
				53,
				`${context.host} did not answer (${status})`,
				'check the name or address, that the server is on, and that the network between you lets SMB through',
			);
		case 'NT_STATUS_CONNECTION_DISCONNECTED':
		case 'NT_STATUS_CONNECTION_RESET':
		case 'NT_STATUS_INVALID_NETWORK_RESPONSE':
		case 'NT_STATUS_INVALID_PARAMETER_MIX':
		case 'NT_STATUS_NOT_SUPPORTED':
			return fail(output, 50, `${context.host} dropped the connection while this client and it chose a dialect (${status})`, NT1_ADVICE);
		default:
			return undefined;
	}
}

/** `net rpc service status NAME`. */
export function parseSambaStatus(output: CommandOutput, context: SambaContext): SambaStatus {
	const text = `${output.stdout}\n${output.stderr}`;
	if (output.exitCode === 0) {
		const line = /service is (.+?)\.?\s*$/m.exec(output.stdout)?.[1]?.trim();
		const state = line === undefined ? undefined : STATES[line.toLowerCase()];
		if (state) return {ok: true, state};
		const unknown = /Unknown State \[(-?\d+)\]/.exec(text);
		if (unknown) {
			return fail(
				output,
				Number(unknown[1]),
				`${context.service} reported a state Windows does not define (${unknown[1]})`,
				`look at ${context.service} in Control Panel ▸ Services on ${context.host}; retry when it shows Started or Stopped`,
			);
		}
	}
	return explainFailure('status', output, context) ?? unknownOutput(output);
}

/** `net rpc service start|stop NAME`: success is exit code 0 (the caller then polls the state). */
export function parseSambaControl(verb: 'start' | 'stop', output: CommandOutput, context: SambaContext): SambaControl {
	if (output.exitCode === 0) return {ok: true};
	return explainFailure(verb, output, context) ?? unknownOutput(output);
}

function explainFailure(verb: SambaVerb, output: CommandOutput, context: SambaContext): {ok: false; error: ServiceCommandError} | undefined {
	const text = `${output.stdout}\n${output.stderr}`;
	const connection = connectionFailure(output, text, context);
	if (connection) return connection;
	// "Failed to open service.", "Query status request failed." (start prints it for every refusal to start), "Control service request failed."
	const request =
		/(Failed to open service|Query status request failed|Control service request failed|Failed to open Service Control Manager)\.\s+\[(WERR_\w+)\]/.exec(text);
	if (!request) return undefined;
	const [, what, werr] = request as unknown as [string, string, string];
	const {service, host} = context;
	switch (werr) {
		case 'WERR_SERVICE_ALREADY_RUNNING':
			return fail(output, 2182, 'the service is already running', 'nothing to do: it is running');
		case 'WERR_SERVICE_NOT_ACTIVE':
			return fail(output, 3521, 'the service is not running', 'nothing to do: it is already stopped');
		case 'WERR_SERVICE_DOES_NOT_EXIST':
		case 'WERR_NO_SUCH_SERVICE':
			return fail(output, 1060, `there is no service named ${service} on ${host}`, 'check that DSMN is installed there: it runs only on the PDC');
		case 'WERR_SERVICE_DISABLED':
			return fail(output, 1058, `${service} is disabled on ${host}`, `set its startup to Automatic in Control Panel ▸ Services on ${host}, then retry`);
		case 'WERR_SERVICE_CANNOT_ACCEPT_CTRL':
			return fail(output, 1061, 'the service is in the middle of starting or stopping', 'wait a few seconds and try again');
		case 'WERR_SERVICE_REQUEST_TIMEOUT':
			return fail(
				output,
				1053,
				`${service} did not answer ${host}'s service manager in time`,
				`look at ${service} in Control Panel ▸ Services on ${host}, and in its Event Viewer`,
			);
		case 'WERR_ACCESS_DENIED':
			if (what === 'Failed to open service' || what === 'Failed to open Service Control Manager') {
				return fail(
					output,
					5,
					verb === 'status' ? `the account may not query ${service} on ${host}` : `the account may not ${verb} ${service} on ${host}`,
					`use an account of the Administrators group of ${host}'s domain`,
				);
			}
			if (verb === 'start') {
				// The account opened the service with the right to start it: the refusal is the start's own, and net gives no reason.
				return fail(
					output,
					5,
					`${host} refused to start ${service} and gave no reason but "access denied" (the account was allowed to open ${service} for starting)`,
					`start ${service} on ${host} itself (Control Panel ▸ Services) to see its own message, and look in its Event Viewer; then retry, or roll back`,
				);
			}
			return fail(
				output,
				5,
				verb === 'stop'
					? `${host} refused to stop ${service} ("access denied"; the account was allowed to open ${service} for stopping)`
					: `${host} refused to report ${service}'s state ("access denied")`,
				`look at ${service} in Control Panel ▸ Services on ${host}, and in its Event Viewer; the account needs to be in the Administrators group of ${host}'s domain`,
			);
		default:
			return undefined;
	}
}

function unknownOutput(output: CommandOutput): {ok: false; error: ServiceCommandError} {
	return fail(
		output,
		output.exitCode,
		`Samba's net ${output.exitCode === 0 ? 'printed no service state' : `failed (exit code ${output.exitCode})`} with words this tool does not know`,
		'read what it printed, shown here; fix that, then retry',
	);
}

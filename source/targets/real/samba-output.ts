/**
 * What Samba's `net rpc service status|start|stop NAME` prints (as net 4.17 prints it), read into typed
 * results. Every failure keeps net's own words (sanitised) in `output`; words this tool does not know
 * are never guessed at: they are shown as they are, with net's exit code.
 */
import type {CommandOutput} from '../../services/parse-service-output.js';
import type {ServiceCommandError} from '../../services/service-messages.js';
import type {ServiceState} from '../../services/service-state.js';
import {safeText} from '../../text/sanitize.js';
import {adviceOf, meaningOf, type AccountSource, type AdviceContext, type Cause} from '../../advice/causes.js';
import {causeOfConnectStatus, causeOfWerr} from '../../advice/parse-cause.js';

export type SambaVerb = 'status' | 'start' | 'stop';
export type SambaStatus = {ok: true; state: ServiceState} | {ok: false; error: ServiceCommandError};
export type SambaControl = {ok: true} | {ok: false; error: ServiceCommandError};

/** Who is asking, for advice that fits: the service's name, the server, where the account came from. */
export type SambaContext = {
	service: string;
	host: string;
	/** The account was typed in the wizard, or read from --credentials-file (this path). */
	account: AccountSource;
	/** A call of this run already succeeded with the same settings: a disconnect while connecting is a lost connection. */
	answeredBefore?: boolean;
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

function fail(output: CommandOutput, code: number, meaning: string, advice: string, numbered = true): {ok: false; error: ServiceCommandError} {
	return {ok: false, error: {code, meaning, advice, output: verbatim(output), ...(numbered ? {} : {unnumbered: true as const})}};
}

/** A failure explained by the one table of causes (advice/causes.ts), worded for this server, service and account. */
function failWith(output: CommandOutput, code: number, cause: Cause, context: AdviceContext, detail = ''): {ok: false; error: ServiceCommandError} {
	return fail(output, code, `${meaningOf(cause, context)}${detail}`, adviceOf(cause, context));
}

/** The Win32 number each connection cause stands for (what sc.exe would have said). */
const CONNECT_CODES: Partial<Record<Cause, number>> = {
	'logon-failure': 1326,
	'logon-changed': 1326,
	'account-refused': 1326,
	'dialect-refused': 50,
	'share-denied': 5,
	// ERROR_NETNAME_DELETED: the specified network name is no longer available.
	'connection-lost': 64,
};

/** A failure before any service was asked anything: the name, the connection, the account. */
function connectionFailure(output: CommandOutput, text: string, context: SambaContext): {ok: false; error: ServiceCommandError} | undefined {
	const domain = /Unable to find a suitable server for domain (\S+)/.exec(text);
	if (domain) return failWith(output, 53, 'name-not-found', context, ` (net then looked for a server of domain ${domain[1]} and found none)`);
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
	const first = causeOfConnectStatus(status);
	const cause =
		first === 'dialect-refused' && context.answeredBefore && /CONNECTION|NETWORK/.test(status)
			? 'connection-lost'
			: first === 'logon-failure' && context.answeredBefore
				? 'logon-changed'
				: first;
	if (
		!cause ||
		!['logon-failure', 'logon-changed', 'account-refused', 'connection-refused', 'timed-out', 'unreachable', 'dialect-refused', 'connection-lost'].includes(
			cause,
		)
	)
		return undefined;
	return failWith(output, CONNECT_CODES[cause] ?? 53, cause, context, cause === 'logon-failure' || cause === 'logon-changed' ? '' : ` (${status})`);
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
	const cause = causeOfWerr(werr, what, verb);
	return cause ? failWith(output, WERR_CODES[werr] ?? 5, cause, {...context, verb}) : undefined;
}

/** The NET HELPMSG or Win32 number each WERR_ stands for (what net.exe or sc.exe would have said). */
const WERR_CODES: Record<string, number> = {
	WERR_SERVICE_ALREADY_RUNNING: 2182,
	WERR_SERVICE_NOT_ACTIVE: 3521,
	WERR_SERVICE_DOES_NOT_EXIST: 1060,
	WERR_NO_SUCH_SERVICE: 1060,
	WERR_SERVICE_DISABLED: 1058,
	WERR_SERVICE_CANNOT_ACCEPT_CTRL: 1061,
	WERR_SERVICE_REQUEST_TIMEOUT: 1053,
	WERR_ACCESS_DENIED: 5,
};

function unknownOutput(output: CommandOutput): {ok: false; error: ServiceCommandError} {
	return fail(
		output,
		output.exitCode,
		`Samba's net ${output.exitCode === 0 ? 'printed no service state' : `failed (exit code ${output.exitCode})`} with words this tool does not know`,
		'read what it printed, shown here; fix that, then retry',
		false, // the code is net's exit code, not an error number
	);
}

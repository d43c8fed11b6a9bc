/**
 * What net.exe and sc.exe print for each of their error numbers, and the failure a number is for the
 * admin: its meaning and advice come from the one table of causes (advice/causes.ts). The stand-in
 * programs of the practice lab print with these texts; the parsers read them back.
 */
import {adviceOf, meaningOf, type Cause} from '../advice/causes.js';
import {causeOfNet, causeOfWin32} from '../advice/parse-cause.js';

export type ServiceCommandError = {
	/** The NET HELPMSG number, the Win32 error number of sc.exe, or a "System error n". */
	code: number;
	/** What happened, in plain words. */
	meaning: string;
	/** What to do about it. */
	advice: string;
	/** The command's own words (sanitised, on one line), shown with every failure it explains. */
	output?: string;
	/** The program printed no error number: `code` is only its exit code. */
	unnumbered?: true;
};

/** A failure as the admin reads it: its meaning, and the command's own words when there are any. */
export function serviceFailure(error: ServiceCommandError): string {
	return error.output ? `${error.meaning} (it said: "${error.output}")` : error.meaning;
}

/** " (error 1060)", " (NET HELPMSG 3534)": the number a failure was explained from; nothing when the program printed none. */
export function errorNumber(error: ServiceCommandError, label = 'error'): string {
	return error.unnumbered ? '' : ` (${label} ${error.code})`;
}

/** The text net.exe or sc.exe prints for a number (what the lab's stand-ins print); what it means is the table's (advice/causes.ts). */
type Printed = {message: string};

const NET_HELPMSG: Record<number, Printed> = {
	2182: {message: 'The requested service has already been started.'},
	2184: {message: 'The service has not been started.'},
	2185: {message: 'The service name is invalid.'},
	2186: {message: 'The service is not responding to the control function.'},
	2189: {message: 'The service could not be controlled in its present state.'},
	2191: {message: 'The requested pause, continue, or stop is not valid for this service.'},
	3521: {message: 'The {name} service is not started.'},
	3523: {message: 'The {name} service could not be started.'},
	3528: {message: 'The {name} service could not be stopped.'},
	3534: {message: 'The service did not report an error.'},
	3547: {message: 'A service specific error occurred: {detail}.'},
};

export const WIN32_ERRORS: Record<number, Printed> = {
	5: {message: 'Access is denied.'},
	53: {message: 'The network path was not found.'},
	1052: {message: 'The requested control is not valid for this service.'},
	1056: {message: 'An instance of the service is already running.'},
	1060: {message: 'The specified service does not exist as an installed service.'},
	1061: {message: 'The service cannot accept control messages at this time.'},
	1062: {message: 'The service has not been started.'},
	1067: {message: 'The process terminated unexpectedly.'},
	1068: {message: 'The dependency service or group failed to start.'},
	1075: {message: 'The dependency service does not exist or has been marked for deletion.'},
	1722: {message: 'The RPC server is unavailable.'},
};

export function netHelpText(code: number, serviceDisplayName: string): string {
	return (NET_HELPMSG[code]?.message ?? `Error ${code}.`).replace('{name}', serviceDisplayName).replace('{detail}', String(code));
}

/** A failure with a number from the one table of causes: its meaning and advice, or, for a number it does not know, how to look it up. */
function explained(code: number, cause: Cause | undefined, program: string): ServiceCommandError {
	return cause
		? {code, meaning: meaningOf(cause), advice: adviceOf(cause)}
		: {code, meaning: `${program} reported error ${code}`, advice: `run "net helpmsg ${code}" on the server for its text`};
}

/** A number net.exe printed: NET HELPMSG n, or System error n. */
export function explainNet(code: number): ServiceCommandError {
	return explained(code, causeOfNet(code), 'net.exe');
}

/** A Win32 error number (sc.exe's FAILED n). */
export function explainWin32(code: number): ServiceCommandError {
	return explained(code, causeOfWin32(code), 'Windows');
}

/**
 * What net.exe and sc.exe print, and what each of their error numbers means for the admin.
 * The stand-in programs of the practice lab print with these; the parsers read them back.
 */
export type ServiceCommandError = {
	/** The NET HELPMSG number, the Win32 error number of sc.exe, or a "System error n". */
	code: number;
	/** What happened, in plain words. */
	meaning: string;
	/** What to do about it. */
	advice: string;
	/** The command's own words (sanitised, on one line), shown with every failure it explains. */
	output?: string;
};

/** A failure as the admin reads it: its meaning, and the command's own words when there are any. */
export function serviceFailure(error: ServiceCommandError): string {
	return error.output ? `${error.meaning} (it said: "${error.output}")` : error.meaning;
}

type Explanation = {message: string; meaning: string; advice: string};

const NET_HELPMSG: Record<number, Explanation> = {
	2182: {message: 'The requested service has already been started.', meaning: 'the service is already running', advice: 'nothing to do: it is running'},
	2184: {
		message: 'The service has not been started.',
		meaning: 'NET says the service has not been started; NET HELPMSG 2184 after a stop can come from a stop that succeeded (KB Q171882)',
		advice: 'query the state (sc query MSSYNC) before anything else: STOPPED means the stop worked',
	},
	2185: {
		message: 'The service name is invalid.',
		meaning: 'there is no service named MSSYNC on that machine',
		advice: 'check that DSMN is installed on this server: it runs only on the PDC of the domain',
	},
	2186: {
		message: 'The service is not responding to the control function.',
		meaning: 'the service did not answer the start or stop in time',
		advice: 'query its state (sc query MSSYNC): it may still finish; if it stays pending, use Control Panel ▸ Services or restart the server',
	},
	2189: {
		message: 'The service could not be controlled in its present state.',
		meaning: 'the service is in the middle of starting or stopping',
		advice: 'wait a few seconds and try again',
	},
	2191: {
		message: 'The requested pause, continue, or stop is not valid for this service.',
		meaning: 'the service refused to stop',
		advice: 'wait a minute and try again; if it still refuses, stop it from Control Panel ▸ Services, then run again',
	},
	3521: {message: 'The {name} service is not started.', meaning: 'the service is not running', advice: 'nothing to do: it is already stopped'},
	3523: {
		message: 'The {name} service could not be started.',
		meaning: 'Windows could not start the service',
		advice: "look in Event Viewer's System and Application logs for MSSYNC's reason",
	},
	3528: {
		message: 'The {name} service could not be stopped.',
		meaning: 'Windows could not stop the service',
		advice: 'wait a minute and try again; if it still runs, stop it from Control Panel ▸ Services',
	},
	3534: {
		message: 'The service did not report an error.',
		meaning: 'the service started and then stopped at once',
		advice: "this usually means JET refused the database: look in Event Viewer's Application log for the Jet error, and check the files in SYNCAGNT",
	},
	3547: {
		message: 'A service specific error occurred: {detail}.',
		meaning: 'the service reported an error of its own',
		advice: "look in Event Viewer's Application log for MSSYNC's reason",
	},
};

export const WIN32_ERRORS: Record<number, Explanation> = {
	5: {
		message: 'Access is denied.',
		meaning: 'this account may not control services there',
		advice: 'run as a member of the Administrators (or Server Operators) group of the domain',
	},
	53: {
		message: 'The network path was not found.',
		meaning: 'the server did not answer by that name',
		advice: 'check the name, that the server is on, and that SMB1 is allowed (see the README)',
	},
	1052: {
		message: 'The requested control is not valid for this service.',
		meaning: 'the service refused to stop',
		advice: 'wait a minute and try again; if it still refuses, stop it from Control Panel ▸ Services, then run again',
	},
	1056: {message: 'An instance of the service is already running.', meaning: 'the service is already running', advice: 'nothing to do: it is running'},
	1060: {
		message: 'The specified service does not exist as an installed service.',
		meaning: 'there is no service named MSSYNC on that machine',
		advice: 'check that DSMN is installed on this server: it runs only on the PDC of the domain',
	},
	1061: {
		message: 'The service cannot accept control messages at this time.',
		meaning: 'the service is in the middle of starting or stopping',
		advice: 'wait a few seconds and try again',
	},
	1062: {message: 'The service has not been started.', meaning: 'the service is not running', advice: 'nothing to do: it is already stopped'},
	1067: {
		message: 'The process terminated unexpectedly.',
		meaning: 'the service started and then stopped at once',
		advice: "look in the Event Viewer's Application log for MSSYNC's reason (a Jet error means the database or its logs); retry, or roll back",
	},
	1068: {
		message: 'The dependency service or group failed to start.',
		meaning: 'a service MSSYNC depends on did not start: MSSYNC depends on NwcWorkstation, Gateway Service for NetWare (KB Q154706)',
		advice:
			"start Gateway Service for NetWare first (net start NwcWorkstation, or Control Panel ▸ Services), read its own error in Event Viewer's System log if it fails, then start MSSYNC again",
	},
	1075: {
		message: 'The dependency service does not exist or has been marked for deletion.',
		meaning: 'NwcWorkstation, the Gateway Service for NetWare that MSSYNC depends on, is not installed: it was removed while DSMN was installed (KB Q154706)',
		advice: 'install Gateway Service for NetWare again (Control Panel ▸ Network ▸ Services), restart the server, then start MSSYNC',
	},
	1722: {
		message: 'The RPC server is unavailable.',
		meaning: 'the server did not answer',
		advice: 'check the name, that the server is on, and that the network between you works',
	},
};

export function netHelpText(code: number, serviceDisplayName: string): string {
	return (NET_HELPMSG[code]?.message ?? `Error ${code}.`).replace('{name}', serviceDisplayName).replace('{detail}', String(code));
}

export function explainNet(code: number): ServiceCommandError {
	const known = NET_HELPMSG[code] ?? WIN32_ERRORS[code];
	return known
		? {code, meaning: known.meaning, advice: known.advice}
		: {code, meaning: `net.exe reported error ${code}`, advice: `run "net helpmsg ${code}" on the server for its text`};
}

export function explainWin32(code: number): ServiceCommandError {
	const known = WIN32_ERRORS[code];
	return known
		? {code, meaning: known.meaning, advice: known.advice}
		: {code, meaning: `Windows reported error ${code}`, advice: `run "net helpmsg ${code}" on the server for its text`};
}

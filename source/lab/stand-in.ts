/**
 * The practice lab's stand-ins for net.exe and sc.exe. They speak the documented output formats
 * (ARCHITECTURE.md, "The lab") against the lab's state, so the code that drives and parses the real programs
 * is the code that runs in the lab.
 */
import {setTimeout as sleep} from 'node:timers/promises';
import {netHelpText, WIN32_ERRORS} from '../services/service-messages.js';
import {SERVICE_STATE_CODES} from '../services/service-state.js';
import {afterStart} from './change-log.js';
import {crashStartError} from './dsmpack.js';
import {adoptBackupAtStart} from './new-pdc.js';
import {jetStartError, SERVICE_DISPLAY_NAME, SERVICE_NAME, settle} from './service.js';
import {labPaths, loadLab, saveLab, type LabService, type LabState} from './state.js';

export type StandInOutput = {exitCode: number; stdout: string; stderr: string};

type Io = {now: () => number; sleep: (ms: number) => Promise<void>};

/** The clock and the waits of a stand-in run for a caller: its waits end (rejected) when the signal aborts. */
export function labIo(signal?: AbortSignal): Io {
	return {now: () => Date.now(), sleep: ms => sleep(ms, undefined, signal ? {signal} : {})};
}
const realIo = labIo();

function netError(code: number, prefix = ''): StandInOutput {
	return {exitCode: 2, stdout: '', stderr: `${prefix}${netHelpText(code, SERVICE_DISPLAY_NAME)}\n\nMore help is available by typing NET HELPMSG ${code}.\n\n`};
}

async function current(dir: string, io: Io): Promise<{state: LabState; service: LabService}> {
	const state = await loadLab(dir);
	return {state, service: settle(state.service, io.now())};
}

async function waitSettled(dir: string, io: Io): Promise<LabService> {
	for (;;) {
		const {service} = await current(dir, io);
		if (service.pendingUntil === undefined) return service;
		await io.sleep(Math.min(250, Math.max(10, service.pendingUntil - io.now())));
	}
}

/** What the lab's fault switch makes JET say when MSSYNC starts, as the event log would. */
export const FAULT_START_ERROR = '-1206 JET_errDatabaseCorrupted: JET refused MSSYNC.MDB at start (lab fault start-refused)';

/** Why MSSYNC would stop at once if started now: the staged fault, else what JET finds in SYNCAGNT. */
async function startRefusal(dir: string, state: LabState): Promise<string | undefined> {
	if (state.fault === 'start-refused') return FAULT_START_ERROR;
	return (await crashStartError(dir, state)) ?? jetStartError(labPaths(dir).syncagnt);
}

/** A service in the middle of a transition, a hung one included (STOP_PENDING with no end). */
function pending(service: LabService): boolean {
	return service.pendingUntil !== undefined || service.state === 'STOP_PENDING' || service.state === 'START_PENDING';
}

const SYSTEM_ERROR_5 = 'System error 5 has occurred.\n\nAccess is denied.\n\n';
const SYSTEM_ERROR_1068 = `System error 1068 has occurred.\n\n${WIN32_ERRORS[1068]!.message}\n\n`;

/** The service MSSYNC depends on: Gateway Service for NetWare. */
export const GATEWAY_SERVICE = 'NwcWorkstation';
const GATEWAY_DISPLAY_NAME = 'Gateway Service for NetWare';

/** `net start|stop NwcWorkstation`: its state is the fault gateway-stopped; starting it clears that fault. */
async function netGateway(dir: string, verb: string): Promise<StandInOutput> {
	const state = await loadLab(dir);
	const stopped = state.fault === 'gateway-stopped';
	if (verb === 'start') {
		if (!stopped)
			return {exitCode: 2, stdout: '', stderr: `The requested service has already been started.\n\nMore help is available by typing NET HELPMSG 2182.\n\n`};
		const {fault: _started, ...rest} = state;
		await saveLab(dir, rest);
		return {
			exitCode: 0,
			stdout: `The ${GATEWAY_DISPLAY_NAME} service is starting.\nThe ${GATEWAY_DISPLAY_NAME} service was started successfully.\n\n`,
			stderr: '',
		};
	}
	return {exitCode: 1, stdout: '', stderr: `The lab does not stop ${GATEWAY_SERVICE}: stage it with dsmn-resync lab fault ${dir} gateway-stopped\n`};
}

export async function net(dir: string, args: readonly string[], io: Io = realIo): Promise<StandInOutput> {
	const [verb = '', name = ''] = args.map(a => a.toLowerCase());
	if ((verb !== 'start' && verb !== 'stop') || !name) {
		return {exitCode: 1, stdout: '', stderr: 'The syntax of this command is:\n\nNET START | STOP service\n'};
	}
	if (name === GATEWAY_SERVICE.toLowerCase()) return netGateway(dir, verb);
	if (name.toUpperCase() !== SERVICE_NAME && name !== SERVICE_DISPLAY_NAME.toLowerCase()) return netError(2185);
	const {state, service} = await current(dir, io);
	if (state.fault === 'access-denied') return {exitCode: 2, stdout: '', stderr: SYSTEM_ERROR_5};
	if (pending(service)) return netError(2189);

	if (verb === 'stop') {
		if (service.state === 'STOPPED') return netError(3521);
		if (state.fault === 'stop-refused') return netError(2191);
		if (state.fault === 'stop-hangs') {
			// The service takes the stop and never finishes it: net gives up waiting, sc query shows STOP_PENDING.
			await saveLab(dir, {...state, service: {state: 'STOP_PENDING'}});
			await io.sleep(Math.min(state.serviceDelayMs, 2000));
			return netError(3528, `The ${SERVICE_DISPLAY_NAME} service is stopping.\n`);
		}
		await saveLab(dir, {...state, service: {state: 'STOP_PENDING', pendingUntil: io.now() + state.serviceDelayMs}});
		await waitSettled(dir, io);
		const done = await loadLab(dir);
		await saveLab(dir, {...done, service: settle(done.service, io.now())});
		// KB Q171882: net can end a stop that worked with "The service has not been started."
		if (state.fault === 'stop-says-2184') return netError(2184);
		return {
			exitCode: 0,
			stdout: `The ${SERVICE_DISPLAY_NAME} service is stopping.\nThe ${SERVICE_DISPLAY_NAME} service was stopped successfully.\n\n`,
			stderr: '',
		};
	}

	if (service.state === 'RUNNING') return netError(2182);
	if (state.fault === 'gateway-stopped') return {exitCode: 2, stdout: '', stderr: SYSTEM_ERROR_1068};
	const adopted = await adoptBackupAtStart(dir, state);
	const refusal = await startRefusal(dir, adopted);
	// How the start ends is decided as it begins, as the service controller decides it, not net.exe: a net
	// stopped while it waits (its time limit, or dsmn-resync killed) leaves a start that still ends so.
	const pendingUntil = io.now() + state.serviceDelayMs;
	await saveLab(
		dir,
		refusal
			? {...adopted, service: {state: 'START_PENDING', pendingUntil, lastError: refusal}}
			: await afterStart(dir, {...adopted, service: {state: 'START_PENDING', pendingUntil}}, new Date(io.now())),
	);
	await waitSettled(dir, io);
	const after = await loadLab(dir);
	await saveLab(dir, {...after, service: settle(after.service, io.now())});
	if (refusal) {
		return netError(3534, `The ${SERVICE_DISPLAY_NAME} service is starting.\nThe ${SERVICE_DISPLAY_NAME} service could not be started.\n\n`);
	}
	return {
		exitCode: 0,
		stdout: `The ${SERVICE_DISPLAY_NAME} service is starting.\nThe ${SERVICE_DISPLAY_NAME} service was started successfully.\n\n`,
		stderr: '',
	};
}

function scFailure(operation: string, code: number): StandInOutput {
	return {exitCode: code, stdout: `[SC] ${operation} FAILED ${code}:\n\n${WIN32_ERRORS[code]?.message ?? ''}\n\n`, stderr: ''};
}

function scStateText(service: LabService, name = SERVICE_NAME): string {
	const code = SERVICE_STATE_CODES[service.state];
	const controls = service.state === 'RUNNING' ? '(STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)' : '(NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)';
	const exitCode = service.state === 'STOPPED' && service.lastError ? '1067  (0x42b)' : '0  (0x0)';
	return [
		'',
		`SERVICE_NAME: ${name}`,
		'        TYPE               : 10  WIN32_OWN_PROCESS',
		`        STATE              : ${code}  ${service.state}`,
		`                                ${controls}`,
		`        WIN32_EXIT_CODE    : ${exitCode}`,
		'        SERVICE_EXIT_CODE  : 0  (0x0)',
		'        CHECKPOINT         : 0x0',
		`        WAIT_HINT          : ${service.pendingUntil === undefined ? '0x0' : '0x7d0'}`,
		'',
	].join('\n');
}

export async function sc(dir: string, args: readonly string[], io: Io = realIo): Promise<StandInOutput> {
	const [verb = '', name = ''] = args;
	const operation = verb.toLowerCase() === 'query' ? 'EnumQueryServicesStatus:OpenService' : 'OpenService';
	if (!['query', 'start', 'stop'].includes(verb.toLowerCase()) || !name) {
		return {
			exitCode: 1,
			stdout: 'DESCRIPTION:\n        SC is a command line program used for communicating with the\n        Service Control Manager and services.\n',
			stderr: '',
		};
	}
	if (name.toLowerCase() === GATEWAY_SERVICE.toLowerCase() && verb.toLowerCase() === 'query') {
		const gateway: LabService = {state: (await loadLab(dir)).fault === 'gateway-stopped' ? 'STOPPED' : 'RUNNING'};
		return {exitCode: 0, stdout: scStateText(gateway, GATEWAY_SERVICE), stderr: ''};
	}
	if (name.toUpperCase() !== SERVICE_NAME) return scFailure(operation, 1060);
	const {state, service} = await current(dir, io);
	// An account that may query services but not control them: sc opens the service for control and is refused.
	if (state.fault === 'access-denied' && verb.toLowerCase() !== 'query') return scFailure('OpenService', 5);
	switch (verb.toLowerCase()) {
		case 'query':
			return {exitCode: 0, stdout: scStateText(service), stderr: ''};
		case 'stop': {
			if (pending(service)) return scFailure('ControlService', 1061);
			if (service.state === 'STOPPED') return scFailure('ControlService', 1062);
			if (state.fault === 'stop-refused') return scFailure('ControlService', 1052);
			const next: LabService = state.fault === 'stop-hangs' ? {state: 'STOP_PENDING'} : {state: 'STOP_PENDING', pendingUntil: io.now() + state.serviceDelayMs};
			await saveLab(dir, {...state, service: next});
			return {exitCode: 0, stdout: scStateText(next), stderr: ''};
		}
		default: {
			if (pending(service)) return scFailure('StartService', 1061);
			if (service.state === 'RUNNING') return scFailure('StartService', 1056);
			if (state.fault === 'gateway-stopped') return scFailure('StartService', 1068);
			const adopted = await adoptBackupAtStart(dir, state);
			await saveLab(dir, adopted);
			const refusal = await startRefusal(dir, adopted);
			if (refusal) {
				// The service process ends before it reports running: StartService fails with 1067.
				await saveLab(dir, {...adopted, service: {state: 'STOPPED', lastError: refusal, refusedAt: io.now()}});
				return scFailure('StartService', 1067);
			}
			const next: LabService = {state: 'START_PENDING', pendingUntil: io.now() + state.serviceDelayMs};
			await saveLab(dir, await afterStart(dir, {...adopted, service: next}, new Date(io.now())));
			return {exitCode: 0, stdout: scStateText(next), stderr: ''};
		}
	}
}

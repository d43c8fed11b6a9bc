/**
 * Use case: a run that ends before its last step and stays in its journal (ARCHITECTURE.md, "Use cases"),
 * as one event both front ends render: `stopped` (a step failed, and the admin or the scripted run stops
 * there) and `interrupted` (the admin left, or a signal came, at a safe point), each with `resume: false` once a roll back of it began. Each says where the run is
 * journaled, whether it can be rolled back, where it kept things, and MSSYNC when it is not as the run found
 * it (`bringBack`: how the front end that asks says to bring it back: its command, and what to choose).
 */
import type {RunEvent} from './events.js';
import {synchronizeCutOff} from '../procedure/synchronize-step.js';
import {serviceLineNow, type BringBack} from './service-as-found.js';
import type {OpenedRun} from './unfinished-run.js';

export type Stopped = Extract<RunEvent, {event: 'stopped'}>;
export type Interrupted = Extract<RunEvent, {event: 'interrupted'}>;

/** Where the run stopped: between steps (`before` the step not begun), within one (`step`, and what it says of where), or not at a step. */
export type StopPoint = {before: string; title: string} | {step: string; title: string; message?: string | undefined} | undefined;

export async function stoppedEvent(run: OpenedRun, step: string, bringBack: BringBack): Promise<Stopped> {
	return {event: 'stopped', journal: run.journalPath, step, rollback: run.canRollback, ...resumable(run), ...(await whereAndService(run, bringBack))};
}

export async function interruptedEvent(run: OpenedRun, at: StopPoint, bringBack: BringBack): Promise<Interrupted> {
	const where = await whereAndService(run, bringBack);
	// A synchronization cut off: the servers it left red, unless the step's own message (at) says it already.
	const red = at && 'message' in at ? undefined : await synchronizeCutOff(run);
	const servers = [...(where.servers ?? []), ...(red ? [red] : [])];
	return {event: 'interrupted', ...at, journal: run.journalPath, rollback: run.canRollback, ...resumable(run), ...where, ...(servers.length ? {servers} : {})};
}

/** A run whose roll back began is finished by rolling back only: its steps refuse to resume (procedure/journaled-run.ts). */
function resumable(run: OpenedRun): {resume?: false} {
	return run.rollbackBegan() ? {resume: false} : {};
}

async function whereAndService(run: OpenedRun, bringBack: BringBack): Promise<{servers?: string[]; kept: string[]; service?: string}> {
	const service = await serviceLineNow(run, bringBack);
	const servers = run.serversStanding();
	return {...(servers.length ? {servers} : {}), kept: run.whereThingsAre(), ...(service ? {service} : {})};
}

import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {synchronizeLab} from '../../source/lab/sync-engine.js';
import {citationProblems} from '../../source/procedure/claims.js';
import type {SyncEvent} from '../../source/services/synchronization.js';
import {failureHelp, stepDuration} from '../../source/wizard/step-help.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';
import {tempDir} from '../helpers/run-cli.js';

const failed: Extract<Screen, {name: 'failure'}> = {
	name: 'failure',
	step: 'add-server:FS2',
	title: 'Add FS2 back to the domain',
	message: 'FS2 is a Netware 4.X server. It cannot be added to the Domain.',
	advice: 'set Allow4X on the PDC and restart it',
	canRollback: false,
};
const steps: WizardState['steps'] = [
	{id: 'delete-agent:FS2', title: 'Delete WINNT_SYNC_AGENT from FS2', status: 'done'},
	{id: 'add-server:FS2', title: 'Add FS2 back to the domain', status: 'failed'},
];

describe('? on a failure', () => {
	it('a run that cannot be rolled back (a reconstruct) is not said to be rolled back by starting again', () => {
		const stop = failureHelp(failed, steps).find(line => line.startsWith('Stop here'));
		expect(stop).toBeDefined();
		expect(stop).not.toMatch(/roll/i);
		expect(stop).toContain('start again on this target to resume');
	});

	it('a run that can be rolled back still says so', () => {
		const stop = failureHelp({...failed, canRollback: true}, steps).find(line => line.startsWith('Stop here'));
		expect(stop).toContain('start again on this target to resume or roll back');
	});
});

describe('? while the servers synchronize', () => {
	it("says what the lab's engine does: every server at the same time, never one after another", async () => {
		const help = stepDuration('synchronize');
		expect(help).not.toMatch(/in turn|one after another/);
		expect(help).toMatch(/every server at the same time/);
		expect(citationProblems(help)).toEqual([]);
		// The engine the help speaks of: a second server moves before the first one is finished.
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, accounts: 40, pace: 2});
		const events: SyncEvent[] = [];
		const results = await synchronizeLab(dir, {onEvent: event => events.push(event)});
		const ok = results.filter(r => r.ok).map(r => r.server);
		expect(ok.length).toBeGreaterThan(1);
		const firstDone = events.findIndex(e => e.type === 'server-finished');
		const movedBefore = new Set(events.slice(0, firstDone).flatMap(e => (e.type === 'progress' && ok.includes(e.server) ? [e.server] : [])));
		expect(movedBefore.size).toBe(ok.length);
	});
});

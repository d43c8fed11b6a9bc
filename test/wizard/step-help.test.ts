import {describe, expect, it} from 'vitest';
import {failureHelp} from '../../source/wizard/step-help.js';
import type {Screen, WizardState} from '../../source/wizard/state.js';

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

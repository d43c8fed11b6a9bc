import {describe, expect, it} from 'vitest';
import {FailureScreen} from '../../../source/ui/screens/FailureScreen.js';
import type {Screen} from '../../../source/wizard/state.js';
import {failureHelp} from '../../../source/wizard/step-help.js';
import {KEYS, mountScreen} from '../../helpers/screen-harness.js';
import {waitFor} from '../../helpers/wait-for.js';

const failed: Extract<Screen, {name: 'failure'}> = {
	name: 'failure',
	step: 'copy-backup',
	title: 'Copy the backup into SYNCAGNT',
	message: 'MSSYNC.MDB changed since it was checked',
	advice: 'Check the backup again.',
	canRollback: true,
};

describe('a failed step', () => {
	it('says what failed and what to do; offers retry, roll back, stop', async () => {
		const {ui, frame, wizard} = mountScreen(failed, (now, choice) => <FailureScreen screen={now} choice={choice} />);
		expect(frame()).toContain('✗ MSSYNC.MDB changed since it was checked');
		expect(frame()).toContain('What to do: Check the backup again.');
		expect(frame()).toMatch(/❯ Retry this step/);
		expect(frame()).toContain('Roll back — put everything back as it was');
		expect(frame()).toContain('Stop here — leave; start again later to resume');
		ui.stdin.write(KEYS.up);
		await waitFor(() => expect(frame()).toMatch(/❯ Stop here/));
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['failureChoice', 'stop']]));
		ui.unmount();
	});

	it('a reconstruct: no roll back offered', () => {
		const {ui, frame} = mountScreen({...failed, canRollback: false}, (now, choice) => <FailureScreen screen={now} choice={choice} />);
		expect(frame()).not.toContain('Roll back');
		ui.unmount();
	});

	it('a synchronization with servers that failed: retry them, or finish leaving them red', async () => {
		const sync = {...failed, step: 'synchronize', title: 'Synchronize all servers', failedServers: ['FS3', 'FS5']};
		const {ui, frame, wizard} = mountScreen(sync, (now, choice) => <FailureScreen screen={now} choice={choice} />);
		expect(frame()).toMatch(/❯ Retry FS3, FS5/);
		expect(frame()).toContain('Finish — leave them red for now');
		// Not "everything": what the servers received stays (issue 29).
		expect(frame()).toContain('Roll back SYNCAGNT and MSSYNC — what the servers received stays');
		ui.stdin.write(KEYS.enter);
		await waitFor(() => expect(wizard.calls).toEqual([['failureChoice', 'retry-failed']]));
		ui.unmount();
	});

	// Issue 29 (the second walker): one server failed, and the choice and its `?` spoke of "them" and "their red X".
	it('one server that failed: the choice and its help speak of it, not of "them"', () => {
		const sync = {...failed, step: 'synchronize', title: 'Synchronize all servers', failedServers: ['FS3']};
		const {ui, frame} = mountScreen(sync, (now, choice) => <FailureScreen screen={now} choice={choice} />);
		expect(frame()).toMatch(/❯ Retry FS3$/m);
		expect(frame()).toContain('Finish — leave it red for now');
		ui.unmount();
		const finish = failureHelp(sync, undefined).find(line => line.startsWith('Finish'));
		expect(finish).toMatch(/FS3 keeps its red X, and "Only synchronize all servers" can try it again later\./);
		const several = failureHelp({...sync, failedServers: ['FS3', 'FS5']}, undefined).find(line => line.startsWith('Finish'));
		expect(several).toMatch(/^Finish — leave them red for now: .*FS3, FS5 keep their red X, and "Only synchronize all servers" can try them again later\./);
	});
});

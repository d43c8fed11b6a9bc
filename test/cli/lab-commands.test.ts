/** `lab allow4x DIR` (KB Q145589 in the lab): what it says it did, and the lab's run lock it takes before it writes; `lab status DIR`'s Application log. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {labAllow4xCommand, labStatusCommand} from '../../source/cli/lab-commands.js';
import {UNICODE_GLYPHS} from '../../source/text/glyphs.js';
import {TargetBusyError, TargetLock} from '../../source/journal/target-lock.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {loadLab} from '../../source/lab/state.js';
import {lockKey} from '../../source/procedure/journaled-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/temp-dirs.js';

async function lab(): Promise<string> {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0, servers: 2, accounts: 10, netware: {FS2: '4.x'}});
	return dir;
}

function capture() {
	const out: string[] = [];
	return {out, output: {out: (text: string) => void out.push(text), err: (text: string) => void out.push(text)}};
}

describe('lab allow4x DIR', () => {
	it('sets the value and says what the lab did: no restart simulated, MSSYNC neither stopped nor started', async () => {
		const dir = await lab();
		const before = (await loadLab(dir)).service;
		const {out, output} = capture();
		expect(await labAllow4xCommand(dir, output)).toBe(0);
		expect((await loadLab(dir)).allow4x).toBe(true);
		expect((await loadLab(dir)).service).toEqual(before);
		const text = out.join('');
		expect(text).toMatch(/Allow4X \(REG_DWORD, 1\) is set under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters/);
		expect(text).toMatch(/The lab did not stop or start MSSYNC; on a real PDC the restart stops it and starts it again\./);
		// The wording before the review claimed a restart the lab never made.
		expect(text).not.toMatch(/counts the NT server as restarted|MSSYNC's state is as it was/);
	});

	it('is refused, and changes nothing, while a run holds the lab', async () => {
		const dir = await lab();
		const target = labTarget(dir);
		const held = await TargetLock.acquire(lockKey(target), target.journalDir, target.description, 'a reconstruct run (scripted)');
		try {
			const {out, output} = capture();
			await expect(labAllow4xCommand(dir, output)).rejects.toBeInstanceOf(TargetBusyError);
			expect(out).toEqual([]);
			expect((await loadLab(dir)).allow4x).toBeUndefined();
		} finally {
			await held.release();
		}
		expect(await labAllow4xCommand(dir, capture().output)).toBe(0);
		expect((await loadLab(dir)).allow4x).toBe(true);
	});
});

// Issue 29 (fixl2): the end screens send the admin to lab status to see no Event 8005, but an empty log printed nothing.
describe('lab status DIR', () => {
	it('says the Application log has no events when it has none', async () => {
		const dir = await lab();
		const {out, output} = capture();
		expect(await labStatusCommand(dir, false, UNICODE_GLYPHS, output)).toBe(0);
		expect(out.join('').split('\n')).toContain('Application log: no events');
	});
});

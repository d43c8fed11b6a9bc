import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {deleteSyncAgent} from '../../source/lab/netware-ops.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {jetStartError} from '../../source/lab/service.js';
import {labPaths} from '../../source/lab/state.js';
import {labStatus} from '../../source/lab/status.js';
import {synchronizeLab} from '../../source/lab/sync-engine.js';
import {checkpointPages} from '../../source/jet/write-header.js';
import {tempDir} from '../helpers/run-cli.js';

describe("the lab's JET and DSMN say what the real ones say", () => {
	it('starts on its own files, and refuses a checkpoint past JET.LOG with -533 JET_errCheckpointCorrupt (not -1319)', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const {syncagnt} = labPaths(dir);
		expect(await jetStartError(syncagnt)).toBeUndefined();
		const signLog = {random: 1, created: {year: 1999, month: 1, day: 1, hour: 0, minute: 0, second: 0}, computerName: 'NTPDC'};
		await writeFile(join(syncagnt, 'JET.CHK'), checkpointPages({generation: 99, signLog}));
		expect(await jetStartError(syncagnt)).toMatch(/^-533 JET_errCheckpointCorrupt: JET\.CHK points at log generation 99, past JET\.LOG \(6\)/);
	});

	it("names 1317 as the error inside the Sync Agent's event (ERROR_NO_SUCH_USER, KB Q188357), not as an event ID", async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		await deleteSyncAgent(labPaths(dir).serverSystem('FS1'));
		const fs1 = (await labStatus(dir)).servers.find(s => s.name === 'FS1')!;
		expect(fs1.problem).toMatch(/error 1317, ERROR_NO_SUCH_USER; KB Q188357/);
		expect(fs1.problem).not.toMatch(/event 1317/);
		const result = (await synchronizeLab(dir)).find(r => r.server === 'FS1');
		expect(JSON.stringify(result)).toMatch(/error 1317, ERROR_NO_SUCH_USER; KB Q188357/);
	});
});

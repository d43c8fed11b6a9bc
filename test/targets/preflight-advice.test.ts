/**
 * One advice table (issue 27, item 4): the preflight's findings give, for the same cause, the advice a
 * failed step and the roll back give (procedure/journaled-run.ts adviceFor, read from fs/errno-advice.ts).
 * Before, a read-only volume or a dropped connection found by the preflight was told to "run as an
 * administrator", and a short disk had wording of its own.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {adviceFor} from '../../source/procedure/journaled-run.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {LocalFiles} from '../../source/targets/local-files.js';
import {preflight} from '../../source/targets/preflight.js';
import {CommandNotFoundError} from '../../source/targets/run-command.js';
import {tempDir} from '../helpers/run-cli.js';

async function labWith(files: LocalFiles) {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	const lab = labTarget(dir);
	return {...lab, database: {...lab.database, files}};
}

const failure = (code: string) => Object.assign(new Error(`${code}: it failed`), {code});

describe('the preflight and the steps: one cause, one advice', () => {
	for (const code of ['EACCES', 'EROFS', 'ENOSPC', 'ETIMEDOUT', 'ECONNABORTED', 'EBUSY']) {
		it(`SYNCAGNT cannot be written (${code}): the advice a failed step gives for ${code}`, async () => {
			const files = new LocalFiles();
			files.touch = async () => {
				throw failure(code);
			};
			const checks = await preflight(await labWith(files), {});
			const folder = checks.find(c => c.name === 'folder');
			expect(folder).toMatchObject({ok: false, fix: adviceFor(failure(code))});
			expect(folder?.fix).not.toMatch(/not one dsmn-resync knows/);
		});
	}

	it('not enough room: the advice a copy that fills the disk gives (ENOSPC)', async () => {
		const files = new LocalFiles();
		files.freeBytes = async () => 1024;
		const checks = await preflight(await labWith(files), {bytesNeeded: 4096});
		expect(checks.find(c => c.name === 'space')).toMatchObject({ok: false, fix: adviceFor(failure('ENOSPC'))});
	});

	it('a cause the table does not know keeps the rights advice (nothing better is known)', async () => {
		const files = new LocalFiles();
		files.touch = async () => {
			throw failure('EWHATEVER');
		};
		const checks = await preflight(await labWith(files), {});
		expect(checks.find(c => c.name === 'folder')).toMatchObject({ok: false, fix: expect.stringContaining('run as an administrator of the server')});
	});
});

describe('a service query that timed out, in the preflight', () => {
	it('is a server that did not answer in time, not a missing program (found by the model test under load)', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0});
		const lab = labTarget(dir);
		const service = {
			...lab.service,
			serviceName: lab.service.serviceName,
			query: () => Promise.reject(new CommandNotFoundError('sc query MSSYNC', 'it did not finish within 2000 ms', true)),
		};
		const checks = await preflight({...lab, service}, {});
		expect(checks[0]).toMatchObject({
			name: 'server',
			ok: false,
			detail: 'sc query MSSYNC could not be run: it did not finish within 2000 ms',
			fix: adviceFor(failure('ETIMEDOUT')),
		});
	});
});

/** The use case "prepare a restore", driven in-process without a front end (ARCHITECTURE.md, "Use cases"). */
import {rm} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {bytesToCopy, prepareRestore} from '../../source/app/prepare-restore.js';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import type {Target} from '../../source/targets/capabilities.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

async function newLab() {
	const dir = join(await tempDir(), 'lab');
	await createLab(dir, {...LAB_DEFAULTS, pace: 0});
	return {dir, target: labTarget(dir)};
}

/** The lab as if its volume had only `free` bytes left. */
function withFreeSpace(target: Target, free: number | undefined): Target {
	const files = Object.create(target.database.files) as Target['database']['files'];
	files.freeBytes = () => Promise.resolve(free);
	return {...target, database: {...target.database, files}};
}

describe('prepareRestore', () => {
	it('is ready on a lab with room: the backup valid, every check passed, the space check counting the files restored', async () => {
		const {dir, target} = await newLab();
		const prepared = await prepareRestore(target, join(dir, 'backup'));
		expect(prepared.stage).toBe('ready');
		if (prepared.stage !== 'ready') return;
		expect(prepared.bytesNeeded).toBe(bytesToCopy(prepared.validation));
		expect(prepared.bytesNeeded).toBeGreaterThan(0);
		expect(prepared.checks.map(c => c.name)).toEqual(['service', 'gateway', 'folder', 'space']);
		expect(prepared.checks.every(c => c.ok)).toBe(true);
	});

	it('refuses an invalid backup without checking the target', async () => {
		const {dir, target} = await newLab();
		await rm(join(dir, 'backup', 'SYSTEM.MDB'));
		const prepared = await prepareRestore(target, join(dir, 'backup'));
		expect(prepared).toMatchObject({stage: 'invalid-backup', validation: {valid: false}});
		expect(prepared).not.toHaveProperty('checks');
	});

	it('says the target is not ready when the copy would not fit, and how much is free and needed', async () => {
		const {dir, target} = await newLab();
		const prepared = await prepareRestore(withFreeSpace(target, 1024), join(dir, 'backup'));
		expect(prepared.stage).toBe('target-not-ready');
		if (prepared.stage !== 'target-not-ready') return;
		expect(prepared.checks.find(c => !c.ok)).toMatchObject({
			name: 'space',
			detail: expect.stringMatching(/^[\d.]+ KiB free, [\d.]+ MiB needed for the copy: [\d.]+ MiB short$/),
		});
	});

	it('goes on, with a warning, when the free space cannot be measured', async () => {
		const {dir, target} = await newLab();
		const prepared = await prepareRestore(withFreeSpace(target, undefined), join(dir, 'backup'));
		expect(prepared.stage).toBe('ready');
		if (prepared.stage === 'ready') expect(prepared.checks.find(c => c.name === 'space')).toMatchObject({ok: true, warning: true});
	});
});

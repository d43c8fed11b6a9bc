/**
 * The `--netware` answer, read by the argument parser from netware-versions.ts alone: the reconstruct's
 * texts give the same functions (one definition), and the module imports nothing (so a usage error does
 * not load the claims table with it).
 */
import {readFile} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {NETWARE_VERSIONS, parseNetWareVersions} from '../../source/procedure/netware-versions.js';
import * as texts from '../../source/procedure/reconstruct-texts.js';

describe('NetWare versions', () => {
	it('reads SERVER=VERSION pairs, upper-casing the names, and refuses anything else with its reason', () => {
		expect(parseNetWareVersions(' fs1=3.x ,FS2=4.X,,')).toEqual({ok: true, versions: {FS1: '3.x', FS2: '4.x'}});
		expect(parseNetWareVersions('FS3=2.x')).toEqual({ok: true, versions: {FS3: '2.x'}});
		expect(parseNetWareVersions('FS2=5.x')).toEqual({
			ok: false,
			reason: '"FS2=5.x" is not SERVER=VERSION with a version of 2.x, 3.x, 4.x (for example FS1=3.x,FS2=4.x)',
		});
		expect(parseNetWareVersions('FS2=4')).toMatchObject({ok: false});
		expect(parseNetWareVersions('=4.x')).toMatchObject({ok: false});
	});

	it('is one definition: the reconstruct texts give the same, and the module imports nothing', async () => {
		expect(texts.parseNetWareVersions).toBe(parseNetWareVersions);
		expect(texts.NETWARE_VERSIONS).toBe(NETWARE_VERSIONS);
		const source = await readFile(new URL('../../source/procedure/netware-versions.ts', import.meta.url), 'utf8');
		expect(source).not.toMatch(/^import /m);
	});
});

/** The scripted run's situation helpers: a restore refused on a BDC (where the target can ask the server), the repair offered to a stopped MSSYNC. */
import {describe, expect, it} from 'vitest';
import {repairOffer, roleRefusal} from '../../source/scripted/situation.js';
import type {Target} from '../../source/targets/capabilities.js';

function asking(role: 'pdc' | 'bdc' | 'neither' | undefined): Target {
	const learn = () => Promise.resolve(role ? {info: {role}} : {});
	return {serverVersion: {learn}} as unknown as Target;
}

describe('the situation of a scripted restore', () => {
	it('a server that reports itself as a BDC is refused, with what to do; a PDC, or a target that cannot ask, goes on', async () => {
		expect(await roleRefusal(asking('bdc'), 'same')).toMatchObject({message: expect.stringMatching(/BDC/), advice: expect.stringMatching(/--host NAME/)});
		expect(await roleRefusal(asking('bdc'), 'new')).toMatchObject({advice: expect.stringMatching(/promote this BDC/)});
		expect(await roleRefusal(asking('pdc'), 'new')).toBeUndefined();
		expect(await roleRefusal({} as Target, 'same')).toBeUndefined();
	});

	it('the repair is offered only when the preflight found MSSYNC stopped', () => {
		expect(repairOffer([{name: 'service', ok: true, detail: 'MSSYNC answers: STOPPED', state: 'STOPPED'}])).toMatch(/--repair dsmpack/);
		expect(repairOffer([{name: 'service', ok: true, detail: 'MSSYNC answers: RUNNING', state: 'RUNNING'}])).toBeUndefined();
	});
});

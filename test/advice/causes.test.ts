/** The causes' own words (issue 29): a service stuck pending is not ended from Control Panel. */
import {describe, expect, it} from 'vitest';
import {adviceOf} from '../../source/advice/causes.js';

describe('a service that did not answer a start or stop in time (NET HELPMSG 2186)', () => {
	it('says to query it and wait, or restart the server: Control Panel cannot end a start or stop under way', () => {
		expect(adviceOf('service-not-responding')).toBe(
			"query its state (sc query MSSYNC): it may still finish (Control Panel's Start and Stop cannot end a start or stop already under way); if it stays pending, restart the server",
		);
		expect(adviceOf('service-not-responding')).not.toMatch(/use Control Panel/);
	});
});

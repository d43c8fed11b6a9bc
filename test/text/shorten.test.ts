import {describe, expect, it} from 'vitest';
import {shortenMiddle} from '../../source/text/shorten.js';

describe('shortenMiddle', () => {
	it('keeps a line that fits', () => {
		expect(shortenMiddle('net rpc service status MSSYNC -S NTPDC1', 80)).toBe('net rpc service status MSSYNC -S NTPDC1');
	});

	it('cuts a long command in the middle: its start and its end stay', () => {
		const command = 'net rpc service start MSSYNC -S NTPDC1 -A /tmp/dsmn-resync-auth-0a1b2c-XyZ123/auth "--option=client min protocol=NT1" -p 4455';
		const short = shortenMiddle(command, 60);
		expect([...short]).toHaveLength(60);
		expect(short.startsWith('net rpc service start MSSYNC')).toBe(true);
		expect(short.endsWith('protocol=NT1" -p 4455')).toBe(true);
		expect(short).toContain('…');
	});

	it('counts characters, not UTF-16 units, and survives tiny widths', () => {
		expect(shortenMiddle('▸▸▸▸▸▸▸▸▸▸', 5)).toBe('▸▸…▸▸');
		expect(shortenMiddle('abcdef', 1)).toBe('a');
		expect(shortenMiddle('abcdef', 0)).toBe('');
	});
});

import {describe, expect, it} from 'vitest';
import type {Screen} from '../../source/wizard/state.js';
import {entryOf, eraseFrom, moveCursorIn, SecretEntry, typeInto, withoutError, withoutLastWord} from '../../source/wizard/text-entry.js';

describe('the one model of a typed line', () => {
	it('types into the visible line of a screen, up to its limit, and clears the error the key answers', () => {
		const secret = new SecretEntry();
		const field: Screen = {name: 'target-field', field: 'host', input: 'NTPD', length: 0, error: 'Not that: too long.'};
		expect(typeInto(field, 'C1', secret)).toEqual({name: 'target-field', field: 'host', input: 'NTPDC1', length: 0});
		const confirm: Screen = {name: 'confirm', step: 'delete-agent:FS1', title: 'Delete', changes: [], typed: '', word: 'DELETE'};
		const typed = typeInto(confirm, 'x'.repeat(100), secret);
		expect(typed).toMatchObject({typed: 'x'.repeat(48)});
		// A search line has no error to clear; a backup folder's line has no limit.
		expect(typeInto({name: 'discover', input: '/srv', searching: false}, '/b', secret)).toEqual({name: 'discover', input: '/srv/b', searching: false});
		expect(entryOf({name: 'choose-backup', input: '', candidates: [], suggestions: []})).toMatchObject({kind: 'visible', max: Infinity});
	});

	it('a cursor, as in a shell: Home, End, Left, Right move it; typing and erasing happen at it', () => {
		const secret = new SecretEntry();
		let screen: Screen = {name: 'passwords-file', input: '/home/admin/pw.txt'};
		screen = moveCursorIn(screen, 'start')!;
		expect(screen).toEqual({name: 'passwords-file', input: '/home/admin/pw.txt', cursor: 0});
		for (let i = 0; i < 6; i++) screen = moveCursorIn(screen, 'right')!;
		screen = typeInto(screen, 'x', secret)!;
		expect(screen).toEqual({name: 'passwords-file', input: '/home/xadmin/pw.txt', cursor: 7});
		screen = eraseFrom(screen, secret)!;
		expect(screen).toEqual({name: 'passwords-file', input: '/home/admin/pw.txt', cursor: 6});
		// Ctrl+W takes the word before the cursor, Ctrl+U all before it; what follows stays.
		expect(eraseFrom(screen, secret, 'word')).toEqual({name: 'passwords-file', input: '/admin/pw.txt', cursor: 1});
		expect(eraseFrom(screen, secret, 'line')).toEqual({name: 'passwords-file', input: 'admin/pw.txt', cursor: 0});
		// Left stops at the start, Right at the end; at the end the cursor is the line's end, kept as no cursor at all.
		expect(moveCursorIn({name: 'passwords-file', input: 'ab', cursor: 0}, 'left')).toEqual({name: 'passwords-file', input: 'ab', cursor: 0});
		expect(moveCursorIn({name: 'passwords-file', input: 'ab', cursor: 1}, 'right')).toEqual({name: 'passwords-file', input: 'ab'});
		expect(moveCursorIn({name: 'passwords-file', input: 'ab', cursor: 0}, 'end')).toEqual({name: 'passwords-file', input: 'ab'});
		// A secret has no cursor: its characters are not shown.
		expect(moveCursorIn({name: 'password-entry', stage: 'first', length: 3}, 'start')).toBeUndefined();
	});

	it('keeps a secret out of the screen: only its length is drawn, and it is taken once', () => {
		const secret = new SecretEntry();
		let screen: Screen = {name: 'target-field', field: 'password', input: '', length: 0, error: 'Not that: type the password.'};
		screen = typeInto(screen, 'S3cret', secret)!;
		expect(screen).toEqual({name: 'target-field', field: 'password', input: '', length: 6});
		expect(JSON.stringify(screen)).not.toContain('S3cret');
		screen = eraseFrom(screen, secret)!;
		expect(screen).toMatchObject({length: 5});
		expect(secret.take()).toBe('S3cre');
		expect(secret.length).toBe(0);
		// The initial password holds at most 64 characters.
		typeInto({name: 'password-entry', stage: 'first', length: 0}, 'p'.repeat(80), secret);
		expect(secret.peek()).toHaveLength(64);
	});

	it('does nothing on a screen without a line to type into', () => {
		const secret = new SecretEntry();
		expect(entryOf({name: 'ask-backup'})).toBeUndefined();
		expect(typeInto({name: 'ask-backup'}, 'y', secret)).toBeUndefined();
		expect(eraseFrom({name: 'password-policy'}, secret)).toBeUndefined();
	});

	it('erases the last character of the visible line, leaving its error as it was', () => {
		const screen: Screen = {name: 'passwords-file', input: '/root/pw.txt', error: 'Not there: inside the lab.'};
		expect(eraseFrom(screen, new SecretEntry())).toEqual({...screen, input: '/root/pw.tx'});
		expect(withoutError(screen)).toEqual({name: 'passwords-file', input: '/root/pw.txt'});
	});

	it('erases as a shell does: Ctrl+W the last word (a path one folder at a time), Ctrl+U the whole line, a secret whole', () => {
		const screen: Screen = {name: 'passwords-file', input: '/home/admin/dsmn-resync-passwords.txt'};
		const secret = new SecretEntry();
		expect(eraseFrom(screen, secret, 'word')).toEqual({...screen, input: '/home/admin/'});
		expect(eraseFrom(screen, secret, 'line')).toEqual({...screen, input: ''});
		expect(withoutLastWord('/home/admin/')).toBe('/home/');
		expect(withoutLastWord('C:\\WINNT\\SYSTEM32')).toBe('C:\\WINNT\\');
		expect(withoutLastWord('two words ')).toBe('two ');
		expect(withoutLastWord('/')).toBe('');
		let field: Screen = {name: 'password-entry', stage: 'first', length: 0};
		field = typeInto(field, 'two words', secret)!;
		expect(eraseFrom(field, secret, 'word')).toMatchObject({length: 0});
		expect(secret.peek()).toBe('');
	});
});

// Issue 29: after Tab listed the folders a path could go on with, Ctrl+W (or any edit) left them under a line
// they no longer completed.
describe('the names Tab listed', () => {
	const listed: Screen = {name: 'choose-backup', input: '/srv/backups/dsmn-', candidates: ['dsmn-2026-12-01', 'dsmn-2026-12-06'], suggestions: []};
	it('go when the line changes: a word or the line erased, a character erased or typed', () => {
		const secret = new SecretEntry();
		expect(eraseFrom(listed, secret, 'word')).toEqual({...listed, input: '/srv/backups/', candidates: []});
		expect(eraseFrom(listed, secret, 'line')).toEqual({...listed, input: '', candidates: []});
		expect(eraseFrom(listed, secret)).toMatchObject({candidates: []});
		expect(typeInto(listed, '2', secret)).toMatchObject({input: '/srv/backups/dsmn-2', candidates: []});
	});

	it('stay while the cursor only moves', () => {
		expect(moveCursorIn(listed, 'start')).toMatchObject({candidates: listed.candidates});
	});
});

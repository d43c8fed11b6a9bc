/**
 * The lab's NetWare 3.x bindery: SYS:SYSTEM\NET$OBJ.SYS, NET$PROP.SYS and NET$VAL.SYS, in fixed-size
 * records laid out after the real ones (object ID, type, name, flags, security, property chain).
 * BINDFIX's previous copy is kept as NET$OBJ.OLD, NET$PROP.OLD and NET$VAL.OLD.
 */
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';

export const OBJ_RECORD = 128;
const PROP_RECORD = 64;
const VAL_RECORD = 136;
const NONE = 0xffffffff;

export const ObjectType = {user: 0x0001, group: 0x0002, fileServer: 0x0004, msWinNt: 0x06bb} as const;

export const SYNC_AGENT = 'WINNT_SYNC_AGENT';
export const MS_WINNT = 'MS_WINNT';

type BinderyProperty = {name: string; value: string};
export type BinderyObject = {id: number; type: number; name: string; properties: BinderyProperty[]};

export const BINDERY_FILES = ['NET$OBJ', 'NET$PROP', 'NET$VAL'] as const;

export type BinderyFiles = {obj: Uint8Array; prop: Uint8Array; val: Uint8Array};

const latin1 = new TextDecoder('latin1');
const encoder = new TextEncoder();

function putName(buf: Uint8Array, offset: number, max: number, name: string): void {
	const bytes = encoder.encode(name).subarray(0, max - 1);
	buf[offset] = bytes.length;
	buf.set(bytes, offset + 1);
}

function getName(buf: Uint8Array, offset: number): string {
	return latin1.decode(buf.subarray(offset + 1, offset + 1 + (buf[offset] ?? 0)));
}

export function encodeBindery(objects: readonly BinderyObject[]): BinderyFiles {
	const propCount = objects.reduce((n, o) => n + o.properties.length, 0);
	const obj = new Uint8Array(objects.length * OBJ_RECORD);
	const prop = new Uint8Array(propCount * PROP_RECORD);
	const val = new Uint8Array(propCount * VAL_RECORD);
	const objView = new DataView(obj.buffer);
	const propView = new DataView(prop.buffer);
	const valView = new DataView(val.buffer);
	let p = 0;
	objects.forEach((o, i) => {
		const at = i * OBJ_RECORD;
		objView.setUint32(at, o.id);
		objView.setUint16(at + 4, o.type);
		putName(obj, at + 6, 48, o.name);
		obj[at + 54] = 0; // static
		obj[at + 55] = o.type === ObjectType.user ? 0x31 : 0x33; // read: logged, write: object/supervisor
		objView.setUint32(at + 56, o.properties.length > 0 ? p : NONE);
		o.properties.forEach((property, k) => {
			const pat = p * PROP_RECORD;
			propView.setUint32(pat, p + 1);
			propView.setUint32(pat + 4, o.id);
			putName(prop, pat + 8, 16, property.name);
			prop[pat + 24] = 0; // item property
			prop[pat + 25] = 0x33;
			propView.setUint32(pat + 28, p); // first value record
			propView.setUint32(pat + 32, k + 1 < o.properties.length ? p + 1 : NONE);
			const vat = p * VAL_RECORD;
			valView.setUint32(vat, p + 1);
			val[vat + 4] = 1; // segment 1
			const value = encoder.encode(property.value).subarray(0, 127);
			val[vat + 7] = value.length;
			val.set(value, vat + 8);
			p++;
		});
	});
	return {obj, prop, val};
}

class BinderyFormatError extends Error {}

function decodeBindery(files: BinderyFiles): BinderyObject[] {
	const {obj, prop, val} = files;
	if (obj.byteLength % OBJ_RECORD || prop.byteLength % PROP_RECORD || val.byteLength % VAL_RECORD) {
		throw new BinderyFormatError('a bindery file is not a whole number of records');
	}
	const objView = new DataView(obj.buffer, obj.byteOffset, obj.byteLength);
	const propView = new DataView(prop.buffer, prop.byteOffset, prop.byteLength);
	const objects: BinderyObject[] = [];
	for (let at = 0; at < obj.byteLength; at += OBJ_RECORD) {
		const id = objView.getUint32(at);
		const type = objView.getUint16(at + 4);
		if (id === 0 && type === 0) continue; // a deleted record, awaiting BINDFIX
		const properties: BinderyProperty[] = [];
		let p = objView.getUint32(at + 56);
		for (let guard = 0; p !== NONE && guard < 64; guard++) {
			const pat = p * PROP_RECORD;
			if (pat + PROP_RECORD > prop.byteLength) throw new BinderyFormatError(`property record ${p} is past the end of NET$PROP`);
			const v = propView.getUint32(pat + 28) * VAL_RECORD;
			if (v + VAL_RECORD > val.byteLength) throw new BinderyFormatError(`value record for property ${p} is past the end of NET$VAL`);
			properties.push({name: getName(prop, pat + 8), value: latin1.decode(val.subarray(v + 8, v + 8 + (val[v + 7] ?? 0)))});
			p = propView.getUint32(pat + 32);
		}
		objects.push({id, type, name: getName(obj, at + 6), properties});
	}
	return objects;
}

export function binderyPaths(systemDir: string, extension: 'SYS' | 'OLD'): {obj: string; prop: string; val: string} {
	return {
		obj: join(systemDir, `NET$OBJ.${extension}`),
		prop: join(systemDir, `NET$PROP.${extension}`),
		val: join(systemDir, `NET$VAL.${extension}`),
	};
}

export async function readBindery(systemDir: string, extension: 'SYS' | 'OLD' = 'SYS'): Promise<BinderyObject[]> {
	const paths = binderyPaths(systemDir, extension);
	const [obj, prop, val] = await Promise.all([readFile(paths.obj), readFile(paths.prop), readFile(paths.val)]);
	return decodeBindery({obj, prop, val});
}

/** Each object's type and name, from NET$OBJ alone: a scan of fixed records, no property decoded. */
export async function binderyObjectNames(systemDir: string): Promise<{type: number; name: string}[]> {
	const obj = await readFile(binderyPaths(systemDir, 'SYS').obj);
	if (obj.byteLength % OBJ_RECORD) throw new BinderyFormatError('NET$OBJ.SYS is not a whole number of records');
	const view = new DataView(obj.buffer, obj.byteOffset, obj.byteLength);
	const names: {type: number; name: string}[] = [];
	for (let at = 0; at < obj.byteLength; at += OBJ_RECORD) {
		const type = view.getUint16(at + 4);
		if (type === 0 && view.getUint32(at) === 0) continue;
		names.push({type, name: getName(obj, at + 6)});
	}
	return names;
}

/** Whether the bindery holds a user of this name. */
export async function binderyHasUser(systemDir: string, name: string): Promise<boolean> {
	return (await binderyObjectNames(systemDir)).some(o => o.type === ObjectType.user && o.name === name);
}

/**
 * The users NetWare makes itself (SUPERVISOR, GUEST) and DSMN's agent: not counted among a server's users, so
 * that `lab status` and the bindery restore's offer count the same users (ARCHITECTURE.md, "The lab").
 */
export const BUILT_IN_USERS: ReadonlySet<string> = new Set(['SUPERVISOR', 'GUEST', SYNC_AGENT]);

/** The server's own users among bindery objects: every user but the built-in ones. */
export function ownUsers(objects: readonly {type: number; name: string}[]): string[] {
	return objects.filter(o => o.type === ObjectType.user && !BUILT_IN_USERS.has(o.name)).map(o => o.name);
}

/** The objects DSMN puts on a server it manages. */
export function dsmnObjects(nextId: () => number, pdc: string): BinderyObject[] {
	return [
		{id: nextId(), type: ObjectType.user, name: SYNC_AGENT, properties: [{name: 'IDENTIFICATION', value: 'Windows NT synchronization agent'}]},
		{id: nextId(), type: ObjectType.msWinNt, name: MS_WINNT, properties: [{name: 'SYNCPDC', value: pdc}]},
	];
}

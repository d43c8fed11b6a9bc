/**
 * A JET signature (SIGNATURE in the ESE source): 28 bytes —
 * a random 32-bit number, the creation time as 8 bytes (sec, min, hour, day, month, year-1900, 2 filler),
 * and the computer's name in 16 bytes, NUL padded.
 */
export const SIGNATURE_LENGTH = 28;

export type JetTime = {year: number; month: number; day: number; hour: number; minute: number; second: number};

export type Signature = {random: number; created: JetTime; computerName: string};

export function encodeSignature(sig: Signature): Uint8Array {
	const bytes = new Uint8Array(SIGNATURE_LENGTH);
	const view = new DataView(bytes.buffer);
	view.setUint32(0, sig.random >>> 0, true);
	bytes.set(encodeJetTime(sig.created), 4);
	const name = new TextEncoder().encode(sig.computerName.slice(0, 15));
	bytes.set(name, 12);
	return bytes;
}

export function encodeJetTime(t: JetTime): Uint8Array {
	return Uint8Array.of(t.second, t.minute, t.hour, t.day, t.month, t.year - 1900, 0, 0);
}

export function decodeJetTime(bytes: Uint8Array): JetTime | undefined {
	const [second = 0, minute = 0, hour = 0, day = 0, month = 0, year = 0] = bytes;
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
	return {year: year + 1900, month, day, hour, minute, second};
}

/** A signature as hex, for comparing and showing ("signatures differ: 1a2b… vs 9f8e…"). */
export function signatureHex(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('hex');
}

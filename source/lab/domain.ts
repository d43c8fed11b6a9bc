import {makeAccounts, type Account} from './names.js';
import {seededRandom} from './random.js';

/**
 * The domain's NetWare-enabled accounts, as the NT SAM of the lab's PDC holds them. Regenerated from
 * the seed whenever needed, so the lab's state file keeps only the count.
 */
export function domainAccounts(seed: number, count: number): Account[] {
	return makeAccounts(seededRandom(seed ^ 0x5a5a_1234), count);
}

/** Users that were on a NetWare server before DSMN managed it (they are in its bindery backup too). */
export function nativeUsers(seed: number, serverIndex: number): Account[] {
	const random = seededRandom((seed * 31 + serverIndex * 7919) ^ 0x0bad_cafe);
	return makeAccounts(random, random.int(4, 10), 'NW');
}

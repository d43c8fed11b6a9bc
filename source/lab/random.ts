/** A small seeded PRNG (mulberry32): the lab must be byte-identical for a given seed. Never for secrets. */
export type Random = {
	next(): number;
	int(minInclusive: number, maxInclusive: number): number;
	pick<T>(items: readonly T[]): T;
	uint32(): number;
};

export function seededRandom(seed: number): Random {
	let a = seed >>> 0;
	const next = (): number => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: items => items[Math.floor(next() * items.length)]!,
		uint32: () => Math.floor(next() * 4294967296) >>> 0,
	};
}

import type {Random} from './random.js';

const FIRST = [
	'Alice',
	'Bruno',
	'Carla',
	'David',
	'Elena',
	'Frank',
	'Grace',
	'Hugo',
	'Irene',
	'Jonas',
	'Karen',
	'Louis',
	'Maria',
	'Nadia',
	'Oscar',
	'Paula',
	'Quinn',
	'Rosa',
	'Simon',
	'Tanya',
	'Umar',
	'Vera',
	'Walter',
	'Xenia',
	'Yusuf',
	'Zoe',
	'Anton',
	'Beth',
	'Colin',
	'Dana',
	'Emil',
	'Fiona',
	'Georg',
	'Helen',
	'Ivan',
	'Julia',
	'Kurt',
	'Lena',
	'Marco',
	'Nina',
];
const LAST = [
	'Adams',
	'Baker',
	'Clark',
	'Dubois',
	'Evans',
	'Fischer',
	'Garcia',
	'Hansen',
	'Ito',
	'Jansen',
	'Keller',
	'Lopez',
	'Moreau',
	'Novak',
	'Olsen',
	'Perez',
	'Quist',
	'Rossi',
	'Schmidt',
	'Turner',
	'Ueda',
	'Varga',
	'Weber',
	'Xu',
	'Young',
	'Zimmer',
	'Alves',
	'Brandt',
	'Costa',
	'Diaz',
	'Engel',
	'Ford',
	'Gray',
	'Hill',
	'Ivanov',
	'Jones',
	'Kim',
	'Lund',
	'Meyer',
	'Nash',
	'Ortiz',
	'Park',
	'Reyes',
	'Silva',
	'Thorne',
	'Ulrich',
	'Vogel',
	'Wolf',
	'Yates',
	'Zeller',
];

export type Account = {name: string; fullName: string};

/** NetWare bindery names: at most 47 characters, upper case; DSMN keeps the NT user name. */
export function makeAccounts(random: Random, count: number, prefix = ''): Account[] {
	const seen = new Set<string>();
	const accounts: Account[] = [];
	while (accounts.length < count) {
		const first = random.pick(FIRST);
		const last = random.pick(LAST);
		const base = `${prefix}${first[0]}${last}`.toUpperCase();
		let name = base;
		for (let n = 2; seen.has(name); n++) name = `${base}${n}`;
		seen.add(name);
		accounts.push({name, fullName: `${first} ${last}`});
	}
	return accounts;
}

export function serverNames(count: number): string[] {
	return Array.from({length: count}, (_, i) => `FS${i + 1}`);
}

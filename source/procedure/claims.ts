/**
 * Every KB article the tool cites, and every claim it makes from them: claim → articles → what the
 * articles say, in this project's words (ARCHITECTURE.md, "The claims table"). The step texts and
 * explanations cite through `cite`, and `citationProblems` checks any text against the table: a
 * sentence that cites an article for something that article does not say, or that makes a claim the
 * table holds without citing one of its articles, is a problem (test/procedure/claims.test.ts runs it
 * over every line of source/ that cites an article).
 */

/** The articles, by number, with their titles. */
export const ARTICLES = {
	Q145589: 'How to Add NetWare 4.x Servers to Windows NT Domain',
	Q148678: 'How To Synchronize A NetWare Server Using DSMN',
	Q149906: "NetWare Server Can't Be Added to New Domain",
	Q153617: 'Chgpass.exe May Cause Message "Error Getting PDC Name"',
	Q154706: 'GSNW Should Not Be Able to Be Removed While DSMN Is Installed',
	Q154760: 'How to Use the DSMN Utility to Verify Synchronized Passwords',
	Q154761: 'DSMN How to Recover from a Loss of the Account Synchronization',
	Q154762: 'How to Remove Jet<n>.log Files Created by DSMN',
	Q171882: 'Error 2184: The Service has not been Started',
	Q183684: 'Directory Service Manager for NetWare (DSMN) - An Overview',
	Q188356: 'DSMN Synchronization Problem Causes Application Event 8020',
	Q188357: 'DSMN Application Log Error Messages',
	Q189441: 'Accounts Missing After Migration with DSMN',
	Q197852: 'Troubleshooting Directory Service Manager for NetWare',
	Q253716: 'Event ID 8020: DSMN Cannot Synchronize Users on a NetWare Server',
} as const;

export type Article = keyof typeof ARTICLES;

export type Claim = {
	/** The articles that say it: a sentence making this claim must cite at least one of them. */
	articles: readonly Article[];
	/** What the articles say, in the project's words. */
	says: string;
	/** A sentence makes this claim when it matches. */
	matches: RegExp;
	/** Whether a sentence that makes it must cite one of its articles (where a wrong citation was made before, or is easy to make). */
	strict?: boolean;
};

export const CLAIMS = {
	'the-procedure': {
		articles: ['Q148678'],
		says: 'KB Q148678 is the procedure this tool carries out: restore the account synchronization database from a backup, or reconstruct the NetWare account information without one.',
		matches: /\bQ148678\b/,
	},
	'restore-procedure': {
		articles: ['Q148678', 'Q154761'],
		says: 'With a backup: stop MSSYNC (net stop MSSYNC), copy MSSYNC.MDB, SYSTEM.MDB, JET*.LOG and *.PAT from the backup, start MSSYNC, then Synchronize all servers, which can take long.',
		matches: /\b(net stop MSSYNC|MSSYNC\.MDB|SYSTEM\.MDB|JET\*\.LOG|\*\.PAT|steps? [1-4])\b/i,
	},
	'red-x': {
		articles: ['Q148678'],
		says: 'Synchronization Manager shows a light blue check for a synchronized server and a red X for one that is not; when synchronizing does not clear the X, restore the database from a backup, or reconstruct without one.',
		matches: /\bred X\b|blue check/i,
	},
	'synchronize-menu': {
		articles: ['Q148678', 'Q154761'],
		says: "The NetWare Server menu has Synchronize selected Server, Fully Synchronize selected server, Synchronize all servers and Fully synchronize all servers; both of the KB's procedures end with Synchronize all servers.",
		matches: /synchroni[sz]e (all|selected) servers?/i,
	},
	'synchronize-time': {
		articles: ['Q148678'],
		says: 'Synchronize all servers can take long: how long depends on the number of NetWare servers to synchronize and the number of accounts to propagate. The article does not say in which order the servers are sent their accounts.',
		matches: /how long it takes|how many NetWare servers/i,
	},
	'reconstruct-procedure': {
		articles: ['Q148678', 'Q154761'],
		says: 'Without a backup: delete WINNT_SYNC_AGENT on each NetWare server of the domain, restore the bindery from a backup if it should go back to its state from before, add the server back in Synchronization Manager, set a new password for each propagated user.',
		matches: /\breconstruct|no backup|new password|propagated user/i,
	},
	'new-pdc': {
		articles: ['Q154761'],
		says: 'After the PDC failed, with a backup: promote a BDC, install DSMN on it if not done, net stop MSSYNC, create a backup subfolder of SYNCAGNT, copy MSSYNC.MDB, SYSTEM.MDB, JET*.LOG and *.PAT into it, start MSSYNC, Synchronize all servers.',
		matches: /\bpromot|\bBDC\b|new PDC|backup subfolder|PDC was lost/i,
	},
	'old-pdc-stops': {
		articles: ['Q188357'],
		says: 'MSSYNC runs only on the PDC: on the old PDC, when a new PDC begins running in the domain, the Sync Agent Service stops and logs that it can only run on the PDC.',
		matches: /old PDC .*stops|only (run )?on the PDC/i,
	},
	'bindery-from-before': {
		articles: ['Q154761', 'Q148678'],
		says: 'The bindery backup to restore is one from before the server was added to the domain (Q154761); Q148678 makes the restore optional: only if the bindery should go back to its state before synchronization.',
		matches: /before the server joined|before (it|the server) was added|state before/i,
	},
	'readd-migrate': {
		articles: ['Q154761', 'Q189441', 'Q183684'],
		says: 'Adding a server again, one chooses which of its accounts move into the domain and which groups go back to it (Q154761, Q183684); Q189441, after its accounts went missing, adds the servers back without migrating user accounts.',
		matches: /\bmigrat|move into the domain|go back to it/i,
	},
	'agent-blocks-add': {
		articles: ['Q149906', 'Q153617'],
		says: 'While WINNT_SYNC_AGENT is on a NetWare server, adding it to a domain fails with "<server> has already been added to a Windows NT Domain"; deleting it, then adding the server, writes fresh DSMN information to the bindery.',
		matches: /already been added|WINNT_SYNC_AGENT (exists|is still)/i,
	},
	'release-instead': {
		articles: ['Q149906'],
		says: 'The other fix: release the server in the DSMN that manages it instead of deleting WINNT_SYNC_AGENT.',
		matches: /\brelease\b/i,
		strict: true,
	},
	'bindery-after-delete': {
		articles: ['Q149906'],
		says: 'After deleting WINNT_SYNC_AGENT, the bindery may have to be restored before the server can be added again.',
		matches: /may (need|have) to (be )?restore|before (it|the server) can be added/i,
		strict: true,
	},
	'propagated-accounts': {
		articles: ['Q183684'],
		says: 'Only NetWare-enabled accounts ("Maintain NetWare Compatible Login") of the groups chosen for a server are propagated to it; the lists may differ per server; only what changed is sent.',
		matches: /NetWare-enabled|groups chosen|Maintain NetWare Compatible Login|only what changed/i,
	},
	'add-server-dialog': {
		articles: ['Q183684'],
		says: 'Add Server to Manage (NetWare Server menu) lists the NetWare servers seen, asks for a Supervisor or equivalent login, and lets one choose the users and groups the domain manages; accounts not moved are kept or deleted on the server.',
		matches: /Add Server to Manage|Supervisor/i,
	},
	limits: {
		articles: ['Q183684'],
		says: 'Up to 2,000 accounts propagated to a NetWare server; at most 32 NetWare servers per domain recommended.',
		matches: /2,?000 accounts|32 (NetWare )?servers/i,
	},
	chgpass: {
		articles: ['Q183684'],
		says: 'NetWare users change their password with CHGPASS (Chgpass.exe, which comes with DSMN): it changes it on every server the account goes to and in the domain; a NetWare utility changes it only on the servers the user is attached to.',
		matches: /\bCHGPASS\b/i,
		strict: true,
	},
	'setpass-breaks-sync': {
		articles: ['Q188356'],
		says: 'A password changed with SETPASS on the NetWare server does not go back to DSMN: the account can no longer be synchronized (Event 8020). Change passwords through Windows NT.',
		matches: /^(?!.*(removed properly|old DSMN domain|still names the old)).*(\bSETPASS\b|\b8020\b)/i,
		strict: true,
	},
	'setpass-old-domain': {
		articles: ['Q153617'],
		says: 'A NetWare server that was not removed properly in Synchronization Manager still names the old DSMN domain and PDC to CHGPASS; there, SETPASS changes the password on the server.',
		matches: /not (been )?removed properly|still names the old|Error getting PDC name/i,
		strict: true,
	},
	syncpdc: {
		articles: ['Q153617'],
		says: "The bindery object MS_WINNT's SYNCPDC property names the PDC; when it is wrong, delete WINNT_SYNC_AGENT and add the server again.",
		matches: /\bSYNCPDC\b/,
	},
	'change-log-8005': {
		articles: ['Q189441'],
		says: 'When MSSYNC cannot find the last change log entry it processed, it logs Event 8005 and some user and group changes may be lost; a ChangeLogSize at its maximum prevents it. Groups lost so are missing from the database (DSMDUMP shows it) and a full replication does not bring them back.',
		matches: /\b8005\b|change log|ChangeLogSize/i,
		strict: true,
	},
	'full-synchronize': {
		articles: ['Q148678', 'Q253716'],
		says: 'Fully synchronize is on the NetWare Server menu (Q148678); Q253716 migrates deleted users again by fully synchronizing the server, and permissions given to single users are lost that way.',
		matches: /fully synchroni[sz]e|full synchroni[sz]/i,
	},
	dsmpack: {
		articles: ['Q197852', 'Q188357'],
		says: 'dsmpack /r, installed with DSMN, repairs and compacts the database after a crash or power cut or when MSSYNC will not start: at a command prompt in SYNCAGNT, MSSYNC stopped, keeping mssync.bkp. Q188357 runs it for Jet error -530 before deleting the old logs.',
		matches: /\bdsmpack\b|mssync\.bkp/i,
		strict: true,
	},
	'jet-530': {
		articles: ['Q188357'],
		says: 'Jet error -530 (JET_errBadLogSignature): the logs do not match the database; run dsmpack, then delete JET*.LOG, JET*.CHK and RES*.LOG, then start MSSYNC.',
		matches: /-530|log signature|old logs|checkpoint|reserve log|JET\*\.CHK|RES\*\.LOG/i,
	},
	'backup-options': {
		articles: ['Q188357'],
		says: "Synchronization Manager's Set Database Backup Options copies the database to chosen paths, NetWare volumes included.",
		matches: /Set Database Backup Options/i,
	},
	'error-1317': {
		articles: ['Q188357'],
		says: 'Error 1317 (ERROR_NO_SUCH_USER) in a Sync Agent event: WINNT_SYNC_AGENT was deleted from a server that is still managed.',
		matches: /\b1317\b/,
	},
	dsmdump: {
		articles: ['Q197852', 'Q189441'],
		says: 'DSMDUMP prints the database (its server and account tables): in SYNCAGNT with MSSYNC stopped; it is not installed by default but expanded from the installation medium.',
		matches: /\bDSMDUMP\b/i,
		strict: true,
	},
	dsmchk: {
		articles: ['Q154760', 'Q197852'],
		says: "dsmchk -d DOMAIN -u USER [-n SERVER] compares a user's password on the NetWare servers with the PDC's; exit 0 in sync, 1 not in sync, 2-5 unknown server, domain, user, or not propagated there. Expanded from the DSMN disc.",
		matches: /\bDSMCHK\b/i,
		strict: true,
	},
	'netware-4x': {
		articles: ['Q145589'],
		says: 'DSMN adds NetWare 2.x and 3.x servers; a 4.x server only in bindery emulation and only after Allow4X (REG_DWORD 1) under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters and a restart of the NT server; without it: "<server> is a Netware 4.X server. It cannot be added to the Domain."',
		matches: /\b4\.x\b|Allow4X/i,
		strict: true,
	},
	nwcworkstation: {
		articles: ['Q154706'],
		says: 'MSSYNC depends on NwcWorkstation, the service of Gateway Service for NetWare.',
		matches: /NwcWorkstation|Gateway Services? for NetWare/i,
		strict: true,
	},
	'stop-2184': {
		articles: ['Q171882'],
		says: 'A stop can end with "The service has not been started." (NET HELPMSG 2184, Error 2184) although the service stopped correctly.',
		matches: /\b2184\b/,
		strict: true,
	},
	'jet-logs-recovery': {
		articles: ['Q154762'],
		says: 'The Jet<n>.log files rebuild the database when MSSYNC was stopped abruptly; a full backup processes and deletes them.',
		matches: /stopped abruptly|full backup/i,
	},
} as const satisfies Record<string, Claim>;

export type ClaimId = keyof typeof CLAIMS;

/** "KB Q1, Q2": the articles a claim is cited by (all of them, or the ones named). */
export function cite(id: ClaimId, only?: readonly Article[]): string {
	const articles = (CLAIMS[id].articles as readonly Article[]).filter(a => !only || only.includes(a));
	if (articles.length === 0) throw new Error(`claim ${id} is not said by ${only?.join(', ')}`);
	return `KB ${articles.join(', ')}`;
}

/** "KB Q1, Q2" for a sentence that makes several claims: the articles of each, once. */
export function citeEach(ids: readonly ClaimId[]): string {
	return `KB ${[...new Set(ids.flatMap(id => CLAIMS[id].articles as readonly Article[]))].join(', ')}`;
}

/** Claims known to be wrong that a text must never make again, with what the articles say instead. */
export const WRONG_CLAIMS: readonly {matches: RegExp; instead: string}[] = [
	{matches: /every (domain )?account (is |goes |gets )?(propagated )?(again )?to every/i, instead: CLAIMS['propagated-accounts'].says},
	{matches: /propagates every account/i, instead: CLAIMS['propagated-accounts'].says},
	{matches: /as they were before DSMN managed/i, instead: 'NET$*.OLD are whatever BINDFIX last kept, of any date.'},
	{matches: /dialog (itself )?offers how the propagated accounts get their passwords/i, instead: CLAIMS['add-server-dialog'].says},
	{matches: /\bMSLOGIN\b.*Q\d{6}/, instead: 'None of the cited articles names MSLOGIN.'},
];

const CITED = /\bQ\d{6}\b/g;

/** The sentences of a text: split after a period, ! or ? followed by a space and a capital or a quote, and at line ends. */
function sentences(text: string): string[] {
	return text
		.split(/(?<=[.!?])\s+(?=[A-Z"'(])|\n/)
		.map(s => s.trim())
		.filter(Boolean);
}

/** What is wrong with a text's citations: one line per problem, none when every citation holds. */
export function citationProblems(text: string): string[] {
	const problems: string[] = [];
	for (const wrong of WRONG_CLAIMS) if (wrong.matches.test(text)) problems.push(`a wrong claim ("${text.match(wrong.matches)![0]}"): ${wrong.instead}`);
	for (const sentence of sentences(text)) {
		const cited = [...new Set(sentence.match(CITED) ?? [])];
		if (cited.length === 0) continue;
		const unknown = cited.filter(a => !(a in ARTICLES));
		for (const a of unknown) problems.push(`${a} is not in the table of articles: "${sentence}"`);
		const made = Object.entries(CLAIMS).filter(([, claim]) => claim.matches.test(sentence));
		if (made.length === 0) {
			problems.push(`cites ${cited.join(', ')} for a claim the table does not hold: "${sentence}"`);
			continue;
		}
		const backed = new Set<string>(made.flatMap(([, claim]) => claim.articles));
		for (const a of cited) if (a in ARTICLES && !backed.has(a)) problems.push(`cites ${a}, which says none of what this sentence claims: "${sentence}"`);
		for (const [id, claim] of made)
			if ((claim as Claim).strict && !claim.articles.some(a => cited.includes(a)))
				problems.push(`claims "${id}" without citing ${claim.articles.join(' or ')}: "${sentence}"`);
	}
	return problems;
}

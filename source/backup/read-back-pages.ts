/**
 * The copy step's read-back, verifying pages in the same pass it hashes (ARCHITECTURE.md, "Validation
 * rules"): each chunk of a copied MSSYNC.MDB, SYSTEM.MDB or patch file, as the target reads it back, goes
 * through the page verifier (`jet/verify-pages.ts`), so the copy is judged as JET will read it before it is
 * renamed into place, at no second read. Files that are not Jet 500 databases (logs, a JET 200-format
 * database) are hashed only.
 */
import {HintedError} from '../errors/hinted-error.js';
import {readDatabaseHeader} from '../jet/read-header.js';
import {PageVerifier, type PageFileKind} from '../jet/verify-pages.js';
import {classifyName, REQUIRED_DATABASES} from './classify.js';
import {pageFindings} from './page-findings.js';

const PAGE = 4096;

/** A page of the copy fails as the engine would fail its read: nothing was put in place. */
export class ReadBackPageError extends HintedError {
	declare readonly hint: string;
	constructor(name: string, problem: string) {
		super(
			`the copy of ${name} read back with ${problem}`,
			'nothing of it was put in place; check the backup again (dsmn-resync check) and the disk it is copied to, then retry',
		);
	}
}

export class ReadBackPages {
	private readonly verifier: PageVerifier;
	private readonly head = new Uint8Array(PAGE);
	private headBytes = 0;

	private constructor(
		private readonly name: string,
		private readonly kind: PageFileKind,
	) {
		this.verifier = new PageVerifier(kind);
	}

	/** A verifier for a file the restore copies, or undefined when its pages are not checked (logs and the rest). */
	static for(name: string): ReadBackPages | undefined {
		const kind = classifyName(name);
		if (kind === 'patch') return new ReadBackPages(name, 'patch');
		if (kind === 'database' && (REQUIRED_DATABASES as readonly string[]).includes(name.toUpperCase())) return new ReadBackPages(name, 'database');
		return undefined;
	}

	/** One chunk of the copy as it is read back, in order. */
	readonly push = (chunk: Uint8Array): void => {
		if (this.headBytes < PAGE) {
			const take = Math.min(PAGE - this.headBytes, chunk.byteLength);
			this.head.set(chunk.subarray(0, take), this.headBytes);
			this.headBytes += take;
		}
		this.verifier.push(chunk);
	};

	/**
	 * The pages verified in the copy; undefined when it is not a Jet 500 file (its pages are not Jet 500's).
	 * Throws `ReadBackPageError` naming the first bad page.
	 */
	check(): number | undefined {
		const header = readDatabaseHeader(this.head.subarray(0, this.headBytes));
		if (header.kind !== 'jet500' || header.layout !== 'jet500') return undefined;
		const scan = this.verifier.finish();
		const bad = pageFindings(scan, this.kind).find(f => f.status === 'error');
		if (bad) throw new ReadBackPageError(this.name, bad.message.replace(/^has /, '').replace(/\. Use another backup set$/, ''));
		return scan.verified;
	}
}

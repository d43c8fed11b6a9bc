/**
 * The seams between the procedure and a target: one interface per capability.
 * The practice lab, this Windows machine and a remote NT server each implement them.
 */
import type {CommandListener} from './run-command.js';
import type {ServiceCommandError} from '../services/service-messages.js';
import type {ServiceState} from '../services/service-state.js';
import type {Synchronization} from '../services/synchronization.js';
import type {ServerVersionSource} from './server-version.js';

/** Where a run works: a practice lab, this Windows machine, or a remote NT server. */
export type TargetKind = 'lab' | 'windows' | 'remote';

export type ServiceQuery = {ok: true; state: ServiceState} | {ok: false; error: ServiceCommandError};
export type ServiceControlResult = {ok: true} | {ok: false; error: ServiceCommandError};

export type ControlOptions = {signal?: AbortSignal | undefined; onCommand?: CommandListener | undefined};

export interface ServiceControl {
	readonly serviceName: string;
	/** The commands as the admin would type them, for confirmations and messages: "net stop MSSYNC". */
	describe(verb: 'stop' | 'start' | 'query'): string;
	/**
	 * What ends a stop that hangs (STOP_PENDING) on this target, where it is not Control Panel ▸ Services or a
	 * restart of the server: the practice lab's own command (ARCHITECTURE.md, "The lab").
	 */
	readonly stuck?: string | undefined;
	/** How the query's answer words a stopped service, where it is not sc's STOPPED (Samba's net: "MSSYNC service is stopped"). */
	readonly stoppedWords?: string | undefined;
	query(options?: ControlOptions): Promise<ServiceQuery>;
	stop(options?: ControlOptions): Promise<ServiceControlResult>;
	start(options?: ControlOptions): Promise<ServiceControlResult>;
}

export type FileFacts = {size: number; mtimeMs: number};
export type FileDigest = {size: number; sha256: string};
export type CopyInOptions = {
	onProgress?: (bytesDone: number) => void;
	signal?: AbortSignal;
	/** The bytes that were validated: a source that no longer hashes to this is refused before anything is put in place. */
	expect?: FileDigest;
	/** Asked once the copy is verified, just before it is renamed into place: a throw leaves nothing in place. */
	beforeRename?: () => Promise<void>;
	/** Each chunk of the copy as it is read back for its hash, in order: a database's pages are verified in the same pass. */
	readBack?: (chunk: Uint8Array) => void;
};

/**
 * Every file operation a run makes in SYNCAGNT and beside it (the snapshot and rolled-back folders), in
 * that folder's own path syntax: the local disk (node:fs), or a server's ADMIN$ share reached through
 * Samba's smbclient. Sources of copies (the backup) are always local. ARCHITECTURE.md, "Targets".
 */
export interface DatabaseFiles {
	/** The folder and name joined in this folder's own syntax. */
	join(folder: string, name: string): string;
	/** The names in a folder (files and folders); throws when the folder cannot be read. */
	list(folder: string): Promise<string[]>;
	/** Size and modification time; undefined when nothing is there. */
	stat(path: string): Promise<FileFacts | undefined>;
	/** Creates the folder (and its parents) when absent. */
	mkdir(folder: string): Promise<void>;
	/** Creates one folder atomically: fails with code EEXIST when anything of that name is there (the server's writer lock). */
	createFolder(folder: string): Promise<void>;
	/** Removes an empty folder of ours; nothing when absent; fails when it is not empty. */
	removeFolder(folder: string): Promise<void>;
	/** Writes a small text file of ours, replacing what is there (the writer lock's holder). */
	writeText(path: string, text: string): Promise<void>;
	/** Reads a small text file; undefined when nothing is there. */
	readText(path: string): Promise<string | undefined>;
	/** A rename on the same volume. Never replaces: fails when `to` exists. */
	rename(from: string, to: string): Promise<void>;
	/** Creates an empty file of ours (the preflight's write probe); fails when something is there. */
	touch(path: string): Promise<void>;
	/** Removes one file of ours (a partial copy, a write probe); nothing when absent. */
	remove(path: string): Promise<void>;
	/** Reads the file back and hashes it. */
	digest(path: string, signal?: AbortSignal): Promise<FileDigest>;
	/** Copies a local file in: through a temporary name beside `destination`, verified, then renamed into place. */
	copyIn(localSource: string, destination: string, options?: CopyInOptions): Promise<FileDigest>;
	/** Bytes free on the folder's volume; undefined when it cannot be measured. */
	freeBytes(folder: string): Promise<number | undefined>;
	/** Flushes a folder's entries (renames, creations) where the platform allows. */
	flush(folder: string): Promise<void>;
	/** Whether a rename can carry a file from one folder to the other (one volume); undefined when it cannot be told. */
	sameVolume(a: string, b: string): Promise<boolean | undefined>;
	/** How the folder is reached, in words for the admin ("through smbclient on //NTPDC1/ADMIN$, no mount"). */
	readonly access: string;
	/** What the reading back of a copy proves here, in words for the admin ("read back from the disk's cache"). */
	readonly verification: string;
}

/** Where DSMN keeps its database on the target, and where snapshots go (beside it: the same volume). */
export interface DatabaseFolder {
	readonly syncagnt: string;
	readonly snapshotParent: string;
	readonly files: DatabaseFiles;
}

export type NetWareServerInfo = {
	name: string;
	/** What Synchronization Manager shows: true = blue check, false = red X. */
	synchronized: boolean;
	syncAgent: boolean;
	users: number;
	problem?: string;
};

/** `backupUsers`: the users the backup holds, by name, where the target can read them (the lab). */
type BinderyBackupInfo = {ok: boolean; problems: string[]; usersInBackup: number; usersLost: string[]; backupUsers?: string[]; taken?: Date};

/**
 * Allow4X (REG_DWORD 1 under MSSYNC's Parameters key) as read from the PDC's registry: set; not set (the
 * value or its key missing, or another value than 1); or not read, with why in the reading command's own words.
 * Whether the NT server was restarted since it was set cannot be read by any of them.
 */
export type Allow4xReading = {state: 'set'; how: string} | {state: 'unset'; why: string} | {state: 'unread'; why: string};

export interface NetWareServers {
	list(): Promise<NetWareServerInfo[]>;
	/** Each server's NetWare version, where the target knows it (the lab does); absent where it must be asked. */
	netwareVersions?(): Promise<Record<string, '2.x' | '3.x' | '4.x'>>;
	/** Allow4X on the PDC (KB Q145589) as read now from its registry; absent where the target has no way to read it. */
	allow4x?(): Promise<Allow4xReading>;
	/** The reconstruct flow's NetWare steps; absent where a person must do them (a manual step). */
	reconstruct?: {
		deleteSyncAgent(server: string): Promise<'deleted' | 'absent'>;
		checkBinderyBackup(server: string): Promise<BinderyBackupInfo>;
		/** Keeps the current bindery in `aside`, then restores NET$*.OLD. */
		restoreBindery(server: string, aside: string): Promise<void>;
		binderyFolder(server: string): string;
		addToDomain(server: string): Promise<void>;
		/** The domain accounts DSMN propagates. */
		propagatedUsers(): Promise<string[]>;
		setPasswords(lines: readonly {name: string; password?: string; mustChange: boolean}[], initialPassword?: string): Promise<void>;
	};
}

export type Target = {
	kind: TargetKind;
	/** "practice lab in /tmp/lab", "this machine", "\\\\PDC1". */
	description: string;
	service: ServiceControl;
	/** NwcWorkstation (Gateway Service for NetWare), which MSSYNC depends on: the preflight queries it where the target can. */
	gateway?: ServiceControl;
	database: DatabaseFolder;
	servers: NetWareServers;
	/** `dsmpack /r` in SYNCAGNT (KB Q197852): run by the tool in the lab, its printed lines returned; absent where it runs at the server's console (a manual step). */
	repair?: {dsmpack(): Promise<string[]>};
	/**
	 * Why MSSYNC is stopped, where the target knows it (the lab: its last start's failure, as `lab status` says
	 * it); absent on a real server, whose System log the tool does not read.
	 */
	whyStopped?(): Promise<string | undefined>;
	/**
	 * When MSSYNC logged Event 8005 whose skipped changes no synchronize has sent since, where the target reads
	 * its Application log (the lab); undefined when none stands; absent on a real server, whose log the tool does not read.
	 */
	event8005?(): Promise<string | undefined>;
	/**
	 * A failure staged on purpose that makes MSSYNC refuse to start (the practice lab's start-refused fault), as
	 * what to do about it: its clear command. Undefined when none stands; absent on a real server.
	 */
	startRefusedOnPurpose?(): Promise<string | undefined>;
	/** "Synchronize all servers": run by the tool in the lab; a manual step on a real server. */
	sync?: Synchronization;
	/** Which NT the server runs (a JET 200-format database depends on it): asked of the server where the target can. */
	serverVersion?: ServerVersionSource;
	/** The NT server's name, for journal file names. */
	host: string;
	/** Where the run journal lives for this target. */
	journalDir: string;
	/** Where this target is, as the journal records it (the lab's folder, a host name). */
	location: string;
};

export const HELP = `dsmn-resync — bring NetWare servers back in sync with their Windows NT domain

When Directory Service Manager for NetWare (DSMN) keeps showing a red X next to
NetWare servers and "Synchronize…" does not clear it, this wizard walks you
through Microsoft KB Q148678: restore the account synchronization database from
a backup, or, with no backup, reconstruct the NetWare account information.
Every step that changes something is confirmed first and journaled. Stopping
MSSYNC and replacing its database can be rolled back; deleting a server's
WINNT_SYNC_AGENT, restoring a bindery and synchronizing cannot be undone by
the tool: the wizard says so before each.

USAGE
  dsmn-resync                              the wizard; asks where to work
  dsmn-resync --lab DIR                    the wizard on the practice lab in DIR
  dsmn-resync --target remote --host NAME  a real recovery: the DSMN server,
                                           reached from this modern machine
  dsmn-resync --target windows             a rehearsal on this Windows machine,
                                           with a service named MSSYNC here
  dsmn-resync check DIR [--json]           validate a backup set, every page;
             [--nt 3.51|4.0]               the server's NT version, if the
                                           set holds JET 200-format files
  dsmn-resync lab create DIR [OPTIONS]     make a practice lab
  dsmn-resync lab status DIR [--json]      show a practice lab's state
  dsmn-resync lab sync DIR [--full] [--json]
                                           "Synchronize all servers" in the lab
                                           (--full: "Fully synchronize…")
  dsmn-resync lab dsmdump DIR              the lab's DSMDUMP: the database's
                                           tables (MSSYNC stopped)
  dsmn-resync lab dsmchk DIR -d DOMAIN -u USER [-n SERVER]
                                           the lab's DSMCHK: exit 0 in sync,
                                           1 not; 2-5 unknown or not there
  dsmn-resync lab offline|online DIR NAME  a lab server stops/starts answering
  dsmn-resync lab net|sc DIR ARGS…         the lab's own net and sc, e.g.
                                           lab net DIR stop MSSYNC
  dsmn-resync lab dsmpack DIR              the lab's dsmpack /r (MSSYNC
                                           stopped; keeps mssync.bkp)
  dsmn-resync lab allow4x DIR              set Allow4X on the lab's PDC and
                                           restart it (NetWare 4.x, Q145589)
  dsmn-resync lab fault DIR FAULT          make MSSYNC fail, to practise:
                                           stop-refused, stop-hangs,
                                           start-refused, access-denied,
                                           gateway-stopped (System error
                                           1068), stop-says-2184;
                                           clear ends it

WIZARD ANSWERS (scripted runs: with every answer given, no terminal is needed)
  --flow restore|reconstruct     have a backup (restore) or not (reconstruct)
  --backup DIR                   the backup set to restore from
  --select FS1,FS2               servers to reconstruct (default: the red ones)
  --restore-bindery FS2          of those, restore these binderies from
                                 NET$*.OLD first (every change since is lost)
  --pdc same|new                 restore: on the PDC that ran DSMN (same,
                                 KB Q148678) or on a BDC promoted after the
                                 PDC was lost, DSMN newly installed (new,
                                 KB Q154761: the backup goes to SYNCAGNT\\Backup)
  --synchronize normal|full      restore: end with "Synchronize all servers" or
                                 "Fully synchronize all servers" (for a backup
                                 older than the change log covers: Event 8005)
  --repair dsmpack               instead of a restore, when MSSYNC will not
                                 start after a crash: repairs the database
                                 in place with dsmpack /r (KB Q197852),
                                 keeping mssync.bkp
  --netware FS1=3.x,FS2=4.x     each server's NetWare version (default 3.x):
                                 4.x gets no 3.x tools and needs Allow4X
  --supervisor yes|no            reconstruct: you have a Supervisor (or
                                 equivalent) login on each server, which
                                 Add Server to Manage asks for (KB Q183684);
                                 no: refused, nothing changed
  --password-policy random|initial
                                 a random password per user, or one initial
                                 password to change at next logon
  --passwords-file PATH          where new passwords go (only you may read it)
  --password-env NAME            read the initial password from variable NAME
  --yes, -y                      accept every confirmation (never a manual step)
  --resume | --rollback          continue or undo a run that was cut off
  --break-lock                   take over a server whose writer lock is held
                                 by a run believed gone (said why; journaled)
  --nt 3.51|4.0                  the server's NT version, where the tool cannot
                                 ask it (from Windows, or srvinfo failed)
  --json                         JSON lines instead of text, for every command
                                 (schema/dsmn-resync-events.schema.json)
  --syncagnt PATH                the SYNCAGNT folder (remote: a mounted share;
                                 without it, smbclient reaches ADMIN$)
  --credentials-file PATH        Samba authentication file (remote, mode 0600)
  --ascii                        ASCII only: [ok] [X] [!] # +-| for ✓ ✗ ⚠ █ ╭─│,
                                 for every command (the default when the
                                 locale is not UTF-8)

LAB OPTIONS (lab create)
  --servers N       NetWare servers, FS1…FSN (default 5; 1–999)
  --accounts N      NetWare-enabled domain accounts (default 120; 1–2000)
  --no-backup       make no backup/ folder (to practise the reconstruct flow)
  --offline NAME    a server that does not answer during synchronization
  --pace MS         time to propagate one account (default 125 ms; 0 = fast)
  --seed N          the same seed makes the same lab, byte for byte (default 1)
  --db-pages N      MSSYNC.MDB's size in 4 KiB pages (default 258, the least
                    Jet 500 makes; up to 524290, 2 GiB), for large scans
  --backup-age DAYS the backup is this old; accounts changed since (4 a day)
  --change-log-size N  the domain's change log holds the last N changes
                    (default 64): a restored backup older than it logs
                    Event 8005; lab sync DIR --full fixes what it skipped
  --wont-start      MSSYNC fails to start after a crash, until
                    dsmn-resync lab dsmpack DIR (dsmpack /r) repairs it
  --netware FS2=4.x servers that run NetWare 4.x (bindery emulation, no
                    BINDFIX backup); DSMN refuses them unless --allow4x
                    (Allow4X set on the PDC, KB Q145589)
  --new-pdc         the PDC was lost: a promoted BDC with DSMN newly
                    installed; the backup goes to SYNCAGNT\\Backup (Q154761)
  --nt 3.51|4.0     the NT version the lab's server reports (default 4.0)
  --role pdc|bdc    the role it reports (default pdc); a BDC is refused a
                    restore: promote it first (KB Q154761)

KEYS (the footer lists those that work on the screen shown)
  arrows, Enter  choose        Esc  back, where nothing has changed yet
  ?              why this step q, Ctrl+C  leave, at a safe point only
  In a text field every key is typed, q and ? too: Ctrl+C leaves from there.
  There Backspace erases a character, Ctrl+W a word, Ctrl+U the whole line.

EXIT STATUS (the same rule for the wizard and scripted runs)
  0    done: every step finished and no server is known to be red, or
       rolled back
  1    a step failed, the backup or the target was refused, or servers are still
       red at the end, or Event 8005 was seen (the lab): fully synchronize (the
       last screen or line says whether the run can resume)
  2    usage error: nothing was done
  3    a manual step waits for you: do it, then run again (--resume)
  130  left before the end (q, Ctrl+C, "Not now", "Leave it for now", "Leave
       now, nothing changed", SIGTERM, a closed session): a run that changed
       something waits in its journal, to resume

ENVIRONMENT
  NO_COLOR        no colours          TERM=linux  ASCII only
  TERM=dumb       ASCII only; each screen as plain lines appended
  LANG, LC_ALL, LC_CTYPE  a locale that is not UTF-8: ASCII only
  XDG_STATE_HOME  journals of real targets go to $XDG_STATE_HOME/dsmn-resync
                  (else ~/.local/state/dsmn-resync;
                  %LOCALAPPDATA%\\dsmn-resync on Windows)
  DSMN_RESYNC_SERVICE_TIMEOUT  seconds MSSYNC may take to stop or start
                  (default 90); it also bounds each net and smbclient call
  DSMN_RESYNC_SERVICE  the service to control (default MSSYNC;
                  Spooler to rehearse on a Samba server)
  DSMN_RESYNC_GATEWAY  the service MSSYNC depends on, checked first
                  (default NwcWorkstation; empty: none)
  DSMN_RESYNC_SMB_PORT  the port net and smbclient connect to
                  (a test server, an SSH tunnel)

EXAMPLES
  dsmn-resync lab create ./lab && dsmn-resync --lab ./lab
  dsmn-resync check ./lab/backup
  dsmn-resync --lab ./lab --flow restore --pdc same --synchronize normal \\
              --backup ./lab/backup --yes
`;

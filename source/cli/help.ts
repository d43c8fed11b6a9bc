export const HELP = `dsmn-resync — bring NetWare servers back in sync with their Windows NT domain

When Directory Service Manager for NetWare (DSMN) keeps showing a red X next to
NetWare servers and "Synchronize…" does not clear it, this wizard walks you
through Microsoft KB Q148678: restore the account synchronization database from
a backup, or, with no backup, reconstruct the NetWare account information.
Every destructive step is confirmed, journaled and reversible.

USAGE
  dsmn-resync                                  the wizard; asks where to work
  dsmn-resync --lab DIR                        the wizard on the practice lab in DIR
  dsmn-resync --target remote --host NAME      a real recovery: the NT server running DSMN,
                                               from this (modern Windows, Linux or macOS) machine
  dsmn-resync --target windows                 a rehearsal on this Windows machine, against a
                                               service named MSSYNC here (never a DSMN server)
  dsmn-resync check DIR [--json]               validate a backup set
  dsmn-resync lab create DIR [OPTIONS]         make a practice lab
  dsmn-resync lab status DIR [--json]          show a practice lab's state
  dsmn-resync lab sync DIR [--json]            "Synchronize all servers" in the lab, no wizard
  dsmn-resync lab offline|online DIR NAME      make a lab server stop or start answering
  dsmn-resync lab fault DIR FAULT              make the lab's MSSYNC fail, to practise:
                                 stop-refused, stop-hangs, start-refused,
                                 access-denied; clear ends it

WIZARD ANSWERS (scripted runs: with every answer given, no terminal is needed)
  --flow restore|reconstruct     have a backup (restore) or not (reconstruct)
  --backup DIR                   the backup set to restore from
  --select FS1,FS2               servers to reconstruct (default: those with a red X)
  --restore-bindery FS2          of those, restore these binderies from NET$*.OLD
                                 first (every change since that backup is lost)
  --password-policy random|initial
                                 a random password per user, or one initial
                                 password to change at next logon
  --passwords-file PATH          where new passwords are written (only you may read it)
  --password-env NAME            read the initial password from variable NAME
  --yes, -y                      accept every confirmation (never a manual step)
  --resume | --rollback          continue or undo a run that was cut off
  --json                         print JSON lines instead of text
  --syncagnt PATH                the SYNCAGNT folder (remote: a mounted share; without it, smbclient)
  --credentials-file PATH        Samba authentication file (remote, mode 0600)
  --ascii                        draw [ok] [X] [!] and # instead of ✓ ✗ ⚠ █

LAB OPTIONS (lab create)
  --servers N       NetWare servers, FS1…FSN (default 5; 1–999)
  --accounts N      NetWare-enabled domain accounts (default 120; 1–2000)
  --no-backup       make no backup/ folder (to practise the reconstruct flow)
  --offline NAME    a server that does not answer during synchronization
  --pace MS         simulated time to propagate one account (default 125; 0 = fast)
  --seed N          the same seed makes the same lab, byte for byte (default 1)

KEYS
  arrows, Enter  choose        Esc  back, where nothing has changed yet
  ?              why this step q, Ctrl+C  leave, at a safe point only

EXIT STATUS
  0 done   1 the procedure failed or was refused   2 usage error
  3 stopped at a manual step (run again with --resume once it is done)
  130 interrupted

ENVIRONMENT
  NO_COLOR        no colours          TERM=dumb|linux  ASCII marks only
  XDG_STATE_HOME  journals of real targets go to $XDG_STATE_HOME/dsmn-resync
                  (else ~/.local/state/dsmn-resync; %LOCALAPPDATA%\\dsmn-resync on Windows)
  DSMN_RESYNC_SERVICE_TIMEOUT  seconds MSSYNC may take to stop or start (default 90)
  DSMN_RESYNC_SERVICE  the service to control (default MSSYNC; Spooler to rehearse on Samba)
  DSMN_RESYNC_SMB_PORT the port net and smbclient connect to (a test server, a tunnel)

EXAMPLES
  dsmn-resync lab create ./lab && dsmn-resync --lab ./lab
  dsmn-resync check ./lab/backup
  dsmn-resync --lab ./lab --flow restore --backup ./lab/backup --yes
`;

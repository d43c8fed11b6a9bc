/**
 * What the wizard does beyond drawing: loaded only after its first frame is on screen, so that the
 * first question appears as fast as a one-line Ink app (zod, execa and fast-glob are large to parse).
 */
export {discoverBackups} from '../backup/discover.js';
export {validateBackup} from '../backup/validate.js';
export {completePath} from '../fs/complete-path.js';
export {JournalError} from '../journal/journal.js';
export {openTarget, otherRunEvent, otherRunText} from '../app/open-target.js';
export {restorePreflight} from '../app/prepare-restore.js';
export {reconstructPreflight} from '../app/prepare-reconstruct.js';
export {allow4xRefusal, effectiveVersions} from '../procedure/allow4x-check.js';
export {createLab} from '../lab/create.js';
export {loadLab} from '../lab/state.js';
export {preflight} from '../targets/preflight.js';
export {temporaryCredentialsFile} from '../targets/real/credentials.js';
export {initialPasswordProblem, passwordsFileProblem} from '../procedure/passwords.js';
export {earlierListsWarning, earlierPasswordLists, ReconstructRun, reconstructSteps} from '../procedure/reconstruct-run.js';
export {RestoreRun} from '../procedure/restore-run.js';
export {NewPdcRun} from '../procedure/new-pdc-run.js';
export {RepairRun} from '../procedure/repair-run.js';
export {RESTORE_STEPS} from '../procedure/restore-steps.js';
export {describeSynchronizeOnly, SYNCHRONIZE_ONLY, synchronizeOnly, synchronizeOnlyWhy} from '../procedure/synchronize-only.js';
export {resumeUnfinished} from '../app/unfinished-run.js';
export {serviceOnResume} from '../app/service-as-found.js';
export {beginReconstruct, beginRestore} from '../app/begin-run.js';
export {afterRunChecks} from '../app/after-run-checks.js';
export {finishRun} from '../app/finish-run.js';

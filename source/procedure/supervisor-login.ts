/**
 * Why a reconstruct needs a NetWare Supervisor (or equivalent) login on each server, and what to do without
 * one: the same words for the wizard's answer "I have no Supervisor login on some of them" and the scripted
 * `--supervisor no` (ARCHITECTURE.md, "The claims table").
 */
import {cite} from './claims.js';

export const SUPERVISOR_NEEDED = `Each server you reconstruct needs a NetWare Supervisor (or Supervisor-equivalent) login: WINNT_SYNC_AGENT is deleted on the server as SUPERVISOR, and Synchronization Manager's Add Server to Manage asks for a Supervisor or equivalent login before it adds the server back (${cite('add-server-dialog')}). Without it, a server whose WINNT_SYNC_AGENT was deleted could not be added back, and would stay outside the domain.`;

export const SUPERVISOR_ADVICE =
	"get a login for each server first (the server's SUPERVISOR password, or an account its NetWare administrator made Supervisor-equivalent), then start again";

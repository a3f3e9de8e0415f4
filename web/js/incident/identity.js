// Before a change: who is writing. That is the logged-in user; without a login the page goes to the
// login page (me.js), so there is nothing to ask here.
import { loadMe } from '../me.js';
import { currentIdentity } from './who.js';

/** Resolves with {author, organisation} of the logged-in user. */
export async function ensureIdentity() {
  await loadMe();
  return currentIdentity();
}

// Who is writing: the logged-in user (me.js), as the name and organisation shown with every change.
// The server takes them from the login, never from the page.
import { me } from '../me.js';

/** {author, organisation} of the logged-in user, or null before /api/me has answered. */
export function currentIdentity() {
  const user = me();
  return user ? { author: user.displayName, organisation: user.organisation.name } : null;
}

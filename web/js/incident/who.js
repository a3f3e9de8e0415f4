// Who is writing, until login exists: a name and organisation kept in this browser
// (localStorage) and sent with every change (see api.js; identity.js asks for them).
const KEY = 'zorgbeeld.identity';

export function currentIdentity() {
  try {
    const value = JSON.parse(localStorage.getItem(KEY));
    return value?.author && value?.organisation ? value : null;
  } catch {
    return null;
  }
}

export function saveIdentity(author, organisation) {
  localStorage.setItem(KEY, JSON.stringify({ author, organisation }));
}

/** The user closed the question without answering: the change is not made, and that is no error. */
export class IdentityCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

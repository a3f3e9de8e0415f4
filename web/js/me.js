// Who is logged in: GET /api/me, asked once per page. Without a login (401) the browser goes to the
// login page, which comes back here afterwards. Every change the page sends carries the session's
// CSRF token (send.js).
//
// API
//   loadMe()       Promise of {login, displayName, organisation {id, name, kind, regionCode}, roles, institutionId, csrfToken}
//   me()           the same, once loaded (null before)
//   toLogin()      goes to the login page, to return to this address
//   logout()       ends the session and goes to the login page
let current = null;
let loading = null;

export function loadMe() {
  if (!loading) {
    loading = fetch('/api/me', { headers: { Accept: 'application/json' } }).then(async (response) => {
      if (response.status === 401) {
        toLogin();
        return new Promise(() => {});
      }
      if (!response.ok) throw new Error(`/api/me gaf HTTP ${response.status}`);
      current = await response.json();
      return current;
    });
  }
  return loading;
}

export function me() {
  return current;
}

export function toLogin() {
  const back = window.location.pathname + window.location.search + window.location.hash;
  window.location.assign(`/login.html?terug=${encodeURIComponent(back)}`);
}

export async function logout() {
  await fetch('/auth/logout', { method: 'POST' });
  window.location.assign('/login.html');
}

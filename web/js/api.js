// Reads JSON from the app's own API. A failure becomes an Error whose message can be shown to the
// user: the server's error body ({title, detail, requestId}) is kept. A 401 (not or no longer
// logged in) goes to the login page.
import { toLogin } from './me.js';

export async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json, application/geo+json' } });
  } catch {
    throw new Error(`de server is niet bereikbaar (${path})`);
  }
  if (response.status === 401) {
    toLogin();
    return new Promise(() => {});
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = [body.detail || body.title, body.requestId && `verzoek ${body.requestId}`].filter(Boolean).join(', ');
    } catch {
      // The body was not JSON; the status text has to do.
    }
    throw new Error(`${path} gaf HTTP ${response.status}: ${detail}`);
  }
  return response.json();
}

// Reads JSON from the app's own API. A failure becomes an Error whose message can be shown to the
// user: the server's error body ({title, detail, requestId}) is kept.

export async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json, application/geo+json' } });
  } catch {
    throw new Error(`de server is niet bereikbaar (${path})`);
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

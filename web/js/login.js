// The login page: password, then the code from the authenticator app, or at the first login the
// one-time enrolment code and the coupling of the app (QR code). Organisations with their own
// identity provider get a button that starts that login. Afterwards the browser returns to the
// address in ?terug= (only an address of this site).
const $ = (id) => document.getElementById(id);
const steps = ['password-form', 'totp-form', 'enrol-form', 'confirm-form'];

const MESSAGES = {
  LoginFailed: 'Inlognaam of wachtwoord is onjuist.',
  CodeRejected: 'De code is onjuist. Probeer de volgende code uit de app.',
  AccountLocked: 'Te veel onjuiste pogingen: dit account is tijdelijk geblokkeerd. Probeer het over een kwartier opnieuw.',
  TooManyAttempts: 'Te veel mislukte pogingen vanaf dit adres. Probeer het later opnieuw.',
  EnrolmentCodeExpired: 'Er is geen geldige eenmalige code voor dit account. Vraag uw beheerder om een nieuwe.',
  LoginRequired: 'Het inloggen duurde te lang. Begin opnieuw.',
};

function back() {
  const target = new URLSearchParams(window.location.search).get('terug');
  return target && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

function show(step) {
  steps.forEach((id) => { $(id).hidden = id !== step; });
  const first = $(step).querySelector('input');
  if (first) first.focus();
}

function error(text) {
  $('login-error').hidden = !text;
  $('login-error').textContent = text || '';
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const err = new Error(MESSAGES[json?.code] || json?.detail || `Inloggen mislukt (HTTP ${response.status}).`);
    err.code = json?.code;
    throw err;
  }
  return json;
}

function handle(formId, action) {
  const form = $(formId);
  // The buttons are disabled in the page until this script runs: without it a form would be sent as a GET, password and all.
  form.querySelector('button').disabled = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    error(null);
    try {
      await action(Object.fromEntries(new FormData(form)));
    } catch (e) {
      error(e.message);
      if (e.code === 'LoginRequired') show('password-form');
    } finally {
      button.disabled = false;
    }
  });
}

handle('password-form', async ({ login, password }) => {
  const { step } = await post('/auth/login', { login, password });
  show(step === 'enrol' ? 'enrol-form' : 'totp-form');
});

handle('totp-form', async ({ code }) => {
  await post('/auth/totp', { code });
  window.location.assign(back());
});

handle('enrol-form', async ({ enrolmentCode }) => {
  const enrolment = await post('/auth/enrol', { enrolmentCode });
  // The QR code is an SVG the server drew from the otpauth address; it contains no script.
  $('qr').innerHTML = enrolment.qrSvg;
  $('secret').textContent = enrolment.secret;
  show('confirm-form');
});

handle('confirm-form', async ({ code }) => {
  await post('/auth/enrol/confirm', { code });
  window.location.assign(back());
});

fetch('/auth/providers').then((r) => (r.ok ? r.json() : [])).then((providers) => {
  const list = $('providers');
  providers.forEach((p) => {
    const a = document.createElement('a');
    a.href = `/auth/oidc/${p.organisationId}/start`;
    a.textContent = `Inloggen via ${p.name}`;
    const item = document.createElement('li');
    item.append(a);
    list.append(item);
  });
  list.hidden = providers.length === 0;
}).catch(() => {});

// After a federated login the provider's answer may still need Zorgbeeld's own second factor.
const step = new URLSearchParams(window.location.search).get('stap');
show(step === 'totp' ? 'totp-form' : step === 'enrol' ? 'enrol-form' : 'password-form');
document.body.dataset.ready = 'true';

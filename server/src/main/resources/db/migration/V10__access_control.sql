-- Access control: organisations, users and their roles, sessions, API tokens, invitations to
-- incidents, and the audit trail of every write.
--
-- Secrets are never stored as given: passwords as argon2id hashes, session ids, API tokens and
-- one-time enrolment codes as SHA-256 hashes (they are long random values, so a fast hash is
-- enough). The TOTP secret has to be readable to check a code, so it is kept as it is.

CREATE TABLE organisation (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                   text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    kind                   text NOT NULL CHECK (kind IN ('ghor', 'veiligheidsregio', 'zorginstelling', 'overig')),
    -- The safety region the organisation belongs to: it sees that region's incidents.
    region_code            text NOT NULL CHECK (region_code ~ '^[A-Za-z0-9_-]{1,32}$'),
    -- The care location in the reference layer this organisation is (institution.id; no foreign
    -- key, as elsewhere: reference data is re-imported).
    institution_id         text,
    -- Federated login (OIDC): the provider's issuer, this app's client id there, and where the
    -- client secret is (the name of an environment variable, never the secret itself).
    oidc_issuer            text,
    oidc_client_id         text,
    oidc_client_secret_ref text,
    -- The provider gives no second factor: Zorgbeeld asks its own TOTP code after the OIDC login.
    oidc_add_totp          boolean NOT NULL DEFAULT false,
    -- The provider's acr values that mean a multi-factor login (besides the amr claim).
    oidc_mfa_acr_values    text[] NOT NULL DEFAULT '{}',
    demo                   boolean NOT NULL DEFAULT false,
    created_at             timestamptz NOT NULL DEFAULT now(),
    CHECK ((oidc_issuer IS NULL) = (oidc_client_id IS NULL))
);
CREATE UNIQUE INDEX organisation_name_idx ON organisation (lower(name));

CREATE TABLE app_user (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login                    text NOT NULL CHECK (login ~ '^[A-Za-z0-9._@-]{2,100}$'),
    display_name             text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 200),
    organisation_id          bigint NOT NULL REFERENCES organisation (id),
    -- argon2id in PHC string form; null for a user who only logs in through the organisation's provider.
    password_hash            text,
    -- The subject (sub) the organisation's identity provider gives this user, once known.
    external_subject         text,
    -- Base32; set when enrolment is confirmed.
    totp_secret              text,
    enrolment                text NOT NULL DEFAULT 'pending' CHECK (enrolment IN ('pending', 'enrolled')),
    enrolment_code_hash      text,
    enrolment_code_expires   timestamptz,
    disabled                 boolean NOT NULL DEFAULT false,
    -- Wrong passwords and codes in a row; reaching the limit locks the account until locked_until.
    failed_attempts          integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until             timestamptz,
    -- The 30-second time step of the last accepted TOTP code: a code of that step or earlier is a replay.
    last_totp_step           bigint,
    -- An informatiecoordinator speaks for one care location (institution.id).
    institution_id           text,
    demo                     boolean NOT NULL DEFAULT false,
    created_at               timestamptz NOT NULL DEFAULT now(),
    CHECK (enrolment = 'pending' OR totp_secret IS NOT NULL)
);
CREATE UNIQUE INDEX app_user_login_idx ON app_user (lower(login));
CREATE UNIQUE INDEX app_user_subject_idx ON app_user (organisation_id, external_subject) WHERE external_subject IS NOT NULL;
CREATE INDEX app_user_organisation_idx ON app_user (organisation_id);

CREATE TABLE user_role (
    user_id  bigint NOT NULL REFERENCES app_user (id),
    role     text NOT NULL CHECK (role IN ('beheerder', 'organisatiebeheerder', 'hoofd-informatie', 'gags',
                 'informatiecoordinator', 'lezer')),
    PRIMARY KEY (user_id, role)
);

-- A browser session. 'totp', 'enrol' and 'enrol_confirm' are the steps of a login under way (the
-- password was right, the second factor is still to come); only 'full' opens the API.
CREATE TABLE user_session (
    id_hash         text PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES app_user (id),
    state           text NOT NULL CHECK (state IN ('totp', 'enrol', 'enrol_confirm', 'full')),
    -- The TOTP secret offered at enrolment, until the first code confirms it.
    pending_secret  text,
    csrf_token      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- A federated login sent to the organisation's identity provider and not yet back (state, nonce,
-- PKCE verifier), found again through the browser's zb_oidc cookie, which holds the id; used once.
CREATE TABLE oidc_pending_login (
    id_hash          text PRIMARY KEY,
    organisation_id  bigint NOT NULL REFERENCES organisation (id),
    state            text NOT NULL,
    nonce            text NOT NULL,
    code_verifier    text NOT NULL,
    redirect_uri     text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_token (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES app_user (id),
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    scope       text NOT NULL CHECK (scope IN ('read', 'read-write')),
    token_hash  text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    last_used_at timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- An organisation outside the incident's safety region that may see the incident. Removing it
-- closes the row (removed_at); a new invitation is a new row.
CREATE TABLE incident_invitation (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id      bigint NOT NULL REFERENCES incident (id),
    organisation_id  bigint NOT NULL REFERENCES organisation (id),
    invited_by       bigint NOT NULL REFERENCES app_user (id),
    invited_at       timestamptz NOT NULL DEFAULT now(),
    removed_by       bigint REFERENCES app_user (id),
    removed_at       timestamptz,
    CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
CREATE UNIQUE INDEX incident_invitation_current_idx ON incident_invitation (incident_id, organisation_id) WHERE removed_at IS NULL;
CREATE INDEX incident_invitation_organisation_idx ON incident_invitation (organisation_id) WHERE removed_at IS NULL;

-- The audit trail: one row per write, in the same transaction as the write, naming the user by id
-- and login (kept as text, so the row stays true when the user is renamed), the organisation and
-- the roles the user had then. Append-only: a trigger refuses every change and removal.
CREATE TABLE audit_entry (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL DEFAULT now(),
    user_id          bigint REFERENCES app_user (id),
    login            text NOT NULL,
    organisation_id  bigint REFERENCES organisation (id),
    organisation     text NOT NULL,
    roles            text[] NOT NULL,
    action           text NOT NULL,
    object_type      text NOT NULL,
    object_id        text,
    incident_id      bigint REFERENCES incident (id),
    before           jsonb,
    after            jsonb
);
CREATE INDEX audit_entry_incident_idx ON audit_entry (incident_id, id) WHERE incident_id IS NOT NULL;
CREATE INDEX audit_entry_user_idx ON audit_entry (user_id, id);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

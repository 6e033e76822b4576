-- Local accounts for the web UI and API keys for scripts and systems (docs/privacy.md, "Login and roles").
-- Passwords are stored as Spring Security PasswordEncoder strings ({bcrypt}…); API keys only as the SHA-256 of the
-- key, which is 256 random bits, so a stolen table does not give access.
create table user_account (
    name            text primary key check (name ~ '^[a-z0-9._@-]{2,64}$'),
    password_hash   text not null,
    roles           text[] not null,
    enabled         boolean not null default true,
    failed_attempts int not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now()
);

create table api_key (
    id            text primary key,
    key_hash      text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
    owner         text not null,
    roles         text[] not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

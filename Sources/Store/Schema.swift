/// The schema, as a list of migrations. Version 1 is the first shipped schema.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "cases, messages, ledger, outbox, contacts", sql: """
            -- DAP R-CASE-1: one case per contact; numbered CS + 7 digits without gaps or reuse.
            CREATE TABLE case_sequence (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last INTEGER NOT NULL
            );
            INSERT INTO case_sequence (id, last) VALUES (1, 0);

            CREATE TABLE cases (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL DEFAULT 'question',
                priority INTEGER,
                status TEXT NOT NULL,
                requester TEXT NOT NULL,
                requester_name TEXT,
                organisation TEXT,
                location TEXT,
                role TEXT,
                subject TEXT NOT NULL,
                language TEXT NOT NULL DEFAULT 'nl',
                linked_case_id INTEGER REFERENCES cases(id),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX cases_status ON cases (status);
            CREATE INDEX cases_requester ON cases (requester);

            -- Every mail in and out, with the raw bytes (the full original is always kept).
            CREATE TABLE messages (
                id INTEGER PRIMARY KEY,
                case_id INTEGER REFERENCES cases(id),
                direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
                kind TEXT NOT NULL,
                message_id TEXT,
                from_address TEXT,
                subject TEXT,
                text TEXT,
                raw BLOB NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX messages_message_id ON messages (message_id);
            CREATE INDEX messages_case ON messages (case_id);

            -- The processed-mail ledger: (mailbox, UIDVALIDITY, UID) plus Message-ID and a content hash,
            -- so a crash or a second poller re-reading a mail changes nothing.
            CREATE TABLE ledger (
                mailbox TEXT NOT NULL,
                uidvalidity INTEGER NOT NULL,
                uid INTEGER NOT NULL,
                message_id TEXT,
                fingerprint TEXT NOT NULL,
                outcome TEXT NOT NULL,
                case_id INTEGER REFERENCES cases(id),
                reason TEXT,
                settled INTEGER NOT NULL DEFAULT 0,
                processed_at TEXT NOT NULL,
                PRIMARY KEY (mailbox, uidvalidity, uid)
            );
            CREATE INDEX ledger_fingerprint ON ledger (fingerprint);
            CREATE INDEX ledger_unsettled ON ledger (settled) WHERE settled = 0;

            CREATE TABLE mailbox_state (
                mailbox TEXT PRIMARY KEY,
                uidvalidity INTEGER NOT NULL,
                last_uid INTEGER NOT NULL
            );

            -- Written in the same transaction as the case change that caused it; sent afterwards.
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                case_id INTEGER REFERENCES cases(id),
                kind TEXT NOT NULL,
                mail_from TEXT NOT NULL,
                recipients TEXT NOT NULL,
                message_id TEXT NOT NULL,
                raw BLOB NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_error TEXT,
                created_at TEXT NOT NULL,
                sent_at TEXT
            );
            CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';

            -- DAP R-AUTH-1: address -> name, organisation, location, role.
            CREATE TABLE contacts (
                email TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                organisation TEXT NOT NULL,
                location TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('stichting-ict', 'school-ict', 'gebruiker'))
            );

            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                case_id INTEGER REFERENCES cases(id),
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT
            );
            CREATE INDEX audit_case ON audit (case_id);
            """),
        Migration(version: 2, name: "attachments, bounces", sql: """
            -- Attachments are files on disk named by their SHA-256 (content-addressed); this is the index.
            -- `stored` = 0 when the per-mail size limit refused it; `reason` says why.
            CREATE TABLE attachments (
                id INTEGER PRIMARY KEY,
                message_row INTEGER NOT NULL REFERENCES messages(id),
                filename TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                stored INTEGER NOT NULL,
                reason TEXT
            );
            CREATE INDEX attachments_message ON attachments (message_row);
            CREATE INDEX attachments_sha256 ON attachments (sha256);

            -- RFC 3464 delivery reports, recorded against the address they report.
            CREATE TABLE bounces (
                id INTEGER PRIMARY KEY,
                address TEXT NOT NULL,
                status TEXT,
                action TEXT,
                diagnostic TEXT,
                original_message_id TEXT,
                case_id INTEGER REFERENCES cases(id),
                message_row INTEGER REFERENCES messages(id),
                at TEXT NOT NULL
            );
            CREATE INDEX bounces_address ON bounces (address);
            """),
        Migration(version: 3, name: "intake: classification, priority, SLA, organisations, timers", sql: """
            -- DAP R-CASE-4, R-CASE-5, R-AUTH-2, R-INC-5: what intake decided.
            ALTER TABLE cases ADD COLUMN change_kind TEXT;
            ALTER TABLE cases ADD COLUMN impact TEXT;
            ALTER TABLE cases ADD COLUMN urgency TEXT;
            ALTER TABLE cases ADD COLUMN authorisation TEXT;
            ALTER TABLE cases ADD COLUMN catalog_item TEXT;
            ALTER TABLE cases ADD COLUMN service TEXT;
            ALTER TABLE cases ADD COLUMN reaction_due TEXT;
            ALTER TABLE cases ADD COLUMN resolution_due TEXT;
            ALTER TABLE cases ADD COLUMN sla_warning_at TEXT;

            -- DAP R-AUTH-1: organisations with their mail domains and flags (R-INC-3 on-call, R-CMP-2 account manager).
            CREATE TABLE organisations (
                name TEXT PRIMARY KEY,
                domains TEXT NOT NULL,
                on_call INTEGER NOT NULL DEFAULT 0,
                account_manager TEXT
            );

            -- Timers the sweep fires (R-INC-5): one row per case and kind, indexed by when it is due, so a
            -- sweep reads only what is due.
            CREATE TABLE timers (
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES cases(id),
                kind TEXT NOT NULL,
                due_at TEXT NOT NULL,
                fired_at TEXT,
                UNIQUE (case_id, kind)
            );
            CREATE INDEX timers_due ON timers (due_at) WHERE fired_at IS NULL;
            """),
        Migration(version: 4, name: "agents, participants, settings", sql: """
            -- DAP R-AGENT-3: registered agents with their groups (space-separated) and absence with a backup.
            CREATE TABLE agents (
                email TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                groups TEXT NOT NULL DEFAULT '',
                absent INTEGER NOT NULL DEFAULT 0,
                backup TEXT
            );
            -- DAP R-CASE-3: who takes part in a case: the requester, people in Cc (watchers), agents.
            CREATE TABLE participants (
                case_id INTEGER NOT NULL REFERENCES cases(id),
                address TEXT NOT NULL,
                role TEXT NOT NULL,
                PRIMARY KEY (case_id, address)
            );
            -- Secrets and other settings the gateway generates once (the reply-token key, R-AGENT-3).
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value BLOB NOT NULL
            );
            ALTER TABLE cases ADD COLUMN assignee TEXT;
            ALTER TABLE cases ADD COLUMN visit_at TEXT;
            ALTER TABLE cases ADD COLUMN solution TEXT;
            CREATE INDEX outbox_recipients ON outbox (recipients, created_at);
            CREATE INDEX outbox_case ON outbox (case_id, created_at);
            """),
        Migration(version: 5, name: "outage notices: subscribers, subscriptions, notices, deliveries", sql: """
            -- DAP R-OUT-1: every address that asked for notices. `bounces` counts hard bounces since it last
            -- confirmed; at the bounce limit it is skipped (not mailed).
            CREATE TABLE subscribers (
                id INTEGER PRIMARY KEY,
                address TEXT NOT NULL UNIQUE,
                language TEXT NOT NULL DEFAULT 'nl',
                bounces INTEGER NOT NULL DEFAULT 0,
                last_bounce TEXT,
                last_bounce_at TEXT,
                created_at TEXT NOT NULL
            );
            -- One row per subscriber and service (code): pending until confirmed from the address (double
            -- opt-in), then active; unsubscribed keeps the history.
            CREATE TABLE subscriptions (
                subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
                service TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'active', 'unsubscribed')),
                requested_at TEXT NOT NULL,
                confirmed_at TEXT,
                unsubscribed_at TEXT,
                PRIMARY KEY (subscriber_id, service)
            );
            CREATE INDEX subscriptions_service ON subscriptions (service, state);
            -- A subscribe mail awaiting confirmation; the confirmation token names it.
            CREATE TABLE subscription_requests (
                id INTEGER PRIMARY KEY,
                subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
                services TEXT NOT NULL,
                created_at TEXT NOT NULL,
                confirmed_at TEXT
            );

            -- DAP R-OUT-2: notices, numbered NTC + 7 digits without gaps or reuse.
            CREATE TABLE notice_sequence (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last INTEGER NOT NULL
            );
            INSERT INTO notice_sequence (id, last) VALUES (1, 0);
            CREATE TABLE notices (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL CHECK (type IN ('outage', 'maintenance')),
                services TEXT NOT NULL,
                subject TEXT NOT NULL,
                starts_at TEXT,
                ends_at TEXT,
                status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'resolved', 'cancelled')),
                author TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                resolved_at TEXT
            );
            -- Each mail of a notice: the announcement, updates, the closing one. One Message-ID for all the
            -- copies of one message (the copies differ only in To and the unsubscribe token), so updates thread.
            -- A draft waits for the agent's confirmation by mail (R-OUT-2 as R-AGENT-3).
            CREATE TABLE notice_messages (
                id INTEGER PRIMARY KEY,
                notice_id INTEGER NOT NULL REFERENCES notices(id),
                kind TEXT NOT NULL CHECK (kind IN ('announcement', 'update', 'resolved')),
                state TEXT NOT NULL CHECK (state IN ('draft', 'queued', 'cancelled')),
                text TEXT NOT NULL,
                message_id TEXT NOT NULL UNIQUE,
                author TEXT NOT NULL,
                created_at TEXT NOT NULL,
                queued_at TEXT
            );
            CREATE INDEX notice_messages_notice ON notice_messages (notice_id);
            -- One row per recipient of one notice message, written when it is queued. `handed_over_at` is set
            -- when the SMTP client took the copy's last byte (only the end of data was left to send), the state
            -- becomes sent at the server's 250; a copy handed over is never sent again, so a crash or an SMTP
            -- outage resumes without a second copy.
            CREATE TABLE notice_deliveries (
                id INTEGER PRIMARY KEY,
                notice_id INTEGER NOT NULL REFERENCES notices(id),
                notice_message_id INTEGER NOT NULL REFERENCES notice_messages(id),
                subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
                address TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_error TEXT,
                handed_over_at TEXT,
                sent_at TEXT,
                UNIQUE (notice_message_id, address)
            );
            CREATE INDEX notice_deliveries_pending ON notice_deliveries (next_attempt_at, id) WHERE state = 'pending';
            CREATE INDEX notice_deliveries_notice ON notice_deliveries (notice_id, state);
            """),
        Migration(version: 6, name: "case life cycles: phases, escalation, SLA pause, closing records, problems", sql: """
            -- DAP R-CHG-5 the change's phase; R-ESC-1 the level of the ladder; R-INC-7 major; R-SEC-5 review flag.
            ALTER TABLE cases ADD COLUMN phase TEXT;
            ALTER TABLE cases ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE cases ADD COLUMN major INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE cases ADD COLUMN security_review INTEGER NOT NULL DEFAULT 0;
            -- DAP R-REQ-2: the SLA clock paused while the desk waits for information; what is still missing.
            ALTER TABLE cases ADD COLUMN sla_paused_at TEXT;
            ALTER TABLE cases ADD COLUMN missing TEXT;
            ALTER TABLE cases ADD COLUMN needs_approval INTEGER NOT NULL DEFAULT 0;
            -- DAP R-CASE-8: closing records solution (v4), cause, hours worked and whether the SLA was met.
            ALTER TABLE cases ADD COLUMN cause TEXT;
            ALTER TABLE cases ADD COLUMN hours REAL;
            ALTER TABLE cases ADD COLUMN sla_met INTEGER;
            ALTER TABLE cases ADD COLUMN resolved_at TEXT;
            ALTER TABLE cases ADD COLUMN closed_at TEXT;
            -- DAP R-INC-4: the last update the requester had; the progress cadence counts from it.
            ALTER TABLE cases ADD COLUMN last_update_at TEXT;
            -- DAP R-PRB-1..4: the incident's category, its problem, and a problem's known error.
            ALTER TABLE cases ADD COLUMN category TEXT;
            ALTER TABLE cases ADD COLUMN problem_id INTEGER;
            ALTER TABLE cases ADD COLUMN workaround TEXT;
            ALTER TABLE cases ADD COLUMN known_error INTEGER NOT NULL DEFAULT 0;
            -- R-PRB-1 counts recent incidents per service and category; R-PRB-4 finds open known errors.
            CREATE INDEX cases_service_category ON cases (service, category, created_at) WHERE type = 'incident';
            CREATE INDEX cases_known_errors ON cases (service) WHERE type = 'problem' AND known_error = 1;
            -- R-CMP-3: the complaints overview reads complaints by date.
            CREATE INDEX cases_type_created ON cases (type, created_at);
            """),
    ]
}

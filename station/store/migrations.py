"""Numbered schema migrations. Append only: a released migration is never edited.

PRAGMA user_version holds the number of the last migration applied.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE batches (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            settings TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES batches(id),
            ordinal INTEGER NOT NULL,
            state TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            suggestions TEXT NOT NULL DEFAULT '{}',
            metadata TEXT NOT NULL DEFAULT '{}',
            confirmed_by TEXT,
            confirmed_at TEXT,
            decided_by TEXT,
            decided_at TEXT,
            reject_reason TEXT,
            error TEXT,
            UNIQUE (batch_id, ordinal)
        );
        CREATE INDEX documents_state ON documents(state);
        CREATE TABLE pages (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            source_name TEXT NOT NULL,
            source_page INTEGER NOT NULL DEFAULT 1,
            source_blob TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            dpi REAL NOT NULL,
            dpi_source TEXT NOT NULL,
            mode TEXT NOT NULL,
            keep_blank INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            UNIQUE (document_id, idx)
        );
        CREATE TABLE page_stages (
            page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            stage TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
            result TEXT NOT NULL DEFAULT '{}',
            blob TEXT,
            error TEXT,
            attempts INTEGER NOT NULL DEFAULT 1,
            seconds REAL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (page_id, stage)
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user TEXT,
            action TEXT NOT NULL,
            object TEXT,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        """,
    ),
    (
        2,
        """
        ALTER TABLE batches ADD COLUMN organ_id TEXT;
        ALTER TABLE batches ADD COLUMN file_code TEXT;
        ALTER TABLE batches ADD COLUMN paper_file_code TEXT;
        ALTER TABLE batches ADD COLUMN procedure_code TEXT;
        ALTER TABLE documents ADD COLUMN confirmation TEXT NOT NULL DEFAULT '{}';
        CREATE INDEX documents_number ON documents(json_extract(metadata, '$.code_number'));
        """,
    ),
    (
        3,
        # Accounts, a chained audit log, the inventory of paper records, review sampling (issue 9).
        # The events table becomes the audit log: each entry holds the hash of the one before it
        # (station.store.chain); triggers keep the database's own users from editing or deleting
        # entries. Entries written before this migration are chained once when the store opens
        # (audit.legacy_upto says how far).
        """
        ALTER TABLE events ADD COLUMN station TEXT;
        ALTER TABLE events ADD COLUMN prev_hash TEXT;
        ALTER TABLE events ADD COLUMN hash TEXT;
        CREATE TABLE station_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        INSERT INTO station_meta(key, value) SELECT 'audit.legacy_upto', COALESCE(MAX(id), 0) FROM events;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only');
        END;
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events WHEN OLD.hash IS NOT NULL
        BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only');
        END;
        CREATE TABLE accounts (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
            password TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            created_by TEXT,
            password_changed_at TEXT NOT NULL
        );
        CREATE TABLE inventory (
            file_code TEXT PRIMARY KEY,
            procedure TEXT NOT NULL,
            expected_documents INTEGER NOT NULL CHECK (expected_documents >= 0),
            expected_pages INTEGER NOT NULL CHECK (expected_pages >= 0),
            title TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL
        );
        CREATE TABLE review_samples (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            picked INTEGER NOT NULL,
            share REAL NOT NULL,
            considered_at TEXT NOT NULL,
            considered_by TEXT,
            result TEXT CHECK (result IN ('pass', 'fail')),
            checked_by TEXT,
            checked_at TEXT,
            pages_checked INTEGER,
            note TEXT
        );
        """,
    ),
    (
        4,
        """
        CREATE TABLE seals (
            document_id TEXT PRIMARY KEY REFERENCES documents(id),
            package_id TEXT NOT NULL UNIQUE,
            package_path TEXT NOT NULL,
            package_sha256 TEXT NOT NULL,
            sealed_at TEXT NOT NULL,
            sealed_by TEXT,
            signature_level TEXT NOT NULL,
            certificate_serial TEXT NOT NULL,
            warnings TEXT NOT NULL DEFAULT '[]'
        );
        """,
    ),
    (
        5,
        # Page work (workflow/pages.py): a recoverable bin and an undo journal.
        """
        CREATE TABLE page_bin (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL,
            removed_at TEXT NOT NULL,
            removed_by TEXT,
            page TEXT NOT NULL,
            stages TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX page_bin_document ON page_bin(document_id);
        CREATE TABLE page_actions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user TEXT,
            action TEXT NOT NULL,
            event_id INTEGER NOT NULL,
            documents TEXT NOT NULL,
            before TEXT NOT NULL
        );
        """,
    ),
    (
        6,
        # The outbox (station.sync, issue 7): one row per sealed package until the archive's verified
        # receipt says accepted or rejected. A trigger queues every new seal in the seal's own
        # transaction, so no sealed package can miss the outbox; seals made before this migration
        # are queued here. A package rejected by the archive keeps its row (with the reasons and
        # the receipt) after its seal is withdrawn, so the document can be sealed again.
        """
        CREATE TABLE outbox (
            package_id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL,
            package_path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes INTEGER,
            state TEXT NOT NULL CHECK (state IN ('sealed', 'uploading', 'uploaded', 'accepted', 'rejected')),
            upload_url TEXT,
            upload_offset INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL DEFAULT 0,
            last_error TEXT,
            receipt TEXT,
            reasons TEXT,
            queued_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            settled_at TEXT,
            removed_at TEXT
        );
        CREATE INDEX outbox_state ON outbox(state, next_attempt_at);
        CREATE INDEX outbox_document ON outbox(document_id);
        INSERT INTO outbox(package_id, document_id, package_path, sha256, state, queued_at, updated_at)
            SELECT s.package_id, s.document_id, s.package_path, s.package_sha256,
                   CASE WHEN d.state = 'synced' THEN 'accepted' ELSE 'sealed' END, s.sealed_at, s.sealed_at
            FROM seals s JOIN documents d ON d.id = s.document_id;
        CREATE TRIGGER seals_to_outbox AFTER INSERT ON seals
        BEGIN
            INSERT OR IGNORE INTO outbox(package_id, document_id, package_path, sha256, state, queued_at, updated_at)
            VALUES (NEW.package_id, NEW.document_id, NEW.package_path, NEW.package_sha256, 'sealed', NEW.sealed_at,
                    NEW.sealed_at);
        END;
        """,
    ),
]

LATEST = MIGRATIONS[-1][0]

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
]

LATEST = MIGRATIONS[-1][0]

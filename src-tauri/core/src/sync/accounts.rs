//! The user's CardDAV/CalDAV accounts: where the server is, who they are on it, and which address
//! book and calendar Rapport keeps. Never the password (the sync crate keeps it in the operating
//! system's keyring).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::time::{from_db, to_db};
use crate::store::Store;

/// A collection on the server: its name as the user sees it and its URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection {
    pub name: String,
    pub url: String,
}

/// Which vCard version an address book is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardVersion {
    #[serde(rename = "3.0")]
    V3,
    #[serde(rename = "4.0")]
    V4,
}

impl CardVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            CardVersion::V3 => "3.0",
            CardVersion::V4 => "4.0",
        }
    }
}

/// What went wrong in an account's last pass, as shown in Settings until a pass succeeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncFailure {
    pub code: String,
    pub message: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub id: i64,
    pub url: String,
    pub user: String,
    pub addressbook: Collection,
    pub card_version: CardVersion,
    pub calendar: Collection,
    pub last_sync_at: Option<DateTime<Utc>>,
    pub last_error: Option<SyncFailure>,
}

/// An account as discovery found it, before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAccount {
    pub url: String,
    pub user: String,
    pub addressbook: Collection,
    pub card_version: CardVersion,
    pub calendar: Collection,
}

const COLUMNS: &str = "id, url, user_name, addressbook_name, addressbook_url, vcard_version, \
     calendar_name, calendar_url, last_sync_at, last_error_code, last_error_message, last_error_at";

fn from_row(row: &Row) -> rusqlite::Result<Account> {
    let time = |text: Option<String>| text.and_then(|t| from_db(&t).ok());
    let error_code: Option<String> = row.get(9)?;
    let last_error = match (error_code, time(row.get(11)?)) {
        (Some(code), Some(at)) => Some(SyncFailure {
            code,
            message: row.get::<_, Option<String>>(10)?.unwrap_or_default(),
            at,
        }),
        _ => None,
    };
    Ok(Account {
        id: row.get(0)?,
        url: row.get(1)?,
        user: row.get(2)?,
        addressbook: Collection {
            name: row.get(3)?,
            url: row.get(4)?,
        },
        card_version: if row.get::<_, String>(5)? == "4.0" {
            CardVersion::V4
        } else {
            CardVersion::V3
        },
        calendar: Collection {
            name: row.get(6)?,
            url: row.get(7)?,
        },
        last_sync_at: time(row.get(8)?),
        last_error,
    })
}

pub(crate) fn load(conn: &Connection, id: i64) -> Result<Account> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM sync_account WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("account", format!("id {id}")))
}

impl Store {
    pub fn accounts(&self) -> Result<Vec<Account>> {
        self.read(|conn| {
            let mut statement =
                conn.prepare_cached(&format!("SELECT {COLUMNS} FROM sync_account ORDER BY id"))?;
            let accounts = statement
                .query_map([], from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(accounts)
        })
    }

    pub fn account(&self, id: i64) -> Result<Account> {
        self.read(|conn| load(conn, id))
    }

    /// Stores an account found by discovery. The same user on the same server twice is refused:
    /// two accounts would upload everyone twice into the same address book.
    pub fn add_account(&self, account: &NewAccount) -> Result<Account> {
        let now = to_db(self.now());
        self.write(|tx| {
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM sync_account WHERE url = ?1 AND user_name = ?2",
                    params![account.url, account.user],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = existing {
                return Err(Error::invalid(
                    "url",
                    format!(
                        "{} on {} is already account {id}; set its password with `rapport accounts set-password {id}`.",
                        account.user, account.url
                    ),
                ));
            }
            tx.execute(
                "INSERT INTO sync_account (url, user_name, addressbook_name, addressbook_url,
                     vcard_version, calendar_name, calendar_url, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    account.url,
                    account.user,
                    account.addressbook.name,
                    account.addressbook.url,
                    account.card_version.as_str(),
                    account.calendar.name,
                    account.calendar.url,
                    now
                ],
            )?;
            load(tx, tx.last_insert_rowid())
        })
    }

    /// Forgets an account and everything sync knew about it; the server is left alone.
    pub fn remove_account(&self, id: i64) -> Result<Account> {
        self.write(|tx| {
            let account = load(tx, id)?;
            for table in ["sync_card", "sync_event", "sync_change"] {
                tx.execute(&format!("DELETE FROM {table} WHERE account_id = ?1"), [id])?;
            }
            tx.execute("DELETE FROM sync_account WHERE id = ?1", [id])?;
            Ok(account)
        })
    }

    /// Records the end of a pass: its time when it succeeded (and the error cleared), or the
    /// error, keeping the last good time.
    pub fn record_sync_pass(
        &self,
        id: i64,
        outcome: std::result::Result<(), (&str, &str)>,
    ) -> Result<Account> {
        let now = to_db(self.now());
        self.write(|tx| {
            load(tx, id)?;
            match outcome {
                Ok(()) => tx.execute(
                    "UPDATE sync_account SET last_sync_at = ?2, last_error_code = NULL,
                         last_error_message = NULL, last_error_at = NULL WHERE id = ?1",
                    params![id, now],
                )?,
                Err((code, message)) => tx.execute(
                    "UPDATE sync_account SET last_error_code = ?2, last_error_message = ?3,
                         last_error_at = ?4 WHERE id = ?1",
                    params![id, code, message, now],
                )?,
            };
            load(tx, id)
        })
    }

    /// Changes whenever something sync sends changes (a person, a follow-up, a meeting) or an
    /// account's first sync is tried, and not for what sync itself records: a pass that ends
    /// with the same fingerprint it started with needs no other.
    pub fn sync_fingerprint(&self) -> Result<String> {
        self.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT ifnull((SELECT max(updated_at) FROM person), '') || '|' ||
                        (SELECT count(*) FROM person WHERE deleted_at IS NULL) || '|' ||
                        ifnull((SELECT max(id) FROM followup), 0) || '|' ||
                        (SELECT count(*) FROM followup WHERE state = 'pending') || '|' ||
                        (SELECT total(julianday(due_at)) FROM followup WHERE state = 'pending') || '|' ||
                        ifnull((SELECT max(updated_at) FROM meeting), '') || '|' ||
                        (SELECT count(*) FROM sync_account
                         WHERE last_sync_at IS NOT NULL OR last_error_at IS NOT NULL)",
                )?
                .query_row([], |r| r.get(0))?)
        })
    }

    /// The address book's sync-token or ctag as of the end of the last good pass.
    pub fn addressbook_token(&self, id: i64) -> Result<Option<String>> {
        self.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT addressbook_token FROM sync_account WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?
                .flatten())
        })
    }

    pub fn set_addressbook_token(&self, id: i64, token: Option<&str>) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached("UPDATE sync_account SET addressbook_token = ?2 WHERE id = ?1")?
                .execute(params![id, token])?;
            Ok(())
        })
    }
}

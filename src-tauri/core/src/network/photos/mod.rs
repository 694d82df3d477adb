//! People's faces: the photo an address book carried or the user chose, kept as it came for
//! export and sync, and a small thumbnail for every list that shows faces.
//!
//! Photos sit in their own table, never in the person row, so that lists stay light. A list
//! learns only each person's photo id (in [`crate::network::people::PersonSummary`]) and asks
//! for the thumbnails of the rows it shows; the id changes whenever the photo does, so a window
//! can keep thumbnails by it for as long as it likes.

mod picture;

use std::collections::HashMap;

use base64::Engine;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::network::people;
use crate::store::time::to_db;
use crate::store::Store;

pub use picture::{
    read_picture, Picture, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE, THUMBNAIL_SIDE,
};

/// At most this many thumbnails in one request (a screen of rows is a few dozen).
pub const MAX_THUMBNAILS_AT_ONCE: usize = 500;

/// What the person page shows of a photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhotoInfo {
    /// Changes whenever the photo does.
    pub id: i64,
    pub media_type: String,
    pub width: u32,
    pub height: u32,
    /// Size of the original.
    pub bytes: usize,
    /// The thumbnail as a `data:image/jpeg;base64,…` URI.
    pub thumbnail: String,
}

/// One photo's thumbnail, by photo id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Thumbnail {
    pub id: i64,
    /// `data:image/jpeg;base64,…`
    pub data_uri: String,
}

/// An original photo, for the exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    pub media_type: String,
    pub bytes: Vec<u8>,
}

pub fn jpeg_data_uri(bytes: &[u8]) -> String {
    format!(
        "data:image/jpeg;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// Stores `picture` as the person's photo unless they have one (a photo the user did not change
/// is never rewritten). Returns whether it was stored.
pub(crate) fn put_if_missing(
    tx: &Transaction,
    person_id: i64,
    picture: &Picture,
    now: DateTime<Utc>,
) -> Result<bool> {
    let inserted = tx
        .prepare_cached(
            "INSERT INTO person_photo (person_id, media_type, original, width, height, thumbnail, set_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (person_id) DO NOTHING",
        )?
        .execute(params![
            person_id,
            picture.media_type,
            picture.original,
            picture.width,
            picture.height,
            picture.thumbnail,
            to_db(now)
        ])?;
    Ok(inserted > 0)
}

fn info(conn: &Connection, person_id: i64) -> Result<Option<PhotoInfo>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, media_type, width, height, length(original), thumbnail
             FROM person_photo WHERE person_id = ?1",
        )?
        .query_row([person_id], |r| {
            let thumbnail: Vec<u8> = r.get(5)?;
            Ok(PhotoInfo {
                id: r.get(0)?,
                media_type: r.get(1)?,
                width: r.get(2)?,
                height: r.get(3)?,
                bytes: r.get::<_, i64>(4)? as usize,
                thumbnail: jpeg_data_uri(&thumbnail),
            })
        })
        .optional()?)
}

/// Everyone's original photo by person, for the exports.
pub(crate) fn originals(conn: &Connection) -> Result<HashMap<i64, Original>> {
    let mut statement = conn.prepare("SELECT person_id, media_type, original FROM person_photo")?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get(0)?,
            Original {
                media_type: r.get(1)?,
                bytes: r.get(2)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// The person's photo, if they have one.
    pub fn photo(&self, person_id: i64) -> Result<Option<PhotoInfo>> {
        self.read(|conn| {
            people::ensure_exists(conn, person_id)?;
            info(conn, person_id)
        })
    }

    /// The original bytes of the person's photo, as they came.
    pub fn photo_original(&self, person_id: i64) -> Result<Option<Original>> {
        self.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT media_type, original FROM person_photo WHERE person_id = ?1",
                )?
                .query_row([person_id], |r| {
                    Ok(Original {
                        media_type: r.get(0)?,
                        bytes: r.get(1)?,
                    })
                })
                .optional()?)
        })
    }

    /// Makes `bytes` (a JPEG or PNG) the person's photo, replacing any they had.
    pub fn set_photo(&self, person_id: i64, bytes: &[u8]) -> Result<PhotoInfo> {
        let picture = read_picture(bytes)?;
        let now = self.now();
        self.write(|tx| {
            people::ensure_exists(tx, person_id)?;
            tx.execute("DELETE FROM person_photo WHERE person_id = ?1", [person_id])?;
            put_if_missing(tx, person_id, &picture, now)?;
            tx.execute(
                "UPDATE person SET updated_at = ?2 WHERE id = ?1",
                params![person_id, to_db(now)],
            )?;
            info(tx, person_id)?.ok_or_else(|| Error::not_found("photo", person_id))
        })
    }

    /// Takes the person's photo away; returns whether they had one.
    pub fn remove_photo(&self, person_id: i64) -> Result<bool> {
        let now = self.now();
        self.write(|tx| {
            people::ensure_exists(tx, person_id)?;
            let removed =
                tx.execute("DELETE FROM person_photo WHERE person_id = ?1", [person_id])?;
            if removed > 0 {
                tx.execute(
                    "UPDATE person SET updated_at = ?2 WHERE id = ?1",
                    params![person_id, to_db(now)],
                )?;
            }
            Ok(removed > 0)
        })
    }

    /// The thumbnails of these photos (by photo id, as the summaries give them); ids of photos
    /// since replaced or removed are left out.
    pub fn thumbnails(&self, photo_ids: &[i64]) -> Result<Vec<Thumbnail>> {
        if photo_ids.len() > MAX_THUMBNAILS_AT_ONCE {
            return Err(Error::invalid(
                "photos",
                format!("Ask for at most {MAX_THUMBNAILS_AT_ONCE} thumbnails at once."),
            ));
        }
        self.read(|conn| {
            let mut statement =
                conn.prepare_cached("SELECT thumbnail FROM person_photo WHERE id = ?1")?;
            let mut out = Vec::with_capacity(photo_ids.len());
            for &id in photo_ids {
                if let Some(bytes) = statement
                    .query_row([id], |r| r.get::<_, Vec<u8>>(0))
                    .optional()?
                {
                    out.push(Thumbnail {
                        id,
                        data_uri: jpeg_data_uri(&bytes),
                    });
                }
            }
            Ok(out)
        })
    }
}

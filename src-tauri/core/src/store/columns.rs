//! Reading typed values out of TEXT columns.

use chrono::{DateTime, Utc};
use rusqlite::Row;
use serde::de::DeserializeOwned;

use crate::store::time::from_db;

/// A snake_case enum stored as TEXT (its serde name), read back; anything else in the column is
/// reported as a conversion failure of that column.
pub(crate) fn text_enum<T: DeserializeOwned>(text: String, column: usize) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text)).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, e.into())
    })
}

/// A time stored in the fixed UTC text form (see `time::to_db`).
pub(crate) fn time_at(row: &Row, column: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = row.get(column)?;
    from_db(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, e.into())
    })
}

/// A time column that may be NULL.
pub(crate) fn optional_time_at(
    row: &Row,
    column: usize,
) -> rusqlite::Result<Option<DateTime<Utc>>> {
    match row.get::<_, Option<String>>(column)? {
        Some(_) => time_at(row, column).map(Some),
        None => Ok(None),
    }
}

//! Reading typed values out of TEXT columns.

use serde::de::DeserializeOwned;

/// A snake_case enum stored as TEXT (its serde name), read back; anything else in the column is
/// reported as a conversion failure of that column.
pub(crate) fn text_enum<T: DeserializeOwned>(text: String, column: usize) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text)).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, e.into())
    })
}

//! The whole store as JSON: every table, every row, so nothing a user wrote stays locked in.

use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde_json::{json, Map, Value};

use crate::error::Result;
use crate::store::migrations::LATEST_VERSION;
use crate::store::time::to_db;

/// Bumped when the shape of the export (not of the schema) changes.
pub const JSON_FORMAT_VERSION: i64 = 1;

/// Returns the JSON text and the number of rows in it.
pub(super) fn write(conn: &Connection, now: DateTime<Utc>) -> Result<(String, usize)> {
    // The search index is derived from the rest and rebuilt on import; leave it out.
    let mut statement = conn.prepare(
        "SELECT name FROM sqlite_schema
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'
         ORDER BY name",
    )?;
    let tables = statement
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Map::new();
    let mut total = 0;
    for table in tables {
        let mut rows_statement = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1"))?;
        let columns: Vec<String> = rows_statement
            .column_names()
            .into_iter()
            .map(str::to_string)
            .collect();
        let mut rows = rows_statement.query([])?;
        let mut list = Vec::new();
        while let Some(row) = rows.next()? {
            let mut object = Map::new();
            for (i, column) in columns.iter().enumerate() {
                let value = match row.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => json!(n),
                    ValueRef::Real(x) => json!(x),
                    ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                    ValueRef::Blob(b) => json!(b
                        .iter()
                        .map(|byte| format!("{byte:02x}"))
                        .collect::<String>()),
                };
                object.insert(column.clone(), value);
            }
            list.push(Value::Object(object));
        }
        total += list.len();
        out.insert(table, Value::Array(list));
    }
    let document = json!({
        "format": "rapport-export",
        "formatVersion": JSON_FORMAT_VERSION,
        "schemaVersion": LATEST_VERSION,
        "exportedAt": to_db(now),
        "tables": out,
    });
    let text = serde_json::to_string_pretty(&document)
        .map_err(|e| crate::error::Error::invalid("export", format!("cannot write JSON: {e}")))?;
    Ok((text, total))
}

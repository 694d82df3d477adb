//! Rows as JSON objects, so that a merge can keep what it removed and undo can put it back.

use std::collections::BTreeMap;

use rusqlite::{Connection, Transaction};
use serde_json::Value;

use crate::error::Result;

pub(super) fn row_as_map(
    conn: &Connection,
    table: &str,
    id: i64,
) -> Result<BTreeMap<String, Value>> {
    let mut statement = conn.prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
    let names: Vec<String> = statement
        .column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    Ok(statement.query_row([id], |row| {
        let mut map = BTreeMap::new();
        for (i, name) in names.iter().enumerate() {
            let value: rusqlite::types::Value = row.get(i)?;
            map.insert(name.clone(), sql_to_json(value));
        }
        Ok(map)
    })?)
}

fn sql_to_json(value: rusqlite::types::Value) -> Value {
    use rusqlite::types::Value as Sql;
    match value {
        Sql::Null => Value::Null,
        Sql::Integer(n) => n.into(),
        Sql::Real(x) => x.into(),
        Sql::Text(t) => t.into(),
        Sql::Blob(_) => Value::Null,
    }
}

pub(super) fn json_to_sql(value: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as Sql;
    match value {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(*b as i64),
        Value::Number(n) => n
            .as_i64()
            .map(Sql::Integer)
            .or_else(|| n.as_f64().map(Sql::Real))
            .unwrap_or(Sql::Null),
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

pub(super) fn insert_map(
    tx: &Transaction,
    table: &str,
    row: &BTreeMap<String, Value>,
) -> Result<()> {
    let columns: Vec<&String> = row.keys().collect();
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        columns
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        placeholders.join(", ")
    );
    let values: Vec<rusqlite::types::Value> = row.values().map(json_to_sql).collect();
    tx.execute(&sql, rusqlite::params_from_iter(values))?;
    Ok(())
}

//! The benchmark's results: each measure's samples and target, printed as a table and saved as
//! JSON for scripts/perf.sh.

use std::path::Path;
use std::time::Duration;

use rapport_perf::machine;
use rapport_perf::stats::{ms, Samples};
use serde_json::{json, Value};

pub struct Row {
    measure: String,
    samples: Samples,
    target: String,
}

pub struct Report(pub Vec<Row>);

impl Report {
    pub fn add(&mut self, measure: impl Into<String>, samples: Samples, target: &str) {
        let measure = measure.into();
        eprintln!(
            "  {measure}: median {}, p95 {} ({} runs)",
            ms(samples.median()),
            ms(samples.p95()),
            samples.len()
        );
        self.0.push(Row {
            measure,
            samples,
            target: target.into(),
        });
    }

    pub fn p95(&self, measure: &str) -> Duration {
        self.0
            .iter()
            .find(|row| row.measure == measure)
            .expect(measure)
            .samples
            .p95()
    }

    /// Writes every measure (median and p95 in ms) and the ratios as JSON for scripts/perf.sh.
    pub fn save(&self, path: &Path, extra: &[(String, String, String)]) {
        let rows: Vec<Value> = self
            .0
            .iter()
            .map(|row| {
                json!({
                    "measure": row.measure,
                    "median_ms": row.samples.median().as_secs_f64() * 1000.0,
                    "p95_ms": row.samples.p95().as_secs_f64() * 1000.0,
                    "runs": row.samples.len(),
                })
            })
            .collect();
        let ratios: serde_json::Map<String, Value> = extra
            .iter()
            .map(|(measure, value, _)| (measure.clone(), json!(value)))
            .collect();
        let document =
            json!({ "machine": machine::describe(), "measures": rows, "values": ratios });
        std::fs::write(path, serde_json::to_string_pretty(&document).unwrap())
            .expect("write the results");
    }

    pub fn print(&self, extra: &[(String, String, String)]) {
        println!("\nRapport benchmarks on {}", machine::describe());
        println!("| measure | median | p95 | target |");
        println!("|---|---|---|---|");
        for row in &self.0 {
            println!(
                "| {} | {} | {} | {} |",
                row.measure,
                ms(row.samples.median()),
                ms(row.samples.p95()),
                row.target
            );
        }
        for (measure, value, target) in extra {
            println!("| {measure} | {value} | | {target} |");
        }
    }
}

//! Generated stores kept under `target/perf/`, so the benchmarks and the scripts that need the
//! same heavy-user store generate it once (generation is deterministic: same seed, same store).

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::generate::{self, Outcome, Scale};

/// The folder of generated data: `$RAPPORT_PERF_DIR`, else `target/perf` of this workspace.
pub fn perf_dir() -> PathBuf {
    std::env::var_os("RAPPORT_PERF_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/perf"))
}

/// Changes whenever the generator writes different data, so that a store kept from an older
/// generator is not measured by mistake.
const GENERATOR_VERSION: u32 = 1;

/// The data folder holding `scale` generated with `seed`, generating it the first time.
pub fn store(name: &str, scale: Scale, seed: u64) -> Outcome<PathBuf> {
    let dir = perf_dir().join(format!(
        "{name}-{}x{}x{}x{}-seed{seed}-v{GENERATOR_VERSION}",
        scale.people, scale.interactions, scale.links, scale.followups
    ));
    let done = dir.join(".complete");
    if done.exists() {
        return Ok(dir);
    }
    if dir.exists() {
        // An earlier run stopped half-way.
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    let started = Instant::now();
    let now = rapport_core::store::time::from_db(generate::DEFAULT_NOW)?;
    generate::generate_store(&dir, scale, seed, now, &mut |stage| {
        eprintln!("  generating {name} ({} people): {stage}…", scale.people)
    })?;
    eprintln!(
        "  generated {name} in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    std::fs::write(&done, b"")?;
    Ok(dir)
}

/// A `Connections.csv` of `rows` rows generated with `seed`.
pub fn connections_csv(rows: usize, seed: u64) -> Outcome<PathBuf> {
    std::fs::create_dir_all(perf_dir())?;
    let path = perf_dir().join(format!(
        "Connections-{rows}-seed{seed}-v{GENERATOR_VERSION}.csv"
    ));
    if !path.exists() {
        let partial = path.with_extension("partial");
        crate::connections::write_connections_csv(&partial, rows, seed)?;
        std::fs::rename(&partial, &path)?;
    }
    Ok(path)
}

//! A LinkedIn `Connections.csv` of any length, seeded like the store.

use std::path::Path;

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::generate::Outcome;
use crate::names::{draw, slug};
use crate::vocabulary::organization_name;

/// Writes a LinkedIn `Connections.csv` of `rows` connections, as LinkedIn exports it (a notes
/// preamble, then the header; most e-mail addresses empty, as members rarely share them).
pub fn write_connections_csv(path: &Path, rows: usize, seed: u64) -> Outcome<()> {
    use std::io::Write;
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x4c69_6e6b);
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    file.write_all(b"Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email\"\r\n\r\n")?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(file);
    writer.write_record([
        "First Name",
        "Last Name",
        "URL",
        "Email Address",
        "Company",
        "Position",
        "Connected On",
    ])?;
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    for index in 0..rows {
        let drawn = draw(&mut rng, 2_000);
        let url = format!(
            "https://www.linkedin.com/in/{}-{}-{index:x}",
            slug(drawn.given),
            slug(drawn.family)
        );
        let email = if rng.random_bool(0.1) {
            format!(
                "{}.{}{index}@mail.example",
                slug(drawn.given),
                slug(drawn.family)
            )
        } else {
            String::new()
        };
        let connected = format!(
            "{:02} {} {}",
            rng.random_range(1..=28),
            months.choose(&mut rng).unwrap(),
            rng.random_range(2012..=2026)
        );
        writer.write_record([
            drawn.given,
            drawn.family,
            &url,
            &email,
            &organization_name(drawn.organization),
            drawn.title,
            &connected,
        ])?;
    }
    writer.flush()?;
    Ok(())
}

//! The hostile corpus: every file under tests/fixtures/ read as both formats, plus generated
//! 50 MB files and one too large to read. Each gives a clean import or a clear error — never a
//! panic — and an error leaves the store file byte-for-byte unchanged.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common::*;
use rapport_core::exchange::export::ExportFormat;
use rapport_core::exchange::import::{self, ImportFormat, MAX_FILE_BYTES};
use rapport_core::Store;

const FIFTY_MB: usize = 50 * 1024 * 1024;

fn fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["hostile", "linkedin", "vcard"] {
        for entry in std::fs::read_dir(fixture(dir)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    files.sort();
    files
}

/// Everything in the store, as the complete JSON export (the clock is fixed, so two exports of
/// the same records are the same text).
fn everything(store: &Store) -> String {
    store.export(ExportFormat::Json).unwrap().0
}

/// Imports `path` as `format` into a store that already holds someone; returns what happened.
fn try_import(store: &Store, path: &Path, format: ImportFormat) -> Result<usize, String> {
    let before = everything(store);
    let outcome = import::read_file(path)
        .and_then(|bytes| import::parse(format, &bytes))
        .and_then(|parsed| store.import(format, &parsed, &mut |_| {}));
    match outcome {
        Ok(summary) => Ok(summary.new + summary.updated),
        Err(error) => {
            assert!(
                error.is_user_error(),
                "{}: not a clear error: {error:?}",
                path.display()
            );
            assert!(!error.to_string().is_empty());
            assert!(
                everything(store) == before,
                "{}: the store changed on error",
                path.display()
            );
            Err(error.to_string())
        }
    }
}

fn file_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_with_clock(dir.path(), clock_at("2026-03-01T10:00:00Z")).unwrap();
    add(&store, "Someone Already Here");
    (dir, store)
}

#[test]
fn every_fixture_as_either_format_imports_cleanly_or_is_refused_clearly() {
    let (_dir, store) = file_store();
    for path in fixtures() {
        for format in [ImportFormat::Linkedin, ImportFormat::Vcard] {
            let _ = try_import(&store, &path, format);
        }
    }
    let expected_refusals = [
        (
            "hostile/binary.bin",
            ImportFormat::Linkedin,
            "not a text file",
        ),
        ("hostile/binary.bin", ImportFormat::Vcard, "not a text file"),
        (
            "hostile/empty.csv",
            ImportFormat::Linkedin,
            "not a LinkedIn connections export",
        ),
        (
            "hostile/not-a-vcard.vcf",
            ImportFormat::Vcard,
            "not a vCard file",
        ),
        (
            "linkedin/Connections.csv",
            ImportFormat::Vcard,
            "not a vCard file",
        ),
        (
            "vcard/google-3.0.vcf",
            ImportFormat::Linkedin,
            "not a LinkedIn connections export",
        ),
    ];
    for (file, format, says) in expected_refusals {
        let error = try_import(&store, &fixture(file), format).unwrap_err();
        assert!(error.contains(says), "{file}: {error}");
    }
}

#[test]
fn ragged_truncated_and_legacy_encoded_csv_files_import_what_they_can_and_say_what_they_skipped() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile");
    let read = |name: &str| {
        import::parse(
            ImportFormat::Linkedin,
            &import::read_file(&root.join(name)).unwrap(),
        )
        .unwrap()
    };
    let ragged = read("ragged-rows.csv");
    let names: Vec<&str> = ragged
        .contacts
        .iter()
        .map(|c| c.display_name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Only Two", "Too Many"],
        "short rows are padded, long rows cut"
    );
    assert_eq!(ragged.skipped.len(), 1);
    assert!(
        ragged.skipped[0]
            .reason
            .contains("“yesterday” is not a date"),
        "{:?}",
        ragged.skipped
    );
    assert_eq!(
        read("truncated.csv").contacts.len(),
        3,
        "the rows before the cut"
    );
    assert_eq!(
        read("latin1.csv").contacts[0].display_name,
        "René Descartes"
    );
}

#[test]
fn a_fifty_megabyte_linkedin_file_past_linkedins_cap_is_refused_with_the_count() {
    let (_dir, store) = file_store();
    let work = tempfile::tempdir().unwrap();

    // A LinkedIn file far past LinkedIn's 30,000-connection cap: refused, with the count.
    let csv = work.path().join("huge.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    writeln!(
        file,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    )
    .unwrap();
    let mut written = 0;
    let mut row = 0;
    while written < FIFTY_MB {
        let line = format!("Person{row},Surname{row},https://www.linkedin.com/in/p{row},,Company {},Role,1 Jan 2024\n", row % 500);
        written += line.len();
        file.write_all(line.as_bytes()).unwrap();
        row += 1;
    }
    drop(file);
    let error = try_import(&store, &csv, ImportFormat::Linkedin).unwrap_err();
    assert!(error.contains("at most 100000"), "{error}");
}

#[test]
fn an_address_book_with_fifty_megabytes_of_photos_is_imported() {
    let (_dir, store) = file_store();
    let work = tempfile::tempdir().unwrap();
    // An address book of a few people with 50 MB of photos: imported (photos are not kept).
    let vcf = work.path().join("photos.vcf");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&vcf).unwrap());
    let photo_line = format!(" {}\r\n", "QUJD".repeat(18));
    for card in 0..5 {
        write!(file, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo Person {card}\r\nPHOTO;ENCODING=b;TYPE=JPEG:QUJD\r\n").unwrap();
        for _ in 0..FIFTY_MB / 5 / photo_line.len() {
            file.write_all(photo_line.as_bytes()).unwrap();
        }
        write!(file, "END:VCARD\r\n").unwrap();
    }
    drop(file);
    assert!(std::fs::metadata(&vcf).unwrap().len() >= (FIFTY_MB as u64) * 9 / 10);
    assert_eq!(try_import(&store, &vcf, ImportFormat::Vcard), Ok(5));
}

#[test]
fn fifty_megabytes_of_noise_and_a_file_too_large_to_read_are_refused() {
    let (_dir, store) = file_store();
    let work = tempfile::tempdir().unwrap();
    // 50 MB of noise.
    let noise = work.path().join("noise.vcf");
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let bytes: Vec<u8> = (0..FIFTY_MB)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    std::fs::write(&noise, bytes).unwrap();
    for format in [ImportFormat::Linkedin, ImportFormat::Vcard] {
        assert!(try_import(&store, &noise, format).is_err());
    }

    // Larger than any import may be: refused before a byte is read (a sparse file).
    let sparse = work.path().join("sparse.vcf");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let error = try_import(&store, &sparse, ImportFormat::Vcard).unwrap_err();
    assert!(error.contains("Rapport imports files of up to"), "{error}");
}

/// The fuzz targets' invariant, over every fixture (including inputs the fuzzer found).
#[test]
fn importing_any_fixture_a_second_time_adds_nobody() {
    for path in fixtures() {
        for format in [ImportFormat::Linkedin, ImportFormat::Vcard] {
            let Ok(parsed) = import::read_file(&path).and_then(|b| import::parse(format, &b))
            else {
                continue;
            };
            let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
            store.import(format, &parsed, &mut |_| {}).unwrap();
            let again = store.import(format, &parsed, &mut |_| {}).unwrap();
            assert_eq!(again.new, 0, "{} as {format:?}: {again:?}", path.display());
        }
    }
}

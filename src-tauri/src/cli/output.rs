//! Standard output for the CLI. `println!` panics when the reader has gone away
//! (`rapport export csv | head -1`): here a closed pipe ends the command quietly with status 0,
//! as it would with `cat`, and any other failure to write is reported and exits 1.

use std::fmt;
use std::io::{self, Write};

/// Writes to standard output; prefer the `say!` macro.
pub(crate) fn write_out(text: fmt::Arguments) {
    let mut out = io::stdout().lock();
    if let Err(error) = out.write_fmt(text).and_then(|()| out.flush()) {
        end_on(&error);
    }
}

fn end_on(error: &io::Error) -> ! {
    if error.kind() == io::ErrorKind::BrokenPipe {
        // Whoever reads has all they wanted.
        std::process::exit(0);
    }
    // stderr may be gone too; nothing more can be done then.
    let _ = writeln!(
        io::stderr(),
        "rapport: cannot write to standard output: {error}"
    );
    std::process::exit(1);
}

/// `println!` that ends quietly when standard output is a closed pipe.
macro_rules! say {
    () => {
        $crate::cli::output::write_out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` that ends quietly when standard output is a closed pipe.
macro_rules! say_raw {
    ($($arg:tt)*) => {
        $crate::cli::output::write_out(format_args!($($arg)*))
    };
}

pub(crate) use {say, say_raw};

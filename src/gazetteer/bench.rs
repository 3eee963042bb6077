//! Matcher benchmark (filled in below).

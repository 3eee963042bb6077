//! The Oxigraph store (being written).

//! `dealgraph bench`: throughput, memory and latency figures. Being written.

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<u8> {
    anyhow::bail!("dealgraph bench is not written yet")
}

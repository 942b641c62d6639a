// Preloaded into Prism's node process (`node --require exit-with-parent.cjs prism-cli/dist/index.js ...`) by
// tests/Plivo.Generated.ContractTests. The runner keeps Prism's stdin open and never writes to it, so end-of-file
// means the runner is gone, however it went (even SIGKILL, where it cannot kill Prism itself): Prism then exits too,
// instead of staying behind on its port.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

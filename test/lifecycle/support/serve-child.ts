// `provisio serve` from the sources, in its own process, so a test can kill it with SIGKILL.
import { main } from '../../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

// Starts fauxqs (a local SQS JSON protocol + S3 server, from npm) for the core/remote tests.
//
//   node tests/servers/fauxqs-server.mjs [PORT]
//
// Binds 127.0.0.1 only (fauxqs' own CLI binds every interface), on PORT or on a free port when it
// is 0 or missing, and prints the chosen port as one line on stdout once it accepts connections,
// so a test can start it with QProcess and read where to connect. It stops on SIGTERM/SIGINT or
// when its standard input closes (the test process went away without killing it).
// Installed by scripts/install-deps.sh into tests/servers/node_modules.
import { buildApp } from "fauxqs";

const port = Number.parseInt(process.argv[2] ?? "0", 10) || 0;
const app = buildApp({ logger: false });
await app.listen({ port, host: "127.0.0.1" });
process.stdout.write(`${app.server.address().port}\n`);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.resume();

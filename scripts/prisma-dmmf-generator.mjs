// A Prisma generator that writes the schema's full DMMF (models, fields, native types, indexes) to a
// JSON file. The drift test compares it with the migrated database; the Prisma client keeps only a
// thin copy of the data model. Protocol: JSON-RPC requests on stdin, responses on stderr, one a line.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import process from "node:process";
import { createInterface } from "node:readline";

function reply(id, result) {
  process.stderr.write(JSON.stringify({ jsonrpc: "2.0", id, result }) + "\n");
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const message = JSON.parse(line);
  if (message.method === "getManifest") {
    reply(message.id, { manifest: { prettyName: "DMMF for the drift test", requiresGenerators: [] } });
  } else if (message.method === "generate") {
    const output = message.params.generator.output.value;
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, JSON.stringify(message.params.dmmf.datamodel, null, 1) + "\n");
    reply(message.id, null);
  }
});

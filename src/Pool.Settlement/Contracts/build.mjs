// Compiles PoolRewardToken.sol with the pinned solc and OpenZeppelin from node_modules and writes
// RewardToken.json (ABI + bytecode), which the C# assembly embeds.
//   node build.mjs            writes RewardToken.json next to this script
//   node build.mjs --out F    writes F instead (the reproducibility test compares F with the committed file)
//   node build.mjs --check    exits 1 when the committed RewardToken.json differs from a fresh compile
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const require = createRequire(join(root, "package.json"));
const solc = require("solc");

const sourceName = "PoolRewardToken.sol";
const contractName = "PoolRewardToken";
const settings = {
  evmVersion: "cancun",
  optimizer: { enabled: true, runs: 200 },
  viaIR: false,
  metadata: { bytecodeHash: "ipfs", appendCBOR: true },
  outputSelection: { [sourceName]: { [contractName]: ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
};

const input = {
  language: "Solidity",
  sources: { [sourceName]: { content: readFileSync(join(here, sourceName), "utf8") } },
  settings,
};

function findImport(path) {
  const file = join(root, "node_modules", path);
  return existsSync(file) ? { contents: readFileSync(file, "utf8") } : { error: `import not found: ${path}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

const compiled = output.contracts[sourceName][contractName];
const artifact = {
  contractName,
  compiler: `solc ${solc.version()}`,
  settings: { evmVersion: settings.evmVersion, optimizer: settings.optimizer, viaIR: settings.viaIR },
  abi: compiled.abi,
  bytecode: "0x" + compiled.evm.bytecode.object,
  deployedBytecode: "0x" + compiled.evm.deployedBytecode.object,
};
const text = JSON.stringify(artifact, null, 2) + "\n";

const args = process.argv.slice(2);
const committed = join(here, "RewardToken.json");
if (args[0] === "--check") {
  const same = existsSync(committed) && readFileSync(committed, "utf8") === text;
  console.log(same ? "RewardToken.json matches the source" : "RewardToken.json differs from a fresh compile: run npm run build:contracts");
  process.exit(same ? 0 : 1);
}
const target = args[0] === "--out" ? resolve(args[1]) : committed;
writeFileSync(target, text);
console.log(`wrote ${target} (${artifact.compiler}, evm ${settings.evmVersion}, optimizer runs ${settings.optimizer.runs})`);

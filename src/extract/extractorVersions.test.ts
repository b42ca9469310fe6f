/**
 * Ties each extractor version to what the extractor produces: the output of
 * `processFile` for every file of the fixture estates, hashed per file kind. If
 * an extractor's output changes while its version stays, warm scans would keep
 * serving the old facts from the cache — so this test fails until the version
 * is bumped and the recorded hashes are updated.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileKind } from '../core/fileKinds.js';
import { walkEstate } from '../discover/walk.js';
import { EXTRACTOR_VERSIONS, READ_VERSION } from './extractorVersions.js';
import { loadParsers, processFile } from './processFile.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const ESTATES = ['harbor-estate', 'marina-estate', 'dependency-estate', 'msbuild-imports'];

/** Per kind: the version the hashes were recorded at, the hash of the inputs and of the outputs. */
// proto has no fixture file yet: add one to an estate to cover it.
const RECORDED: Partial<Record<FileKind, { version: number; inputs: string; outputs: string }>> = {
  config: {
    version: 2,
    inputs: '0e6a0de5361d68928560ca08e500022c05d114074b14f22ea6cea51f11673756',
    outputs: '1ee0ff853a3b58fa4dede264bacb33e813b028822602a222661e6c96fda78fce',
  },
  csharp: {
    version: 2,
    inputs: '13c99624b9eb24ef99f1abefe6a331904e38c28b92839615ea396cce2e19bed3',
    outputs: 'd2d29e8e9b1dbc839fa4424a3c5e7b492e7d839660b1003144c2090e8f6c4546',
  },
  javascript: {
    version: 1,
    inputs: '2703042065f6ca37a6f07411ad4554732f76d53b2896083a6a85411771ca03a7',
    outputs: '9c8ec3869143cbe26dc062ba6da7b149f9683c2778d914e045e7d9a72c160f59',
  },
  'msbuild-project': {
    version: 1,
    inputs: '262acbdb1aafe4c8b4efa8d256a4634bd028f17579bb0ce066d4695411ab637f',
    outputs: '41eae44a481a3668ae81dad11a9b9b01cd97f8b494e1cd20bd1354ff070af946',
  },
  'msbuild-props': {
    version: 1,
    inputs: '377038fce55fe67624fb2c4c3dcd723ac11c9b20e6a76ad8fff1b815075108de',
    outputs: '88d0e3aaad32e3ae41fff17c688802a6c79b45fd45d0ad034612fba40c57734b',
  },
  'npm-lockfile': {
    version: 1,
    inputs: '0b19b8d3efb7950ed08c43d76fcaef1697271dc8de2aa546f8af94d2ac749959',
    outputs: 'd5a6812c20798ca4a979516a234c7a95c969a7d7ac65b4e5ea634451df0cd45c',
  },
  'nuget-lock': {
    version: 1,
    inputs: 'd7f8989d40a9183e686e90355676ab82894950556707c8768ca5497910ec61a3',
    outputs: '3dcd1ca3906034d5f365ea28df776d826cdf8c91d9a0f42be4d0b1106152cd4f',
  },
  'package-json': {
    version: 1,
    inputs: '4885d9835da522adc46082310844e23ef44e07809cbf4734a3c5f1222b731396',
    outputs: '3d1405f6acb58ca697b5da15d9234c48fb9443dbd670edf739382c79300bac0f',
  },
  'packages-config': {
    version: 1,
    inputs: '75a08d49bbc36310a28234f5e2bb989e4af26117bce09e7c9f823f07321367fa',
    outputs: 'a9fb67a651b6cc4186e1071cbf333750a38d63a9591917c19cc0b0b8d1834a66',
  },
  solution: {
    version: 1,
    inputs: '0237acab1489f14763b438ef66e9d4021ef13a3573db9363c1cfbb9bd178135d',
    outputs: 'c922de20f1669329a352f1b717db6ea365b5f584fc72ce9d9c9a593c6cf5f612',
  },
  sql: {
    version: 1,
    inputs: '0ca411ee6116ac99a806da0d7232930b0f9320e4dbd1ac1297dfcf2831d17ed7',
    outputs: '185d9fdc41289371e068e247546c496ee79c45592f87928bb6642aa8d6882cd7',
  },
  tsconfig: {
    version: 1,
    inputs: 'e397289d66e2958faa21568fb6c2c452c2466d500f6d8dc0d2a406e4d9ab9b2e',
    outputs: 'afae4d5c5b4346963a5ce38f12f3c79b0c02235f0b535cde91b0d7d3fbdbb4bc',
  },
  typescript: {
    version: 1,
    inputs: '03c5002ecffb4342b31044bf2cedca25ad7ff3eb51042e47056bc9d3a609f12e',
    outputs: '616069bbc6747b29f6fb9eb733d89e58ebebcd98b90dcf939991f6429fa94f1a',
  },
};

async function observed(): Promise<Map<FileKind, { inputs: string; outputs: string }>> {
  const entries = ESTATES.flatMap((estate) =>
    walkEstate(path.join(fixtures, estate)).repos.flatMap((r) => r.files.map((f) => ({ estate, f }))),
  );
  const parsers = await loadParsers(entries.map((e) => e.f));
  const hashes = new Map<FileKind, { inputs: ReturnType<typeof createHash>; outputs: ReturnType<typeof createHash> }>();
  for (const { estate, f } of entries) {
    const { contentHash, ...output } = processFile(f, 4 * 1024 * 1024, parsers);
    const kind = hashes.get(f.kind) ?? { inputs: createHash('sha256'), outputs: createHash('sha256') };
    hashes.set(f.kind, kind);
    kind.inputs.update(`${estate}/${f.repo}/${f.path}\n${contentHash ?? 'unread'}\n`);
    kind.outputs.update(`${JSON.stringify(output)}\n`);
  }
  return new Map(
    [...hashes].map(([kind, h]) => [kind, { inputs: h.inputs.digest('hex'), outputs: h.outputs.digest('hex') }]),
  );
}

describe('extractor versions', () => {
  it('change whenever what an extractor gives for the fixture estates changes', async () => {
    const seen = await observed();
    expect(seen.size).toBeGreaterThan(8); // most kinds are covered by the fixtures
    const stale: string[] = [];
    for (const [kind, hash] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
      const recorded = RECORDED[kind];
      const version = EXTRACTOR_VERSIONS[kind];
      const entry = `${kind}: { version: ${version}, inputs: '${hash.inputs}', outputs: '${hash.outputs}' }`;
      if (!recorded) stale.push(`not recorded yet — ${entry}`);
      else if (recorded.inputs !== hash.inputs)
        stale.push(`the fixtures changed: check the outputs, then record — ${entry}`);
      else if (recorded.outputs !== hash.outputs && recorded.version === version)
        stale.push(`the ${kind} extractor's output changed: bump EXTRACTOR_VERSIONS['${kind}'], then record it`);
      else if (recorded.outputs !== hash.outputs || recorded.version !== version)
        stale.push(`record the new version — ${entry}`);
    }
    expect(stale).toEqual([]);
  });

  it('has a positive version for every kind and for reading', () => {
    expect(READ_VERSION).toBeGreaterThan(0);
    for (const version of Object.values(EXTRACTOR_VERSIONS)) expect(version).toBeGreaterThan(0);
  });
});

// Builds rapport-agent for the installer being made and puts it where `bundle.externalBin`
// (src-tauri/bundle/agent.conf.json) takes it from: target/sidecar/rapport-agent-<target>[.exe].
// The bundler installs it beside rapport(.exe) as rapport-agent(.exe) — in /usr/bin, the app's
// folder on Windows, Contents/MacOS on a Mac — which is where the window looks for it.
//
// `tauri build --config src-tauri/bundle/agent.conf.json` runs this before it builds the app
// (its build script refuses to build without the file). Node, not a shell script: Windows runs
// the command with cmd. Tauri passes TAURI_ENV_TARGET_TRIPLE (`universal-apple-darwin` for one
// binary for both Macs, which is made of both with lipo) and TAURI_ENV_DEBUG; run by hand, it
// builds for this machine, release.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (program, args) => execFileSync(program, args, { cwd: root, stdio: 'inherit' });
const host = () =>
  execFileSync('rustc', ['-vV'], { encoding: 'utf8' }).match(/^host: (\S+)$/m)[1];

const target = process.env.TAURI_ENV_TARGET_TRIPLE || host();
const debug = process.env.TAURI_ENV_DEBUG === 'true';
const profile = debug ? 'debug' : 'release';
const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR || 'target');
const exe = target.includes('windows') ? '.exe' : '';
const sidecars = path.join(targetDir, 'sidecar');
const sidecar = path.join(sidecars, `rapport-agent-${target}${exe}`);

const build = (triple) => {
  run('cargo', ['build', '--locked', '-p', 'rapport-agent', '--target', triple, ...(debug ? [] : ['--release'])]);
  return path.join(targetDir, triple, profile, `rapport-agent${exe}`);
};

mkdirSync(sidecars, { recursive: true });
if (target === 'universal-apple-darwin') {
  const built = ['aarch64-apple-darwin', 'x86_64-apple-darwin'].map(build);
  run('lipo', ['-create', '-output', sidecar, ...built]);
} else {
  copyFileSync(build(target), sidecar);
}
console.log(`rapport-agent for ${target}: ${path.relative(root, sidecar)}`);

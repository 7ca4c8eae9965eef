// CPU profile of one app process during a benchmark, written when the process exits:
//   BENCH_APP_NODE_OPTIONS="--require ./apps/e2e/src/bench/cpu-profile.preload.cjs" \
//   PROFILE_APP=gateway PROFILE_DIR=/tmp/prof npm run bench:gateway
// (--cpu-prof is not allowed in NODE_OPTIONS). Only `gmdb serve <PROFILE_APP>` profiles (default
// gateway); open the .cpuprofile in Chrome DevTools or read it with any cpuprofile tool.
'use strict';
const app = process.env.PROFILE_APP || 'gateway';
if (process.argv.includes('serve') && process.argv.includes(app)) {
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const path = require('node:path');
  const dir = process.env.PROFILE_DIR || 'var/profiles';
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // The in-process inspector session answers synchronously, so this works inside 'exit'.
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${app}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}

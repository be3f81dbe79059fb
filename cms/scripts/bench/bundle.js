const { execSync, fs, path, zlib, root } = require('./common');

function bundle() {
  console.log('\n## console bundle');
  const dist = path.join(root, 'admin-ui', 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) execSync('npm run build -w admin-ui', { cwd: root, stdio: 'inherit' });
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/console\/([^"]+\.js)"/g)].map((m) => m[1]);
  let raw = 0; let gz = 0;
  for (const file of files) {
    const buf = fs.readFileSync(path.join(dist, file));
    raw += buf.length; gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  console.log(`- initial JavaScript (${files.length} file(s) referenced by index.html): ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzipped`);
}


module.exports = bundle;

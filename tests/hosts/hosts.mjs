// Real hosts on loopback for the embed tests: Debian's nginx with the README's headers, and a
// real WordPress (Debian's package, Apache with mod_php, MariaDB). Each runs from its own
// configuration in a temporary folder, on a random free port of 127.0.0.1, and is stopped by
// close(). `.ci/setup.sh` installs the packages.

import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, '..', '..');

/** A port of 127.0.0.1 that nothing listens on now. */
export async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Waits until `url` answers (any HTTP status), or fails after `ms`. */
async function waitForHttp(url, ms = 30000, log = () => '') {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms\n${log()}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}

function stop(child) {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------------------------------------
// nginx

/**
 * The nginx configuration the README recommends (the ```nginx block of "Deploying"), as
 * written there, with the placeholders a host fills in: the folder the app is uploaded to and
 * the site allowed to embed it.
 */
export function readmeNginx() {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const block = readme.match(/```nginx\n([\s\S]*?)```/);
  if (!block) throw new Error('README.md has no ```nginx block');
  return block[1];
}

/** The Content-Security-Policy header value of the README's nginx block. */
export function readmePolicy() {
  const m = readmeNginx().match(/add_header Content-Security-Policy "([^"]+)" always;/);
  if (!m) throw new Error("the README's nginx block sets no Content-Security-Policy");
  return m[1];
}

/**
 * The start screen's style hash from the built page's own policy (its `<meta>` tag), which the
 * README tells a host to copy in place of `'sha256-…'`.
 */
export function builtStyleHash(root) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const m = html.match(/style-src 'self' ('sha256-[A-Za-z0-9+\/=]+')/);
  if (!m) throw new Error(`${root}/index.html's policy allows no inline style by its hash`);
  return m[1];
}

/** The README's policy as a host fills it in: its embedding site and the built style hash. */
export function filledPolicy({ root, embedder }) {
  return readmePolicy()
    .replaceAll('https://www.uw-gemeente.nl', embedder)
    .replaceAll("'sha256-…'", builtStyleHash(root));
}

/**
 * Serves `root` at http://127.0.0.1:PORT/verkenner/ through Debian's nginx, configured with
 * the README's block; `embedder` (an origin) takes the place of the README's example site in
 * frame-ancestors, and the built page's style hash the place of `'sha256-…'`.
 */
export async function startNginx({ root, embedder }) {
  const dir = mkdtempSync(join(tmpdir(), 'verkenner-nginx-'));
  const port = await freePort();
  const block = readmeNginx()
    .replaceAll('/var/www/verkenner/', `${root.replace(/\/?$/, '/')}`)
    .replaceAll('https://www.uw-gemeente.nl', embedder)
    .replaceAll("'sha256-…'", builtStyleHash(root));
  writeFileSync(join(dir, 'nginx.conf'), `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
${block.replace(/^/gm, '    ')}
  }
}
`);
  execFileSync('/usr/sbin/nginx', ['-t', '-q', '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
  const child = spawn('/usr/sbin/nginx', ['-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/verkenner/`;
  await waitForHttp(url, 15000, () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''));
  return {
    url,
    port,
    close: async () => { await stop(child); rmSync(dir, { recursive: true, force: true }); },
  };
}

// ---------------------------------------------------------------------------------------------
// WordPress

const WP = '/usr/share/wordpress';

/**
 * A real WordPress: MariaDB in a temporary data folder (on a socket, no network), Apache with
 * mod_php on a random port serving Debian's WordPress, installed through its own install form,
 * with the test theme and the mu-plugin from tests/hosts/wordpress/. `appPort` is the port of
 * the app's host, which WordPress is allowed to fetch oEmbed data from.
 */
export async function startWordPress({ appPort }) {
  const dir = mkdtempSync(join(tmpdir(), 'verkenner-wp-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const children = [];
  const name = `verkenner-test-${port}`;
  const configFile = `/etc/wordpress/config-${name}.php`;
  const close = async () => {
    for (const child of children.reverse()) await stop(child);
    rmSync(configFile, { force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // MariaDB
    const sock = join(dir, 'mysqld.sock');
    execFileSync('mariadb-install-db', ['--user=root', `--datadir=${dir}/db`, '--auth-root-authentication-method=socket', '--skip-test-db'], { stdio: 'pipe' });
    const db = spawn('mariadbd', ['--no-defaults', '--user=root', `--datadir=${dir}/db`, `--socket=${sock}`, '--skip-networking', `--pid-file=${dir}/mysqld.pid`, `--log-error=${dir}/mysqld.err`], { stdio: 'ignore' });
    children.push(db);
    for (let i = 0; !existsSync(sock); i++) {
      if (i > 300 || db.exitCode !== null) throw new Error(`MariaDB did not start:\n${existsSync(`${dir}/mysqld.err`) ? readFileSync(`${dir}/mysqld.err`, 'utf8') : ''}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
    execFileSync('mariadb', ['--no-defaults', `--socket=${sock}`, '-u', 'root', '-e',
      "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';"], { stdio: 'pipe' });

    // wp-content of our own: the test theme, the mu-plugin, WordPress's own plugins.
    const content = join(dir, 'wp-content');
    mkdirSync(join(content, 'themes'), { recursive: true });
    mkdirSync(join(content, 'mu-plugins'));
    mkdirSync(join(content, 'uploads'));
    cpSync(join(here, 'wordpress', 'theme'), join(content, 'themes', 'verkenner-test'), { recursive: true });
    cpSync(join(here, 'wordpress', 'mu-plugin.php'), join(content, 'mu-plugins', 'verkenner-test.php'));
    symlinkSync(join(WP, 'wp-content', 'plugins'), join(content, 'plugins'));
    execFileSync('chown', ['-R', 'www-data:www-data', content]);
    writeFileSync(configFile, `<?php
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:${sock}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${url}/wp-content');
define('WP_DEFAULT_THEME', 'verkenner-test');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', false);
define('VERKENNER_APP_PORT', ${appPort});
`);

    // Apache with mod_php, nothing else.
    const mods = '/usr/lib/apache2/modules';
    writeFileSync(join(dir, 'apache.conf'), `
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/apache.pid
DefaultRuntimeDir ${dir}
Mutex file:${dir}
ErrorLog ${dir}/apache-error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_prefork_module ${mods}/mod_mpm_prefork.so
LoadModule authz_core_module ${mods}/mod_authz_core.so
LoadModule dir_module ${mods}/mod_dir.so
LoadModule mime_module ${mods}/mod_mime.so
LoadModule alias_module ${mods}/mod_alias.so
LoadModule env_module ${mods}/mod_env.so
LoadModule php_module ${mods}/libphp8.2.so
StartServers 2
MinSpareServers 1
MaxSpareServers 3
TypesConfig /etc/mime.types
DocumentRoot ${WP}
DirectoryIndex index.php
SetEnv WORDPRESS_CONFIG ${name}
Alias /wp-content ${content}
<Directory />
  Require all granted
  AllowOverride None
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
`);
    // A process group of its own: on shutdown Apache's prefork signals its whole group, which
    // would otherwise be the test's.
    const apache = spawn('/usr/sbin/apache2', ['-f', join(dir, 'apache.conf'), '-DFOREGROUND'], { stdio: 'ignore', detached: true, env: { ...process.env, APACHE_RUN_DIR: dir } });
    children.push(apache);
    await waitForHttp(`${url}/wp-login.php`, 30000, () => (existsSync(`${dir}/apache-error.log`) ? readFileSync(`${dir}/apache-error.log`, 'utf8') : ''));

    // Install, as a person would on the install page.
    const form = new URLSearchParams({
      weblog_title: 'Gemeente Voorbeeld', user_name: 'redactie', admin_password: 'verkenner-test-wachtwoord',
      admin_password2: 'verkenner-test-wachtwoord', pw_weak: '1', admin_email: 'redactie@example.org', blog_public: '0', language: '',
    });
    const install = await fetch(`${url}/wp-admin/install.php?step=2`, { method: 'POST', body: form });
    const installed = await install.text();
    if (!/wp-login\.php/.test(installed)) throw new Error(`WordPress did not install:\n${installed.slice(0, 2000)}`);
  } catch (error) {
    await close();
    throw error;
  }

  /** Publishes a post with `content` through XML-RPC, as the editor "redactie"; its URL. */
  async function publish(title, content) {
    const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const member = (n, v) => `<member><name>${n}</name><value><string>${esc(v)}</string></value></member>`;
    const body = `<?xml version="1.0"?><methodCall><methodName>wp.newPost</methodName><params>
<param><value><int>1</int></value></param><param><value><string>redactie</string></value></param>
<param><value><string>verkenner-test-wachtwoord</string></value></param>
<param><value><struct>${member('post_type', 'post')}${member('post_status', 'publish')}${member('post_title', title)}${member('post_content', content)}</struct></value></param>
</params></methodCall>`;
    const response = await fetch(`${url}/xmlrpc.php`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
    const text = await response.text();
    const id = text.match(/<string>(\d+)<\/string>/);
    if (!id) throw new Error(`XML-RPC wp.newPost failed:\n${text}`);
    return `${url}/?p=${id[1]}`;
  }

  return { url, publish, close };
}
